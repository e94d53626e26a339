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
export function storePicker({ files, documents, id = "store", onChange = () => {} }) {
  const node = el("fieldset", { class: "group", id: `${id}-group` },
    el("legend", {}, t("storeLegend")),
    el("p", { class: "muted", id: `${id}-status`, role: "status" }, t("loading")));
  let stored = [];
  const selects = [];

  const pickedFor = (slot) => files.find((f) => f.fromStore && f.document === slot);

  function choose(slot, documentId) {
    const previous = pickedFor(slot);
    if (previous) files.splice(files.indexOf(previous), 1);
    const doc = stored.find((d) => d.id === documentId);
    if (doc) {
      files.push({ name: doc.fileName, contentType: doc.contentType, sizeBytes: doc.sizeBytes, document: slot, documentId: doc.id, state: "done", fromStore: true });
    }
    sync();
    onChange();
  }

  // Each select offers the stored documents not attached otherwise (one object at most once a dossier).
  function sync() {
    for (const [control, slot] of selects) {
      const mine = pickedFor(slot);
      const taken = new Set(files.filter((f) => f !== mine && f.documentId).map((f) => f.documentId));
      const offered = stored.filter((d) => !taken.has(d.id))
        .map((d) => [d.id, `${d.fileName} (${formatBytes(d.sizeBytes)}, ${formatDate(d.createdAt)})`]);
      control.replaceChildren(...options([["", t("storeNone")], ...offered], mine?.documentId || ""));
      control.value = mine?.documentId || "";
    }
  }

  run("MyDocuments", { first: STORE_PAGE }).then((data) => {
    stored = data.myDocuments.edges.map((e) => e.node).filter((d) => d.state === "CLEAN");
    if (!stored.length) {
      node.replaceChildren(node.firstChild, el("p", { class: "muted", id: `${id}-status` }, t("storeEmpty")));
      return;
    }
    const fields = documents.map((d, i) => {
      const control = select({ id: `${id}-${i}`, onchange: (e) => choose(d.name, e.target.value) }, []);
      selects.push([control, d.name]);
      return el("div", { class: "field compact" }, el("label", { for: `${id}-${i}` }, pick(d, "name")), control);
    });
    node.replaceChildren(node.firstChild, el("p", { class: "hint", id: `${id}-status` }, t("storeHint")), ...fields);
    sync();
  }, () => {
    node.replaceChildren(node.firstChild, el("p", { class: "muted", id: `${id}-status` }, t("storeUnavailable")));
  });

  return { node, sync };
}
