// Opening a stored file or an official slip: the portal hands out a link of a few minutes (checked and
// recorded on the dossier's audit trail each time), and the browser goes there. A file not yet found
// clean by the malware scan is never served: the button says so instead.
import { run } from "../api.js";
import { el } from "../dom.js";
import { addText, errorText, t } from "../i18n.js";
import * as documentsText from "../text/documents.js";

addText(documentsText);

function linkButton(label, fetchUrl, id) {
  const status = el("span", { class: "muted", role: "status" });
  const button = el("button", { type: "button", class: "link", id, onclick: async () => {
    status.textContent = t("loading");
    try {
      const url = await fetchUrl();
      status.textContent = "";
      location.assign(url);
    } catch (error) {
      status.textContent = errorText(error);
    }
  } }, label);
  return el("span", { class: "document-link" }, " ", button, " ", status);
}

// A dossier's file (an attachment or the result), when it is a stored one.
export function documentLink(file, dossierCode) {
  if (!file?.documentId) return null;
  if (file.state && file.state !== "clean") return el("span", { class: "muted" }, ` — ${t(`fileState_${file.state}`)}`);
  return linkButton(t("openFile"), async () => {
    const data = await run("DocumentDownload", { documentId: file.documentId, dossierCode });
    return data.documentDownload.url;
  }, `open-${file.documentId}`);
}

// The electronic receipt of a paid fee as a PDF (for the applicant and the center's officers).
export function receiptLink(dossierCode, paymentId) {
  return linkButton(t("receiptPdf"), async () => {
    const data = await run("PaymentReceipts", { code: dossierCode, paymentId });
    if (!data.paymentReceipts.length) throw new Error(t("payNothing"));
    return data.paymentReceipts[0].url;
  }, `receipt-pdf-${paymentId}`);
}

// An official slip of the dossier as a PDF: RECEIPT (form 01), SUPPLEMENT_REQUEST (02), APOLOGY (04).
export function slipLink(dossierCode, slip) {
  return linkButton(t(`slip_${slip}`), async () => {
    const data = await run("DossierSlip", { code: dossierCode, slip });
    return data.dossierSlip.url;
  }, `slip-${slip.toLowerCase()}`);
}
