// The documents of a generic online form, drawn from its definition (Procedure.onlineForm.documents, the
// same one the server checks a submission against: procedures/online_form.py). One card for each row of
// the catalog's list a file may stand for: a REQUIRED row is marked required and met by an upload, a
// document from the personal store, or, where the catalog accepts it, a tick saying the agency holds its
// electronic copy; a CONDITIONAL row is offered with its condition and never forced. SHOWN and STATE_HELD
// rows are listed as needing no file online, with the reason; REPLACED and NOT_FILED rows are not offered.
// A file stands for a row by the row's slot key (its words cut to 300 characters: `slot` of the definition,
// sent as the file's slot and kept as its `document`); a slot of the site's own (the authorization) by its name.
export const keyOf = (slot) => slot.slot || slot.name;
import { notesEn } from "../catalog-en.js";
import { el, srOnly } from "../dom.js";
import { addText, isEn, pick, t } from "../i18n.js";
import { MAX_FILES } from "../validation.js";
import { loadStore, storeChoice } from "./store-picker.js";
import { uploadsField } from "./uploads.js";
import * as documentsText from "../text/documents.js";

addText(documentsText);

const OFFERED = ["REQUIRED", "CONDITIONAL"];
const NO_FILE = ["SHOWN", "STATE_HELD"];
// The conditions the server writes in its own words (document_slots.py), in the interface's language.
const CONDITION_KEYS = { "theo trường hợp của hồ sơ": "slotByCase", "tiếp theo giấy tờ liền trên": "slotContinues" };
const SHORT = 120;

