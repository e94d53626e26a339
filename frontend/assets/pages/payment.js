// Paying a dossier's fee online (#/thanh-toan/<code>) and coming back from the provider
// (#/thanh-toan/<code>/<paymentId>): the return page asks the server, which asks the provider; the
// address the provider sent the citizen back to proves nothing. What other pages show of fees (the fee
// notice, the receipts, the officer's payments) is in components/payments.js.
import { mutate, run } from "../api.js";
import { session } from "../auth.js";
import { signInPrompt } from "../components/sign-in.js";
import { el, heading, message } from "../dom.js";
import { addText, errorText, formatDateTime, serverText, t } from "../i18n.js";
import { receiptLink } from "../components/document-link.js";
import { amount, receiptFacts } from "../components/payments.js";
import * as paymentsText from "../text/payments.js";

addText(paymentsText);

const FINISHED_BADLY = ["FAILED", "CANCELLED", "EXPIRED", "ERROR"];

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
    el("p", {}, t("payFor"), " ", el("span", { class: "mono" }, code)), // monospace breaks Vietnamese marks: the code only
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
