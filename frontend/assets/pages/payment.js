// Paying a dossier's fee online (#/thanh-toan/<code>) and coming back from the provider
// (#/thanh-toan/<code>/<paymentId>): the return page asks the server, which asks the provider; the
// address the provider sent the citizen back to proves nothing. Also the fee notice shown on the
// dossier page and after filing, and the citizen's receipts.
import { mutate, run } from "../api.js";
import { session } from "../auth.js";
import { el, heading, message } from "../dom.js";
import { errorText, formatDateTime, serverText, t } from "../i18n.js";
import { receiptLink } from "../components/document-link.js";
import { exemptionDecision } from "../components/exemptions.js";
import { signInPrompt } from "./file-dossier.js";

const FINISHED_BADLY = ["FAILED", "CANCELLED", "EXPIRED", "ERROR"];
const amount = (n) => t("amount", n);

// One key per pay button press sequence: a double click or a retry after a dropped answer is the same request.
function payKey(code) {
  const name = `pay:${code}`;
  let key = sessionStorage.getItem(name);
  if (!key) {
    key = crypto.randomUUID().replaceAll("-", "");
    sessionStorage.setItem(name, key);
  }
  return key;
}

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

async function pay(code, feedback, button) {
  button.disabled = true;
  feedback.replaceChildren();
  try {
    const { ok, problem } = await mutate("StartPayment", "startPayment", { code, idempotencyKey: payKey(code) });
    if (problem) return feedback.replaceChildren(message("error", serverText(problem)));
    if (ok.payment.finished) sessionStorage.removeItem(`pay:${code}`);
    if (ok.payment.nextUrl) location.assign(ok.payment.nextUrl);
  } catch (error) {
    feedback.replaceChildren(message("error", errorText(error)));
  } finally {
    button.disabled = false;
  }
}

export async function paymentPage(view, code) {
  if (!session()) return signInPrompt(view, t("payTitle"), `#/thanh-toan/${code}`);
  view.show(el("p", { class: "muted" }, t("loading")));
  let p;
  try {
    p = (await run("DossierPayments", { code })).dossierPayments;
  } catch (error) {
    return view.show(heading(t("payTitle")), message("error", errorText(error)));
  }
  const feedback = el("div", { id: "pay-feedback", role: "status", "aria-live": "polite" });
  const fee = p.fee;
  const button = el("button", { type: "button", class: "primary", id: "pay" }, t("payNow"));
  button.addEventListener("click", () => pay(code, feedback, button));
  const receipts = p.payments.filter((x) => x.receipt);
  view.show(
    el("p", {}, el("a", { href: `#/ho-so/${code}` }, t("backToDossier"))),
    heading(t("payTitle")),
    el("p", { class: "mono" }, t("payFor", code)),
    fee ? el("dl", { class: "facts" },
      el("dt", {}, t("feeAmount")), el("dd", { id: "fee-amount" }, amount(fee.amountVnd)),
      el("dt", {}, t("feeDue")), el("dd", {}, t("feeDueWhen")[fee.due]),
      el("dt", {}, t("status")), el("dd", { id: "fee-status" }, t("feeStatuses")[fee.status]),
      fee.note ? [el("dt", {}, t("fees")), el("dd", {}, fee.note)] : null,
      fee.exemption ? [el("dt", {}, t("exemptionRequested")), el("dd", { id: "fee-exemption" },
        `${fee.exemption.description} · ${t("exemptionDecisions")[fee.exemption.decision]}`, fee.exemption.reason ? ` · ${fee.exemption.reason}` : "")] : null) : el("p", {}, t("payNothing")),
    feedback,
    fee?.status === "DUE" && fee.exemption?.decision !== "PENDING" ? [el("p", { class: "hint" }, t("payHint")), el("div", { class: "actions" }, button)] : null,
    p.payments.length ? [el("h2", {}, t("payments")), el("ul", { class: "plain", id: "payments" }, p.payments.map((x) =>
      el("li", {}, `${formatDateTime(x.createdAt)} · ${amount(x.amountVnd)} · ${t("paymentStates")[x.state]}`)))] : null,
    receipts.length ? [el("h2", {}, t("receiptsTitle")), receipts.map((x) => [receiptFacts(x.receipt), el("p", {}, receiptLink(code, x.paymentId))])] : null);
}

export async function paymentReturnPage(view, code, paymentId) {
  if (!session()) return signInPrompt(view, t("payTitle"), `#/thanh-toan/${code}/${paymentId}`);
  const back = el("p", {}, el("a", { href: `#/ho-so/${code}` }, t("backToDossier")));
  let tries = 0;
  async function check() {
    view.show(back, heading(t("payTitle")), el("p", { class: "muted", role: "status" }, t("payChecking")));
    let result;
    try {
      result = await mutate("CheckPayment", "checkPayment", { code, paymentId });
    } catch (error) {
      return view.show(back, heading(t("payTitle")), message("error", errorText(error)), again());
    }
    if (result.problem) return view.show(back, heading(t("payTitle")), message("error", serverText(result.problem)));
    const payment = result.ok.payment;
    if (payment.state === "SUCCESS") {
      sessionStorage.removeItem(`pay:${code}`);
      return view.show(back, heading(t("payTitle")), el("div", { class: "notice ok", role: "status", id: "pay-result" }, t("paySuccess")),
        el("h2", {}, t("receiptsTitle")), receiptFacts(payment.receipt), el("p", {}, receiptLink(code, payment.paymentId)));
    }
    if (FINISHED_BADLY.includes(payment.state)) {
      sessionStorage.removeItem(`pay:${code}`);
      return view.show(back, heading(t("payTitle")), el("div", { class: "notice error", role: "alert", id: "pay-result" },
        `${t("paymentStates")[payment.state]}. ${t("payFailed")}`),
      el("div", { class: "actions" }, el("a", { class: "button primary", href: `#/thanh-toan/${code}` }, t("payAgain"))));
    }
    if (++tries < 5 && view.alive) return setTimeout(check, 1500); // the provider is still confirming
    return view.show(back, heading(t("payTitle")), message("info", t("payPending")), again());
  }
  const again = () => el("div", { class: "actions" }, el("button", { type: "button", class: "secondary", id: "check-again", onclick: () => { tries = 0; check(); } }, t("payCheckAgain")));
  await check();
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
