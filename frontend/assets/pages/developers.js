// For third-party developers (#/nha-phat-trien): registering, authenticating, limits, webhooks and
// their signatures, incremental sync, and the named operations to copy (the only ones prod accepts).
import { clientTokenUrl } from "../config.js";
import { operations } from "../operations.js";
import { el, heading } from "../dom.js";
import { addText, t } from "../i18n.js";
import * as developersText from "../text/developers.js";

addText(developersText);

// The operations an app uses; every one of graphql/operations is registered, these are the ones for apps.
const APP_OPERATIONS = [
  "ViewerClient", "DossierChanges", "DossierRemovals", "GetDossier", "MyDossiers", "SubmitDossier", "SubscribeWebhook",
  "WebhookSubscriptions", "WebhookDeliveries", "ReplayWebhookDeliveries", "SearchProcedures", "GetProcedure",
  "Centers", "Provinces", "Communes", "TrackDossier",
];
const EVENTS = [
  "dossier.received", "dossier.status_changed", "dossier.supplement_requested", "dossier.result_ready",
  "dossier.deadline_extended", "dossier.message_posted", "payment.settled",
];

const token = () => `curl -s -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \\
  -d scope=center:dossiers ${clientTokenUrl()}
# {"access_token": "eyJ...", "token_type": "Bearer", "expires_in": 3600, "scope": "center:dossiers"}`;

const PAYLOAD = `{"type":"dossier.status_changed","timestamp":"2026-03-02T09:30:00+07:00",
 "data":{"code":"X79.069.00-260302-010001","seq":2,"action":"start_processing",
         "status":"processing","centerId":"hcc-79-26743","procedureCode":"1.001193",
         "dueDate":"2026-03-09"}}`;

const PYTHON = `import base64, hashlib, hmac, time

def verify_webhook(secret: str, headers: dict, body: bytes) -> bool:
    msg_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > 300:  # older than 5 minutes: refuse
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, s.removeprefix("v1,"))
               for s in headers["webhook-signature"].split() if s.startswith("v1,"))`;

const JAVASCRIPT = `import { createHmac, timingSafeEqual } from "node:crypto";

export function verifyWebhook(secret, headers, body /* Buffer, as received */) {
  const id = headers["webhook-id"], timestamp = headers["webhook-timestamp"];
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false; // older than 5 minutes
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(\`\${id}.\${timestamp}.\`).update(body).digest();
  return headers["webhook-signature"].split(" ").filter((s) => s.startsWith("v1,")).some((s) => {
    const given = Buffer.from(s.slice(3), "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}`;

const code = (text) => el("pre", { class: "code" }, el("code", {}, text));
const section = (title, ...children) => el("section", {}, heading(title, 2), ...children);
const list = (items) => el("ul", {}, items.map((i) => el("li", {}, i)));

async function sha256(text) {
  if (!globalThis.crypto?.subtle) return "";
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function operationBlock(name) {
  const hash = el("code", { class: "muted" }, "");
  sha256(operations[name]).then((h) => { hash.textContent = h; });
  return el("details", {}, el("summary", {}, name), el("p", {}, `${t("devHash")}: `, hash), code(operations[name]));
}

export function developersPage(view) {
  view.show(
    heading(t("devTitle")),
    el("p", {}, t("devIntro")),
    section(t("devRegister"), el("p", {}, t("devRegisterText")), list([t("devScopePublic"), t("devScopeRead"), t("devScopeWrite"), t("devScopeCenter")])),
    section(t("devAuth"), el("p", {}, t("devAuthText")), code(token())),
    section(t("devLimits"), el("p", {}, t("devLimitsText")),
      code("RateLimit-Policy: 300;w=60, 50000;w=86400\nRateLimit-Limit: 300\nRateLimit-Remaining: 299\nRateLimit-Reset: 42\n# past a limit: HTTP 429, Retry-After: 42, errors[0].extensions.code = RATE_LIMITED")),
    section(t("devSync"), el("p", {}, t("devSyncText"))),
    section(t("devEvents"), el("p", {}, t("devEventsText")), list(EVENTS.map((e) => el("code", {}, e))), code(PAYLOAD)),
    section(t("devVerify"), el("p", {}, t("devVerifyText")),
      heading("Python", 3), code(PYTHON), heading("JavaScript (Node.js)", 3), code(JAVASCRIPT)),
    section(t("devOperations"), el("p", {}, t("devOperationsText")),
      APP_OPERATIONS.filter((name) => operations[name]).map(operationBlock)),
  );
}