// A catalog text short enough for a legend on a phone (the longest name has 4,944 characters), cut at a
// word; the whole text is in a fold beside it.
export function shortName(text, limit = SHORT) {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), Math.floor(limit * 0.6))).trimEnd()}…`;
}

// The row's name in the interface's language, and the language it is written in (the catalog's own
// words are Vietnamese: screen readers read them as such on the English page).
function nameOf(slot) {
  const name = pick(slot, "name");
  return [name, isEn() && name === slot.name ? "vi" : null];
}

const noteOf = (note) => (isEn() && notesEn[note] ? [notesEn[note], null] : [note, isEn() ? "vi" : null]);

// A row is met by a file standing for it (uploaded or uploading: a failed upload is the file list's own
// problem) or by the electronic copy's tick.
const filed = (files, name) => files.some((f) => f.document === name && (f.state === "done" || f.state === "uploading"));

// slots: the form's documents; files: the filing's entries (components/uploads.js); electronic: the names
// ticked as held electronically (changed in place); extra: slots of any filing (the authorization of a
// filing on someone's behalf), shown as conditional with `conditionKey` for their condition.
export function documentSlots({ slots, files, electronic, procedureCode, extra = [], onChange = () => {} }) {
  const offered = [...slots.filter((s) => OFFERED.includes(s.requirement)), ...extra];
  const noFile = slots.filter((s) => NO_FILE.includes(s.requirement));
  const cards = [];
  const checks = new Map(); // server field path -> { setError, focus, label, check }, as the page keeps them
  const sectionError = el("p", { class: "field-error", id: "slots-error", hidden: true });

  const isMet = (slot) => filed(files, keyOf(slot)) || (slot.electronicOk && electronic.includes(keyOf(slot)));

  function changed() {
    for (const c of cards) c.redraw();
    onChange();
  }

  function card(slot) {
    const id = `slot-${slot.index}`;
    const required = slot.requirement === "REQUIRED";
    const [name, lang] = nameOf(slot);
    const short = shortName(name);
    const [note, noteLang] = slot.note ? noteOf(slot.note) : ["", null];
    const shortNote = shortName(note, 240);
    const error = el("p", { class: "field-error", id: `${id}-error`, hidden: true });
    const upload = uploadsField({ files, procedureCode, slot: keyOf(slot), id: `${id}-file`, label: t("slotUpload"), onChange: changed });
    const storeBox = el("div", { class: "slot-store-box" });
    let store = null;
    const tick = slot.electronicOk
      ? el("input", { type: "checkbox", id: `${id}-electronic`, checked: electronic.includes(keyOf(slot)), onchange: (e) => {
        const at = electronic.indexOf(keyOf(slot));
        if (at >= 0) electronic.splice(at, 1);
        if (e.target.checked) electronic.push(keyOf(slot));
        changed();
      } })
      : null;
    const condition = slot.conditionKey ? t(slot.conditionKey)
      : CONDITION_KEYS[slot.condition] ? t(CONDITION_KEYS[slot.condition]) : slot.condition;
    const conditionLang = !slot.conditionKey && !CONDITION_KEYS[slot.condition] && isEn() ? "vi" : null;
    const shortCondition = shortName(condition || t("slotByCase"), 160);
    const node = el("fieldset", { class: "slot", id, "data-requirement": slot.requirement, "aria-describedby": `${id}-meta ${id}-error` },
      el("legend", {}, el("span", { lang }, short),
        required ? [el("span", { class: "req", "aria-hidden": "true" }, " *"), srOnly(` (${t("required")})`)] : null),
      el("p", { class: "slot-meta", id: `${id}-meta` }, t("documentCount", slot.originals, slot.copies),
        required ? null : [el("br"), el("strong", {}, t("slotWhen")), " ", el("span", { lang: conditionLang }, shortCondition)]),
      note ? el("p", { class: "hint" }, el("span", { lang: noteLang }, shortNote)) : null,
      short !== name || shortNote !== note || (condition && shortCondition !== condition)
        ? el("details", { class: "slot-full" }, el("summary", {}, t("slotFullName")),
          el("p", { lang }, name),
          condition && shortCondition !== condition ? el("p", {}, el("strong", {}, t("slotWhen")), " ", el("span", { lang: conditionLang }, condition)) : null,
          note ? el("p", { class: "hint", lang: noteLang }, note) : null)
        : null,
      upload.node,
      storeBox,
      tick ? el("div", { class: "check" }, tick, el("label", { for: tick.id }, t("slotElectronic"))) : null,
      error);

    function setError(text) {
      error.hidden = !text;
      error.textContent = text || "";
      node.classList.toggle("invalid", Boolean(text));
    }
    const check = () => {
      const problem = required && !isMet(slot) ? [slot.electronicOk ? "slotMissingElectronic" : "slotMissing"] : null;
      setError(problem ? t(...problem) : null);
      return problem;
    };
    const entry = {
      slot, node, storeBox, setError, check,
      focus: () => node.querySelector("input[type=file]").focus(),
      label: short,
      attachStore(stored) {
        store = storeChoice({ files, slot: keyOf(slot), stored, id, onChange: changed });
        storeBox.replaceChildren(store.node);
      },
      redraw() {
        upload.refresh();
        store?.sync();
        if (!error.hidden) check(); // once flagged, the message goes as soon as the row is met
      },
    };
    checks.set(`slots.${slot.index}`, entry);
    return entry;
  }

  for (const slot of offered) cards.push(card(slot));
  // Nothing is filed empty: with no required row, at least one row of the list (the server's rule too).
  const ownRows = cards.filter((c) => !c.slot.conditionKey);
  if (ownRows.length && !ownRows.some((c) => c.slot.requirement === "REQUIRED")) {
    checks.set("slots", {
      label: t("slotsTitle"),
      setError(text) { sectionError.hidden = !text; sectionError.textContent = text || ""; },
      focus: () => ownRows[0].focus(),
      check() {
        const problem = ownRows.some((c) => isMet(c.slot)) ? null : ["slotsNone"];
        this.setError(problem ? t(...problem) : null);
        return problem;
      },
    });
  }

  loadStore().then((stored) => {
    if (stored.length) for (const c of cards) c.attachStore(stored);
  }, () => null); // no store today: uploads still work

  const node = el("section", { class: "group", id: "slots", "aria-labelledby": "slots-title" },
    el("h2", { id: "slots-title" }, t("slotsTitle")),
    el("p", { class: "hint" }, t("slotsHint", MAX_FILES)),
    sectionError,
    cards.map((c) => c.node),
    noFile.length ? [
      el("h3", { id: "slots-no-file-title" }, t("noFileTitle")),
      el("ul", { class: "slot-no-file", id: "slots-no-file", "aria-labelledby": "slots-no-file-title" }, noFile.map((s) => {
        const [name, lang] = nameOf(s);
        return el("li", {}, el("span", { lang }, shortName(name)), el("span", { class: "muted block" }, t("noFileReason")[s.requirement]));
      }))] : null);

  return {
    node,
    checks,
    // The card a file's entry stands for (by the row's name), for the server's problems about one file.
    cardFor: (key) => cards.find((c) => keyOf(c.slot) === key) || null,
    setError(text) { sectionError.hidden = !text; sectionError.textContent = text || ""; },
    focus: () => (cards[0] ? cards[0].focus() : node.focus()),
  };
}
