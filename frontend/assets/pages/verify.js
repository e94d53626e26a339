// #/xac-thuc/<code>: anyone holding an electronic result checks it is the one the portal issued. The
// file never leaves the device: the browser computes its SHA-256 and the portal says whether it matches
// the issued file's hash and whether the portal's signature over that hash holds. No personal data.
import { run } from "../api.js";
import { el, heading } from "../dom.js";
import { addText, errorText, formatDateTime, t } from "../i18n.js";
import * as documentsText from "../text/documents.js";

addText(documentsText);

async function sha256(file) {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function verifyPage(view, code) {
  const input = el("input", { type: "file", id: "verify-file", accept: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" });
  const out = el("div", { id: "verification", "aria-live": "polite" });

  async function check(file) {
    out.replaceChildren(el("p", { class: "muted" }, t("loading")));
    try {
      const hash = file ? await sha256(file) : "";
      const { verifyDocument: v } = await run("VerifyDocument", { code, sha256: hash });
      if (!v.found) return out.replaceChildren(el("p", { class: "error", id: "verdict", "data-verdict": "unknown" }, t("verifyUnknown")));
      const genuine = v.signatureValid && v.matches === true;
      const verdict = !v.signatureValid ? "forged" : v.matches === null ? "issued" : genuine ? "genuine" : "different";
      out.replaceChildren(el("div", { class: `notice ${genuine ? "ok" : verdict === "issued" ? "" : "error"}` },
        el("p", { id: "verdict", "data-verdict": verdict }, el("strong", {}, t(`verify_${verdict}`))),
        el("p", {}, `${v.procedureName} — ${t("verifyIssued")} ${formatDateTime(v.issuedAt)}`)));
    } catch (error) {
      out.replaceChildren(el("p", { class: "error" }, errorText(error)));
    }
  }

  input.addEventListener("change", () => input.files[0] && check(input.files[0]));
  view.show(heading(t("verifyTitle")),
    el("p", {}, t("verifyLead"), " ", el("code", {}, code)),
    el("div", { class: "field" }, el("label", { for: "verify-file" }, t("verifyChoose")), input),
    out);
  check(null);
}
