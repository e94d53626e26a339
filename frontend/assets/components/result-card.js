// The dossier's electronic result: its file, the link to download it and the code anyone can verify it
// with (shown to the citizen on the dossier page and to the officer).
import { el } from "../dom.js";
import { addText, formatBytes, t } from "../i18n.js";
import { documentLink } from "./document-link.js";
import * as documentsText from "../text/documents.js";

addText(documentsText);

export function resultCard(result, dossierCode) {
  return el("section", { class: "group result", id: "result", "aria-labelledby": "result-title" },
    el("h2", { id: "result-title" }, t("electronicResult")),
    el("p", {}, el("strong", {}, result.name), el("span", { class: "muted" }, ` · ${result.contentType} · ${formatBytes(result.sizeBytes)}`),
      dossierCode ? documentLink(result, dossierCode) : null),
    result.verificationCode
      ? el("p", {}, t("verifyAt"), " ", el("a", { href: `#/xac-thuc/${result.verificationCode}`, id: "verify-link" }, result.verificationCode))
      : null,
    el("p", { class: "hint" }, t("resultHint")));
}
