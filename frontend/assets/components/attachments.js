// Files attached to a dossier, as the API takes them: name, type, size, and which required document
// each stands for. The file's content is not sent (no upload service yet): the interface says so.
import { el, select } from "../dom.js";
import { addText, formatBytes, pick, t } from "../i18n.js";
import { checkAttachment, FILE_TYPES, MAX_FILES } from "../validation.js";
import * as documentsText from "../text/documents.js";

addText(documentsText);

// files: the page's array of { name, contentType, sizeBytes, document }; documents: the procedure's.
export function attachmentsField({ files, documents, id = "files", legend = t("attachments"), single = false, onChange = () => {} }) {
  const error = el("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const list = el("ul", { class: "files", id: `${id}-list`, "aria-live": "polite" });
  const input = el("input", {
    type: "file", id, multiple: !single, accept: ".pdf,.jpg,.jpeg,.png," + FILE_TYPES.join(","),
    "aria-describedby": `${id}-hint ${id}-error`,
  });

  function draw() {
    list.replaceChildren(...files.map((f, i) => {
      const problem = checkAttachment(f);
      const docId = `${id}-doc-${i}`;
      return el("li", { class: `file ${problem ? "invalid" : ""}` },
        el("span", { class: "file-name" }, f.name),
        el("span", { class: "muted" }, ` ${f.contentType || "?"} · ${formatBytes(f.sizeBytes)}`),
        problem ? el("span", { class: "field-error block" }, t(...problem)) : null,
        documents?.length
          ? el("div", { class: "field compact" }, el("label", { for: docId }, t("documentFor")),
            select({ id: docId, onchange: (e) => { f.document = e.target.value; onChange(); } },
              [["", t("documentOther")], ...documents.map((d) => [d.name, pick(d, "name")])], f.document))
          : null,
        el("button", {
          type: "button", class: "link", "aria-label": t("removeFile", f.name),
          onclick: () => { files.splice(i, 1); draw(); onChange(); input.focus(); },
        }, t("remove")));
    }));
  }

  input.addEventListener("change", () => {
    const chosen = [...input.files].map((file) => ({
      name: file.name, contentType: file.type, sizeBytes: file.size, document: "",
    }));
    if (single) files.splice(0, files.length);
    files.push(...chosen);
    input.value = "";
    setError(files.length > MAX_FILES ? t("tooManyFiles", MAX_FILES) : null);
    draw();
    onChange();
  });

  function setError(text) {
    error.hidden = !text;
    error.textContent = text || "";
  }

  draw();
  const node = el("fieldset", { class: "group", id: `${id}-group` },
    el("legend", {}, legend),
    el("p", { class: "hint", id: `${id}-hint` }, t(single ? "resultFileHint" : "filesHint", MAX_FILES), " ", el("strong", {}, t("metadataOnly"))),
    el("label", { for: id, class: "label" }, t(single ? "chooseFile" : "chooseFiles")),
    input, list, error);
  return { node, setError, focus: () => input.focus() };
}

// Problems with the list as a whole or any file, as [index or null, text key...]; empty when fine.
export function attachmentProblems(files) {
  const problems = files.length > MAX_FILES ? [[null, "tooManyFiles", MAX_FILES]] : [];
  files.forEach((f, i) => {
    const p = checkAttachment(f);
    if (p) problems.push([i, ...p]);
  });
  return problems;
}
