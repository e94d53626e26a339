// What pages other than the payment page show of fees and payments: the fee notice (dossier page, after
// filing), the receipt's facts, the citizen's receipts (My dossiers), and the officer's fee and payments.
import { mutate, run } from "../api.js";
import { el, message } from "../dom.js";
import { addText, errorText, formatDateTime, serverText, t } from "../i18n.js";
import { receiptLink } from "./document-link.js";
import { exemptionDecision } from "./exemptions.js";
import * as paymentsText from "../text/payments.js";

addText(paymentsText);

export const amount = (n) => t("amount", n);

export function receiptFacts(r) {
  const row = (label, value, id) => [el("dt", {}, label), el("dd", id ? { id } : {}, value)];
  return el("dl", { class: "facts", id: "payment-receipt" },
    row(t("receiptNumber"), r.number, "receipt-number"), row(t("payer"), r.payer),
    row(t("feeAmount"), amount(r.amountVnd), "receipt-amount"), row(t("procedure"), r.procedureName),
    row(t("code"), r.dossierCode), row(t("collectingAgency"), r.collectingAgency),
    row(t("paidAt"), formatDateTime(r.issuedAt)), row(t("paymentReference"), r.paymentReference));
}

// A section that loads what the dossier owes and offers to pay it (nothing when it owes nothing).
export function feeNotice(code) {
  const box = el("section", { class: "group attention no-print", id: "fee-notice", hidden: true, "aria-live": "polite" });
  run("DossierPayments", { code }).then(({ dossierPayments: p }) => {
    if (p.fee?.exemption?.decision === "PENDING") {
      box.replaceChildren(el("h2", {}, t("payTitle")), el("p", { id: "exemption-pending" }, t("exemptionPendingPay")));
      box.hidden = false;
      return;
    }
    if (!p.fee || p.fee.status !== "DUE") return;
    box.replaceChildren(el("h2", {}, t("payTitle")), el("p", {}, t("payOwes", amount(p.fee.amountVnd)), " ", t("payWaitingHint")),
      el("a", { class: "button primary", id: "go-pay", href: `#/thanh-toan/${code}` }, t("payNow")));
    box.hidden = false;
  }).catch(() => {});
  return box;
}

// The citizen's electronic receipts (shown under "My dossiers"; nothing when there are none).
export function myReceipts() {
  const box = el("section", { class: "group", id: "my-receipts", hidden: true, "aria-labelledby": "my-receipts-title" });
  run("MyReceipts").then(({ myReceipts: list }) => {
    if (!list.length) return;
    box.replaceChildren(el("h2", { id: "my-receipts-title" }, t("receiptsTitle")),
      el("ul", { class: "plain" }, list.map((r) => el("li", {},
        el("a", { href: `#/thanh-toan/${r.dossierCode}` }, r.number), ` · ${amount(r.amountVnd)} · ${r.procedureName} · ${formatDateTime(r.issuedAt)}`))));
    box.hidden = false;
  }).catch(() => {});
  return box;
}

// Officers: the dossier's fee and payments, setting a fee the catalog does not fix, refunding (a lead).
// The server decides who may do each; its refusals are shown as sent.
export function officerPayments(code) {
  const box = el("section", { class: "group", id: "officer-payments", "aria-labelledby": "officer-payments-title", hidden: true });
  const feedback = el("div", { role: "status", "aria-live": "polite" });

  async function send(operation, field, input) {
    feedback.replaceChildren();
    try {
      const { problem } = await mutate(operation, field, input);
      if (problem) return feedback.replaceChildren(message("error", (problem.problems?.[0] && serverText(problem.problems[0])) || serverText(problem)));
      await load();
      feedback.replaceChildren(message("ok", t("stepDone", t({ refundPayment: "refund", decideExemption: "decideExemption" }[field] || "setFee"))));
    } catch (error) {
      feedback.replaceChildren(message("error", errorText(error)));
    }
  }

  function feeForm(fee) {
    const amountInput = el("input", { id: "fee-set-amount", type: "number", min: 0, max: 100000000, step: 1000, inputmode: "numeric", value: fee?.amountVnd || "" });
    const note = el("input", { id: "fee-set-note", maxlength: 500 });
    return el("form", { id: "fee-set", novalidate: true, onsubmit: (e) => {
      e.preventDefault();
      send("SetDossierFee", "setDossierFee", { code, amountVnd: Number(amountInput.value || 0), note: note.value.trim() });
    } },
    el("div", { class: "field" }, el("label", { for: "fee-set-amount" }, t("feeAmount")), amountInput),
    el("div", { class: "field" }, el("label", { for: "fee-set-note" }, t("feeNote")), note),
    el("button", { type: "submit", class: "secondary" }, t("setFee")));
  }

  function refundForm(payment) {
    const reason = el("select", { id: `refund-reason-${payment.paymentId}` },
      ["REFUSED_AT_RECEPTION", "WITHDRAWN_BEFORE_PROCESSING", "PAID_TWICE"].map((r) => el("option", { value: r }, t("refundReasons")[r])));
    const note = el("input", { id: `refund-note-${payment.paymentId}`, maxlength: 500 });
    return el("form", { class: "refund", novalidate: true, onsubmit: (e) => {
      e.preventDefault();
      send("RefundPayment", "refundPayment", { code, paymentId: payment.paymentId, reason: reason.value, note: note.value.trim() });
    } },
    el("div", { class: "field" }, el("label", { for: reason.id }, t("refundReason")), reason),
    el("div", { class: "field" }, el("label", { for: note.id }, t("feeNote")), note),
    el("button", { type: "submit", class: "danger" }, t("refund")));
  }

  async function load() {
    const { dossierPayments: p } = await run("DossierPayments", { code });
    const fee = p.fee;
    box.replaceChildren(...[el("h2", { id: "officer-payments-title" }, t("payTitle")),
      fee ? el("p", { id: "officer-fee" }, `${amount(fee.amountVnd)} · ${t("feeDueWhen")[fee.due]} · ${t("feeStatuses")[fee.status]}`) : el("p", {}, t("payNothing")),
      feedback,
      fee?.exemption ? exemptionDecision(fee.exemption, (accept, reason) => send("DecideExemption", "decideExemption", { code, accept, reason })) : null,
      fee && ["TO_BE_SET", "DUE"].includes(fee.status) && fee.exemption?.decision !== "PENDING" ? feeForm(fee) : null,
      p.payments.map((x) => el("div", { class: "payment" },
        el("p", {}, `${formatDateTime(x.createdAt)} · ${amount(x.amountVnd)} · ${t("paymentStates")[x.state]}`,
          x.receipt ? ` · ${x.receipt.number}` : "", x.refund ? ` · ${t("feeStatuses").REFUNDED}: ${x.refund.note}` : "",
          x.receipt ? receiptLink(code, x.paymentId) : null),
        x.state === "SUCCESS" && !x.refund ? refundForm(x) : null))].flat().filter(Boolean));
    box.hidden = false;
  }
  load().catch(() => {});
  return box;
}
