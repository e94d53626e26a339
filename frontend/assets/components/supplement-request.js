// The officer's supplement request, once and in full: a checklist of the procedure's documents (each sent
// by its slot), and rows for anything else, each with the legal basis that lets the agency ask for it. The
// server decides (a document off the list, a basis that names no act); its refusals land on their rows.
import { el } from "../dom.js";
import { addText, pick, serverText, t } from "../i18n.js";
import * as officersText from "../text/officers.js";

addText(officersText);

const WHAT_MAX = 500; // input_limits: supplementWhat, legalBasis
const BASIS_MAX = 500;
// The server's problems: supplement (nothing asked), supplement.documents.N, supplement.others.N.what|legalBasis.
const DOCUMENT = /^supplement\.documents\.(\d+)$/;
const OTHER = /^supplement\.others\.(\d+)\.(\w+)$/;

function problemLine(id) {
  return el("p", { class: "field-error", id, hidden: true });
}

function show(line, text, control) {
  line.textContent = text || "";
  line.hidden = !text;
  if (control && text) control.setAttribute("aria-invalid", "true");
  else if (control) control.removeAttribute("aria-invalid");
}

export function supplementRequest({ documents = [], legalBasis = [] }) {
  const slots = [...new Map(documents.map((d) => [d.slot, d])).values()]; // the crawl repeats a few rows
  const boxes = slots.map((d, i) => {
    const id = `asked-document-${i}`;
    const input = el("input", { type: "checkbox", id, value: d.slot, "aria-describedby": `${id}-error` });
    const problem = problemLine(`${id}-error`);
    return { input, problem, node: [el("div", { class: "choice" }, input, el("label", { for: id }, pick(d, "name"))), problem] };
  });
  const groupError = problemLine("asked-error");
  const bases = legalBasis.length ? el("datalist", { id: "asked-bases" }, legalBasis.map((b) => el("option", { value: b }))) : null;

  const rows = [];
  let made = 0;
  const list = el("div", { id: "asked-others-list" });
  const add = el("button", { type: "button", class: "secondary", id: "add-other", onclick: () => addRow().what.focus() }, t("otherAdd"));
  function addRow() {
    const n = ++made;
    const whatId = `other-what-${n}`;
    const basisId = `other-basis-${n}`;
    const row = {
      what: el("input", { id: whatId, maxlength: WHAT_MAX, autocomplete: "off", "aria-describedby": `${whatId}-error` }),
      basis: el("input", { id: basisId, maxlength: BASIS_MAX, autocomplete: "off", list: bases ? "asked-bases" : null, "aria-describedby": `${basisId}-hint ${basisId}-error` }),
      whatError: problemLine(`${whatId}-error`),
      basisError: problemLine(`${basisId}-error`),
    };
    const remove = el("button", { type: "button", class: "link", id: `other-remove-${n}`, onclick: () => {
      rows.splice(rows.indexOf(row), 1);
      row.node.remove();
      add.focus();
    } }, t("otherRemove", n));
    row.node = el("div", { class: "asked-other", role: "group", "aria-label": t("otherItem", n) },
      el("div", { class: "field compact" }, el("label", { for: whatId }, t("otherWhat")), row.what, row.whatError),
      el("div", { class: "field compact" }, el("label", { for: basisId }, t("otherBasis")),
        el("p", { class: "hint", id: `${basisId}-hint` }, t("otherBasisHint")), row.basis, row.basisError),
      remove);
    rows.push(row);
    list.append(row.node);
    return row;
  }

  const filled = () => rows.filter((r) => r.what.value.trim() || r.basis.value.trim());
  const checked = () => boxes.filter((b) => b.input.checked);
  let sent = { boxes: [], rows: [] }; // what the last request carried, to put the server's problems on it

  function clear() {
    show(groupError, "");
    for (const b of boxes) show(b.problem, "", b.input);
    for (const r of rows) { show(r.whatError, "", r.what); show(r.basisError, "", r.basis); }
  }

  const node = el("div", { id: "supplement-request" },
    el("fieldset", { class: "group", id: "asked-documents", "aria-describedby": "asked-error" },
      el("legend", {}, t("askedDocuments")),
      el("p", { class: "hint" }, slots.length ? t("askedDocumentsHint") : t("askedNoDocuments")),
      el("div", { class: "choices" }, boxes.map((b) => b.node))),
    el("fieldset", { class: "group", id: "asked-others" },
      el("legend", {}, t("askedOthers")),
      el("p", { class: "hint" }, t("askedOthersHint")),
      bases, list, add),
    groupError);

  return {
    node,
    // The first control to fix, with its problem shown; null when the request can be sent.
    check() {
      clear();
      let first = null;
      for (const r of filled()) {
        if (!r.what.value.trim()) { show(r.whatError, t("otherWhatRequired"), r.what); first ??= r.what; }
        if (!r.basis.value.trim()) { show(r.basisError, t("otherBasisRequired"), r.basis); first ??= r.basis; }
      }
      if (!first && !checked().length && !filled().length) {
        show(groupError, t("askedNothing"));
        first = boxes[0]?.input || add;
      }
      return first;
    },
    // What actOnDossier's `supplement` carries.
    value() {
      sent = { boxes: checked(), rows: filled() };
      return {
        documents: sent.boxes.map((b) => b.input.value),
        others: sent.rows.map((r) => ({ what: r.what.value.trim(), legalBasis: r.basis.value.trim() })),
      };
    },
    // The server's problems on the rows they name (the rest on the request as a whole); the first control
    // to fix, or null.
    showProblems(problems) {
      let first = null;
      for (const p of problems) {
        const text = serverText(p);
        const box = sent.boxes[Number(DOCUMENT.exec(p.field)?.[1] ?? -1)];
        const [, index, part] = OTHER.exec(p.field) || [];
        const row = index === undefined ? null : sent.rows[Number(index)];
        if (box) { show(box.problem, text, box.input); first ??= box.input; }
        else if (row) {
          const [line, control] = part === "what" ? [row.whatError, row.what] : [row.basisError, row.basis];
          show(line, text, control);
          first ??= control;
        } else { show(groupError, text); first ??= boxes[0]?.input || add; }
      }
      return first;
    },
  };
}
