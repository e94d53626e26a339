// Fee exemptions the procedure lists (feeExemptions, read from the catalog's fee lines): the applicant
// chooses one while filing and uploads the document proving it; the officer then accepts it (the fee owed
// becomes the exemption's amount) or refuses it with the reason (the full fee stays owed).
import { el } from "../dom.js";
import { addText, pick, t } from "../i18n.js";
import { uploadsField } from "./uploads.js";
import * as filingText from "../text/filing.js";

addText(filingText);

// Filing: "no exemption" or one of them, and its proof. state: { code, files } kept in the draft of the tab.
export function exemptionChoice({ exemptions, procedureCode, state }) {
  state.files ??= [];
  const error = el("p", { class: "field-error", id: "exemption-error", hidden: true });
  const proof = uploadsField({ files: state.files, documents: [], procedureCode, id: "exemption-proof", legend: t("exemptionProof") });
  const proofHint = el("p", { class: "hint", id: "exemption-proof-what" });
  const proofBox = el("div", { id: "exemption-proof-box" }, proofHint, proof.node);
  const chosen = () => exemptions.find((x) => x.code === state.code) || null;
  function draw() {
    const e = chosen();
    proofBox.hidden = !e;
    proofHint.textContent = e ? t("exemptionProofHint", pick(e, "proof")) : "";
  }
  const option = (value, label, detail) => {
    const id = `exemption-${value || "none"}`;
    return el("div", { class: "check" },
      el("input", { type: "radio", name: "exemption", id, value, checked: (state.code || "") === value, onchange: () => { state.code = value; setError(null); draw(); } }),
      el("label", { for: id }, label, detail ? el("span", { class: "muted block" }, detail) : null));
  };
  function setError(text) {
    error.hidden = !text;
    error.textContent = text || "";
  }
  const proofId = () => state.files.find((f) => f.state === "done" && f.documentId)?.documentId || "";
  const node = el("fieldset", { class: "group", id: "exemption" },
    el("legend", {}, t("exemptionLegend")),
    el("p", { class: "hint" }, t("exemptionHint")),
    option("", t("exemptionNone")),
    exemptions.map((e) => option(e.code, pick(e, "description"), e.legalBasis ? t("exemptionBasis", e.legalBasis) : null)),
    error, proofBox);
  draw();
  return {
    node, setError,
    focus: () => node.querySelector("input:checked, input")?.focus(),
    check: () => (chosen() && !proofId() ? ["exemptionProofMissing"] : null),
    // What submitDossier carries: null for none.
    value: () => (chosen() ? { code: state.code, proofDocumentId: proofId() } : null),
    summary: () => (chosen() ? pick(chosen(), "description") : t("exemptionNone")),
  };
}

// The officer's workspace: the request, and accept / refuse with a reason while it is pending.
export function exemptionDecision(exemption, decide) {
  const status = el("p", { id: "exemption-request" },
    `${t("exemptionRequested")}: ${exemption.description} · ${t("exemptionDecisions")[exemption.decision]}`,
    exemption.reason ? ` · ${exemption.reason}` : "");
  if (exemption.decision !== "PENDING") return el("div", { class: "exemption" }, status);
  const reason = el("input", { id: "exemption-reason", maxlength: 500, "aria-describedby": "exemption-reason-hint" });
  return el("form", { class: "exemption", id: "exemption-decision", novalidate: true, onsubmit: (e) => e.preventDefault() },
    status,
    el("p", { class: "hint" }, t("exemptionCheckProof")),
    el("div", { class: "field" },
      el("label", { for: "exemption-reason" }, t("exemptionReason")),
      el("p", { class: "hint", id: "exemption-reason-hint" }, t("exemptionReasonHint")),
      reason),
    el("div", { class: "actions" },
      el("button", { type: "button", class: "secondary", id: "exemption-accept", onclick: () => decide(true, reason.value.trim()) }, t("exemptionAccept")),
      el("button", { type: "button", class: "danger", id: "exemption-refuse", onclick: () => decide(false, reason.value.trim()) }, t("exemptionRefuse"))));
}
