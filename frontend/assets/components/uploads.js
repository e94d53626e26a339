// Files of a dossier being filed, uploaded for real: for each chosen file the portal hands out a short
// upload policy, the browser posts the file to /storage (the site's own address) with a progress bar,
// then the portal checks it (real type from its content, size, SHA-256, malware scan). A file that failed
// can be retried; a phone camera photo arrives as a JPEG. The dossier then carries the documents' ids.
import { mutate, run } from "../api.js";
import { el, select } from "../dom.js";
import { addText, formatBytes, pick, serverText, t } from "../i18n.js";
import { checkAttachment, FILE_TYPES, MAX_FILES } from "../validation.js";
import * as documentsText from "../text/documents.js";

addText(documentsText);

const chosen = new WeakMap(); // entry -> its File (kept in memory only: a retry posts it again)

// One file: request a policy, post with progress, complete. Updates `entry` and calls `draw` as it goes.
async function send(entry, file, target, draw) {
  Object.assign(entry, { state: "uploading", progress: 0, error: "" });
  draw();
  try {
    const { ok, problem } = await mutate("RequestDocumentUpload", "requestDocumentUpload", {
      fileName: entry.name, contentType: entry.contentType, sizeBytes: entry.sizeBytes, slot: entry.document || "", ...target,
    });
    if (problem) throw new Error(serverText(problem));
    await post(ok, file, (fraction) => { entry.progress = fraction; draw(); });
    const data = await run("CompleteDocumentUpload", { documentId: ok.document.id });
    const done = data.completeDocumentUpload;
    if (done.__typename !== "DocumentCompleted") {
      Object.assign(entry, { state: "rejected", error: serverText(done) });
    } else {
      const d = done.document;
      Object.assign(entry, { state: d.state === "REJECTED" ? "rejected" : "done", documentId: d.id, contentType: d.contentType, sizeBytes: d.sizeBytes });
    }
  } catch (error) {
    Object.assign(entry, { state: "failed", error: error.message || t("uploadFailed") });
  }
  draw();
}

function post(ticket, file, onProgress) {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    for (const { name, value } of ticket.fields) body.append(name, value);
    body.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", ticket.url);
    request.upload.addEventListener("progress", (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    request.addEventListener("load", () => (request.status < 300 ? resolve() : reject(new Error(t("uploadRefused", request.status)))));
    request.addEventListener("error", () => reject(new Error(t("uploadFailed"))));
    request.send(body);
  });
}

