// Filing for someone else (issue 18): a choice "Nộp thay cho người khác (ủy quyền)" and, once chosen, the
// identity of the person filed for as the authorization document gives it. The server checks the same
// (portal.dossiers.on_behalf); the authorization's file goes through the ordinary uploads, slot
// AUTHORIZATION. `state` is the draft's `onBehalf` ({ active, idNumber, fullName, dateOfBirth, address }).
import { el } from "../dom.js";
import { checkIdNumber } from "../form-rules.js";
import { addText, t } from "../i18n.js";
import { labelled } from "./field.js";
import * as filingText from "../text/filing.js";

addText(filingText);

export const AUTHORIZATION = "Giấy ủy quyền"; // portal.dossiers.on_behalf.AUTHORIZATION_DOCUMENT
export const authorizationSlot = { name: AUTHORIZATION, nameEn: "Authorization document (filing for someone else)" };

export function onBehalfSection({ state, ownId, thisYear, onChange = () => {} }) {
  const slots = new Map(); // server field path -> { setError, focus, label, check }
  const field = (name, label, attrs, check, hint = null) => {
    const control = el("input", { name: `onBehalf-${name}`, value: state[name] || "", ...attrs });
    const item = labelled({ id: `ob-${name}`, label, control, required: name === "idNumber" || name === "fullName", hint });
    const run = () => {
      if (!state.active) return null;
      const problem = check(control.value.trim());
      item.setError(problem ? t(...problem) : null);
      return problem;
    };
    control.addEventListener("input", () => { state[name] = control.value; onChange(); if (control.getAttribute("aria-invalid")) run(); });
    control.addEventListener("blur", () => { if (control.value !== "") run(); });
    slots.set(`onBehalfOf.${name}`, { setError: item.setError, focus: () => control.focus(), label, check: run });
    return item.node;
  };
  const fields = el("div", { id: "on-behalf-fields", hidden: !state.active },
    field("idNumber", t("idNumber"), { type: "text", inputmode: "numeric", maxlength: 12, autocomplete: "off" },
      (v) => checkIdNumber(v, thisYear) || (v === ownId ? ["onBehalfOwnId"] : null), t("onBehalfIdHint")),
    field("fullName", t("fullName"), { type: "text", maxlength: 200, autocomplete: "off" }, (v) => (v ? null : ["required"])),
    field("dateOfBirth", t("dateOfBirth"), { type: "date" }, () => null),
    field("address", t("residence"), { type: "text", maxlength: 500, autocomplete: "off" }, () => null),
    el("p", { class: "hint" }, t("onBehalfAttach")));
  const box = el("input", { type: "checkbox", id: "on-behalf", checked: Boolean(state.active), onchange: (e) => {
    state.active = e.target.checked;
    fields.hidden = !state.active;
    if (!state.active) for (const slot of slots.values()) slot.setError(null);
    onChange();
  } });
  const node = el("fieldset", { class: "group", id: "on-behalf-group" },
    el("legend", {}, t("onBehalfLegend")),
    el("div", { class: "check" }, box, el("label", { for: "on-behalf" }, t("onBehalfChoice"))),
    el("p", { class: "hint" }, t("onBehalfHint")),
    fields);
  return { node, slots };
}

// The input's onBehalfOf, or undefined when filing for oneself.
export function onBehalfInput(state) {
  if (!state.active) return undefined;
  const input = { idNumber: (state.idNumber || "").trim(), fullName: (state.fullName || "").trim(), address: (state.address || "").trim() };
  if (state.dateOfBirth) input.dateOfBirth = state.dateOfBirth;
  return input;
}
