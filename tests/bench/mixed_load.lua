-- wrk script: a mix of the portal's traffic, as named operations of graphql/operations.
-- Filled in by tests/bench/throughput.py: OPERATIONS (name -> query), DOSSIERS, TOKEN, FORM, ELECTRONIC, CENTER.
local counter = 0
local thread_id = 0
errors = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end
threads = {}

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end

local function body(name, variables)
  return '{"operationName":"' .. name .. '","query":' .. json_string(OPERATIONS[name]) .. ',"variables":' .. variables .. '}'
end

request = function()
  counter = counter + 1
  local r = math.random(100)
  local headers = { ["content-type"] = "application/json" }
  if r <= 60 then -- citizens following their dossier
    local d = DOSSIERS[math.random(#DOSSIERS)]
    return wrk.format("POST", "/graphql", headers, body("TrackDossier", '{"code":"' .. d[1] .. '","trackingSecret":"' .. d[2] .. '"}'))
  elseif r <= 80 then -- looking up a procedure
    return wrk.format("POST", "/graphql", headers, body("SearchProcedures", '{"search":"dang ky khai sinh","first":10}'))
  elseif r <= 95 then -- finding a center
    return wrk.format("POST", "/graphql", headers, body("NearestCenters", '{"near":{"lat":21.0288,"lon":105.8525},"radiusKm":5,"first":5}'))
  else -- filing a dossier: a new client request id each time
    headers["authorization"] = "Bearer " .. TOKEN
    local id = "wrk-" .. wrk.thread:get("id") .. "-" .. counter .. "-" .. math.random(1000000000)
    return wrk.format("POST", "/graphql", headers, body("SubmitDossier",
      '{"input":{"clientRequestId":"' .. id .. '","procedureCode":"1.001193","centerId":"' .. CENTER .. '","formData":' .. FORM .. ',"electronicDocuments":' .. ELECTRONIC .. '}}'))
  end
end

response = function(status, headers, b)
  if status ~= 200 or b:find('"errors"', 1, true) or b:find('Error"', 1, true) then
    errors = errors + 1
  end
end

done = function(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("errors") end
  io.write(string.format('WRK_RESULT {"requests":%d,"seconds":%.3f,"errors":%d,"p50_ms":%.3f,"p99_ms":%.3f,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, total, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