// files: the page's array of { name, contentType, sizeBytes, document, documentId, state }; documents: the procedure's.
// target: where the files go — { procedureCode } while filing, or { dossierCode, purpose } into a dossier
// (a desk scan names its required document first: slotFirst).
// single: one file only (an officer's result): a new choice replaces the previous one.
// slot: the files of one document of the form (a generic form's slot, components/document-slots.js): new
// files stand for it, only its files are listed, and the slot's card gives the legend and hint.
export function uploadsField({ files, documents, procedureCode, target = { procedureCode }, slotFirst = false, single = false, id = "files", legend = t("attachments"), hint = t("uploadsHint", MAX_FILES), slot = null, label = t("chooseFiles"), onChange = () => {} }) {
  const slotPicker = slotFirst
    ? select({ id: `${id}-slot` }, documents.map((d) => [d.name, pick(d, "name")]))
    : null;
  const error = el("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const list = el("ul", { class: "files", id: `${id}-list`, "aria-live": "polite" });
  const input = el("input", {
    type: "file", id, multiple: !single, accept: ".pdf,.jpg,.jpeg,.png," + FILE_TYPES.join(","),
    "aria-describedby": slot === null ? `${id}-hint ${id}-error` : `${id}-error`,
  });
  const listed = () => (slot === null ? files : files.filter((f) => f.document === slot));
  // Entries restored from the draft whose upload never finished have no File any more: choose them again.
  for (const f of files) if (f.state === "uploading") Object.assign(f, { state: "failed", error: t("chooseAgain") });

  function line(f, i) {
    const docId = `${id}-doc-${i}`;
    const problem = checkAttachment(f);
    const status = {
      uploading: t("uploading", Math.round((f.progress || 0) * 100)), done: f.fromStore ? t("fromStore") : t("uploaded"), failed: f.error, rejected: f.error,
    }[f.state] || "";
    return el("li", { class: `file ${problem || f.state === "failed" || f.state === "rejected" ? "invalid" : ""}`, "data-state": f.state || "" },
      el("span", { class: "file-name" }, f.name),
      el("span", { class: "muted" }, ` ${f.contentType || "?"} · ${formatBytes(f.sizeBytes)}`),
      f.state === "uploading" ? el("progress", { max: "100", value: String(Math.round((f.progress || 0) * 100)), "aria-label": t("uploadProgress", f.name) }) : null,
      problem ? el("span", { class: "field-error block" }, t(...problem))
        : el("span", { class: `block ${f.state === "done" ? "ok" : f.state === "uploading" ? "muted" : "field-error"}` }, status),
      documents?.length && !slotFirst && slot === null
        ? el("div", { class: "field compact" }, el("label", { for: docId }, t("documentFor")),
          select({ id: docId, onchange: (e) => { f.document = e.target.value; onChange(); } },
            [["", t("documentOther")], ...documents.map((d) => [d.name, pick(d, "name")])], f.document))
        : null,
      f.state === "failed" && chosen.get(f)
        ? el("button", { type: "button", class: "link", onclick: () => start(f) }, t("retryUpload"))
        : null,
      el("button", {
        type: "button", class: "link", "aria-label": t("removeFile", f.name),
        onclick: () => { files.splice(files.indexOf(f), 1); draw(); onChange(); input.focus(); },
      }, t("remove")));
  }

  function draw() {
    list.replaceChildren(...listed().map(line));
  }

  function start(entry) {
    send(entry, chosen.get(entry), target, () => { draw(); if (entry.state !== "uploading") onChange(); });
  }

  input.addEventListener("change", () => {
    const picked = single ? [...input.files].slice(0, 1) : [...input.files];
    input.value = "";
    if (single && picked.length) files.splice(0, files.length);
    for (const file of picked) {
      const entry = { name: file.name, contentType: file.type, sizeBytes: file.size, document: slot ?? slotPicker?.value ?? "", documentId: "", state: "" };
      files.push(entry);
      if (checkAttachment(entry)) continue; // shown at once; never sent
      chosen.set(entry, file);
      start(entry);
    }
    setError(files.length > MAX_FILES ? t("tooManyFiles", MAX_FILES) : null);
    draw();
    onChange();
  });

  function setError(text) {
    error.hidden = !text;
    error.textContent = text || "";
  }

  draw();
  const node = slot !== null
    ? el("div", { class: "slot-upload", id: `${id}-group` }, el("label", { for: id, class: "label" }, label), input, list, error)
    : el("fieldset", { class: "group", id: `${id}-group` },
      el("legend", {}, legend),
      el("p", { class: "hint", id: `${id}-hint` }, hint),
      slotPicker ? el("div", { class: "field" }, el("label", { for: `${id}-slot` }, t("scanFor")), slotPicker) : null,
      el("label", { for: id, class: "label" }, label),
      input, list, error);
  return { node, setError, focus: () => input.focus(), refresh: draw };
}

// Problems with the list as a whole or any file, as [index or null, text key...]; empty when fine.
export function uploadProblems(files) {
  const problems = files.length > MAX_FILES ? [[null, "tooManyFiles", MAX_FILES]] : [];
  files.forEach((f, i) => {
    const p = checkAttachment(f);
    if (p) problems.push([i, ...p]);
    else if (f.state === "uploading") problems.push([i, "stillUploading"]);
    else if (f.state !== "done") problems.push([i, "uploadNotDone"]);
  });
  return problems;
}

// What the dossier carries: the uploaded documents' ids and the required document each stands for.
export function documentRefs(files) {
  return files.filter((f) => f.state === "done" && f.documentId).map((f) => ({ documentId: f.documentId, slot: f.document || "" }));
}
