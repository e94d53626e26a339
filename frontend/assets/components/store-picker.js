// "Use a document from my store" (Kho dữ liệu cá nhân): for each document the procedure asks for, the
// citizen may attach one of their clean stored documents instead of uploading it again. The entry goes
// into the same list as the uploads, by the stored document's id: the same object, never copied (the
// server checks again on submit that it is the citizen's own and not rejected).
import { run } from "../api.js";
import { el, options, select } from "../dom.js";
import { addText, formatBytes, formatDate, pick, t } from "../i18n.js";
import * as documentsText from "../text/documents.js";

addText(documentsText);

const STORE_PAGE = 50;

// files: the filing's entries (see uploads.js); documents: the procedure's; onChange: after a pick.
// Two selects whatever the procedure asks for (which stored document, for which of the procedure's
// documents) and a button: the pick joins the attachments' list, where it can be moved or removed.
export function storePicker({ files, documents, id = "store", onChange = () => {} }) {
  const node = el("fieldset", { class: "group", id: `${id}-group` },
    el("legend", {}, t("storeLegend")),
    el("p", { class: "muted", id: `${id}-status`, role: "status" }, t("loading")));
  let stored = [];
  const documentPick = select({ id: `${id}-document` }, []);
  const slotPick = select({ id: `${id}-slot` }, documents.map((d) => [d.name, pick(d, "name")]));
  const attach = el("button", { type: "button", class: "secondary", id: `${id}-attach` }, t("storeAttach"));

  attach.addEventListener("click", () => {
    const doc = stored.find((d) => d.id === documentPick.value);
    if (!doc) return;
    files.push({ name: doc.fileName, contentType: doc.contentType, sizeBytes: doc.sizeBytes, document: slotPick.value, documentId: doc.id, state: "done", fromStore: true });
    sync();
    offerAnEmptySlot();
    onChange();
  });

  // The stored documents not attached yet (one object at most once a dossier); after a pick, the first
  // procedure document with nothing attached is offered next.
  function sync() {
    const taken = new Set(files.filter((f) => f.documentId).map((f) => f.documentId));
    const offered = stored.filter((d) => !taken.has(d.id))
      .map((d) => [d.id, `${d.fileName} (${formatBytes(d.sizeBytes)}, ${formatDate(d.createdAt)})`]);
    documentPick.replaceChildren(...options(offered, ""));
    documentPick.disabled = attach.disabled = offered.length === 0;
  }

  function offerAnEmptySlot() {
    const empty = documents.find((d) => !files.some((f) => f.document === d.name));
    if (empty) slotPick.value = empty.name;
  }

  loadStore().then((clean) => {
    stored = clean;
    if (!stored.length) {
      node.replaceChildren(node.firstChild, el("p", { class: "muted", id: `${id}-status` }, t("storeEmpty")));
      return;
    }
    node.replaceChildren(node.firstChild, el("p", { class: "hint", id: `${id}-status` }, t("storeHint")),
      el("div", { class: "field compact" }, el("label", { for: `${id}-document` }, t("storeDocument")), documentPick),
      el("div", { class: "field compact" }, el("label", { for: `${id}-slot` }, t("documentFor")), slotPick),
      attach);
    sync();
    offerAnEmptySlot();
  }, () => {
    node.replaceChildren(node.firstChild, el("p", { class: "muted", id: `${id}-status` }, t("storeUnavailable")));
  });

  return { node, sync };
}

// The citizen's clean stored documents (one page), for the pickers of one form.
export function loadStore() {
  return run("MyDocuments", { first: STORE_PAGE })
    .then((data) => data.myDocuments.edges.map((e) => e.node).filter((d) => d.state === "CLEAN"));
}

// One document of a generic form (components/document-slots.js): a stored document attached for `slot`
// with a select and a button, folded under "take from my store" (a phone shows the upload first).
// `stored`: loadStore()'s answer; the pick joins the filing's entries like an upload.
export function storeChoice({ files, slot, stored, id, onChange = () => {} }) {
  const pick = select({ id: `${id}-store` }, []);
  const attach = el("button", { type: "button", class: "secondary", id: `${id}-store-attach` }, t("storeAttach"));
  attach.addEventListener("click", () => {
    const doc = stored.find((d) => d.id === pick.value);
    if (!doc) return;
    files.push({ name: doc.fileName, contentType: doc.contentType, sizeBytes: doc.sizeBytes, document: slot, documentId: doc.id, state: "done", fromStore: true });
    onChange();
  });
  // The stored documents not attached yet: one object at most once a dossier.
  function sync() {
    const taken = new Set(files.filter((f) => f.documentId).map((f) => f.documentId));
    const offered = stored.filter((d) => !taken.has(d.id))
      .map((d) => [d.id, `${d.fileName} (${formatBytes(d.sizeBytes)}, ${formatDate(d.createdAt)})`]);
    pick.replaceChildren(...options(offered, ""));
    pick.disabled = attach.disabled = offered.length === 0;
  }
  sync();
  const node = el("details", { class: "slot-store", id: `${id}-store-group` },
    el("summary", {}, t("slotFromStore")),
    el("div", { class: "field compact" }, el("label", { for: `${id}-store` }, t("storeDocument")), pick),
    attach);
  return { node, sync };
}
