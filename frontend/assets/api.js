// The only way the site talks to the server: a named operation from graphql/operations (operations.js).
import { forget, token } from "./auth.js";
import { operations } from "./operations.js";

export class ApiError extends Error {
  constructor(errors, code) {
    super(errors.map((e) => e.message).join("; ") || code);
    this.errors = errors;
    this.code = code || errors[0]?.extensions?.code;
  }
}

// Sent again by themselves when the server is briefly unavailable (HTTP 503, or no answer at all): every
// query (it changes nothing), and filings, which carry one clientRequestId so a retry never makes a
// second dossier. Other changes are left to the person, who sees what happened first.
const RETRIED_MUTATIONS = new Set(["SubmitDossier", "ReceiveDossier"]);
const RETRY_DELAYS_S = [1, 3, 7]; // backoff between attempts; the server's Retry-After wins (at most 15 s)
const MAX_WAIT_S = 15;

export function isRetried(name) {
  return RETRIED_MUTATIONS.has(name) || operations[name].trimStart().startsWith("query");
}

// Tells the page the request is being tried again ({ attempt, seconds }), or that it is over (null).
function announceRetry(detail) {
  window.dispatchEvent(new CustomEvent("api:retry", { detail }));
}

const wait = (seconds) => new Promise((resolve) => { setTimeout(resolve, seconds * 1000); });

export async function run(name, variables = {}) {
  const retried = isRetried(name);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const data = await send(name, variables);
      if (attempt) announceRetry(null);
      return data;
    } catch (error) {
      const transient = error.code === "NETWORK" || error.code === "SERVICE_UNAVAILABLE";
      if (!retried || !transient || attempt >= RETRY_DELAYS_S.length) {
        if (attempt) announceRetry(null);
        throw error;
      }
      const seconds = Math.min(error.retryAfter || RETRY_DELAYS_S[attempt], MAX_WAIT_S);
      announceRetry({ attempt: attempt + 1, seconds });
      await wait(seconds);
    }
  }
}

async function send(name, variables) {
  const headers = { "content-type": "application/json" };
  const bearer = token();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST", headers, body: JSON.stringify({ operationName: name, query: operations[name], variables }),
    });
  } catch {
    throw new ApiError([], "NETWORK"); // offline, or the connection dropped: the same request may be retried
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([], response.status >= 500 ? "NETWORK" : "HTTP");
  }
  if (!body?.errors?.length && !body?.data) throw new ApiError([], response.status >= 500 ? "NETWORK" : "HTTP");
  if (body.errors?.length) {
    const error = new ApiError(body.errors);
    if (response.status === 503) {
      error.code = "SERVICE_UNAVAILABLE";
      error.retryAfter = Number(response.headers.get("retry-after")) || 0;
    }
    if (error.code === "UNAUTHENTICATED") forget(); // expired or revoked: sign in again
    throw error;
  }
  return body.data;
}

// A mutation whose answer is a union: { ok: payload } or { problem: UserError (code, message, problems) }.
export async function mutate(name, field, input) {
  const data = await run(name, { input });
  const result = data[field];
  return result.__typename.endsWith("Error") ? { problem: result } : { ok: result };
}
