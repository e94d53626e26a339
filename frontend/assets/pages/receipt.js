// The receipt and appointment slip (form 01, Circular 03/2025): what the applicant keeps. Shown right
// after filing, and again from the dossier at #/ho-so/<code>/bien-nhan; made to be printed.
import { run } from "../api.js";
import { el, heading, message } from "../dom.js";
import { addText, errorText, formatBytes, formatDate, formatDateTime, formatDue, formatTime, pick, t } from "../i18n.js";
import { freshReceipt } from "../just-filed.js";
import { feeNotice } from "../components/payments.js";
import * as dossiersText from "../text/dossiers.js";

addText(dossiersText);

function row(label, ...value) {
  return [el("dt", {}, label), el("dd", {}, ...value)];
}

export function receipt(d, { justFiled = false } = {}) {
  const center = d.center || {};
  const procedureName = d.procedure ? pick(d.procedure, "name") : d.procedureName;
  return el("article", { class: "receipt", id: "receipt", "aria-labelledby": "receipt-title" },
    el("p", { class: "receipt-org" }, t("portal")),
    el("h2", { id: "receipt-title", class: "receipt-title" }, t("receiptTitle")),
    el("p", { class: "muted small" }, t("receiptForm")),
    el("dl", { class: "facts receipt-facts" },
      row(t("code"), el("strong", { class: "big", id: "receipt-code" }, d.code)),
      row(t("trackingSecret"), el("strong", { class: "mono", id: "receipt-secret" }, d.trackingSecret)),
      row(t("procedure"), `${procedureName} (${d.procedureCode})`),
      d.subject ? row(t("subjectLabel"), el("strong", { id: "receipt-subject" }, d.subject)) : null,
      row(t("applicantName"), d.applicant?.fullName || ""),
      row(t("idNumber"), d.applicant?.idNumber || ""),
      d.applicant?.phone ? row(t("phone"), d.applicant.phone) : null,
      d.applicant?.email ? row(t("email"), d.applicant.email) : null,
      row(t("documentsReceived"), d.attachments?.length
        ? el("ul", { class: "plain" }, d.attachments.map((a) => el("li", {}, `${a.name} (${formatBytes(a.sizeBytes)})`, a.document ? ` — ${a.document}` : "")))
        : t("noAttachments")),
      row(t("time"), el("span", { id: "receipt-time" }, formatTime(d.processingTime))),
      row(t("receivedAt"), formatDateTime(d.receivedAt)),
      row(t("due"), el("strong", { id: "receipt-due" }, formatDue(d.appointmentDate))),
      row(t("returnedAt"), el("span", {}, center.name || ""), el("br"), center.address || "", el("br"),
        center.hotline ? [t("hotlineShort"), " ", el("a", { href: `tel:${center.hotline}` }, center.hotline)] : ""),
      row(t("resultForm"), t("resultElectronic"))),
    el("p", { class: "small" }, t("trackWith")),
    justFiled && d.duplicate ? message("info", t("alreadyFiled")) : null);
}

const nextSteps = () => el("section", { class: "group no-print", id: "next-steps", "aria-labelledby": "next-title" },
  el("h2", { id: "next-title" }, t("nextSteps")),
  el("ol", {}, el("li", {}, t("nextStep1")), el("li", {}, t("nextStep2")), el("li", {}, t("nextStep3"))));

export async function receiptPage(view, code) {
  let d = freshReceipt(code);
  const justFiled = Boolean(d);
  if (!d) {
    view.show(el("p", { class: "muted" }, t("loading")));
    try {
      d = (await run("GetDossier", { code })).dossier;
    } catch (error) {
      return view.show(heading(t("receiptTitle")), message("error", errorText(error)));
    }
  }
  view.show(
    heading(justFiled ? t("filed") : t("receiptTitle")),
    justFiled ? el("p", { class: "notice ok", role: "status" }, t("filedLead")) : null,
    receipt(d, { justFiled }),
    feeNotice(code),
    justFiled ? nextSteps() : null,
    el("div", { class: "actions no-print" },
      el("button", { type: "button", class: "primary", id: "print", onclick: () => window.print() }, t("print")),
      el("a", { class: "button secondary", href: `#/ho-so/${code}` }, t("viewDossier")),
      el("a", { class: "button secondary", href: "#/ho-so-cua-toi" }, t("myDossiers"))));
}
