// A labelled form control with its hint and its error message, tied together for screen readers
// (aria-describedby, aria-invalid), and the control for each type of a procedure's form field.
import { el, srOnly } from "../dom.js";
import { optionsEn } from "../catalog-en.js";
import { isEn, t } from "../i18n.js";
import { MAX_TEXT, MAX_TEXTAREA } from "../validation.js";

export function labelled({ id, label, control, required = false, hint = null }) {
  const error = el("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const hintNode = hint ? el("p", { class: "hint", id: `${id}-hint` }, hint) : null;
  control.id = id;
  control.setAttribute("aria-describedby", [hintNode && `${id}-hint`, `${id}-error`].filter(Boolean).join(" "));
  if (required) control.setAttribute("aria-required", "true");
  const node = el("div", { class: "field" },
    el("label", { for: id }, label, required ? [el("span", { class: "req", "aria-hidden": "true" }, " *"), srOnly(` (${t("required")})`)] : null),
    hintNode, control, error);
  return {
    node,
    control,
    setError(text) {
      error.hidden = !text;
      error.textContent = text || "";
      node.classList.toggle("invalid", Boolean(text));
      if (text) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    },
  };
}

// An option of a catalog form shown in the interface's language (the value sent stays the catalog's).
export const optionLabel = (value) => (isEn() ? optionsEn[value] || value : value);

// The input for one FormField of a procedure, holding `value` (a string).
export function controlFor(field, value = "") {
  const common = { name: field.name, value };
  switch (field.type) {
    case "TEXTAREA":
      return el("textarea", { ...common, rows: 4, maxlength: MAX_TEXTAREA });
    case "DATE":
      return el("input", { ...common, type: "date" });
    case "NUMBER":
      return el("input", { ...common, type: "number", inputmode: "decimal", step: "any" });
    case "SELECT":
      return el("select", { name: field.name },
        el("option", { value: "" }, t("choose")),
        field.options.map((o) => el("option", { value: o, selected: o === value }, optionLabel(o))));
    case "CITIZEN_ID":
      return el("input", { ...common, type: "text", inputmode: "numeric", maxlength: 12, autocomplete: "off" });
    case "PHONE":
      return el("input", { ...common, type: "tel", autocomplete: "tel" });
    case "EMAIL":
      return el("input", { ...common, type: "email", autocomplete: "email" });
    default:
      return el("input", { ...common, type: "text", maxlength: MAX_TEXT });
  }
}
