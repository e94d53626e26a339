// Asking before something that cannot be undone (withdrawing a dossier, refusing it).
import { el } from "../dom.js";
import { t } from "../i18n.js";

// A confirmation in a modal <dialog> (keyboard: Tab stays inside, Esc cancels).
export function confirmDialog(text, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = el("dialog", { class: "dialog", "aria-labelledby": "confirm-text" },
      el("p", { id: "confirm-text" }, text),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "danger", id: "confirm-yes", onclick: () => dialog.close("yes") }, confirmLabel),
        el("button", { type: "button", class: "secondary", id: "confirm-no", onclick: () => dialog.close("no") }, t("cancel"))));
    dialog.addEventListener("close", () => { dialog.remove(); resolve(dialog.returnValue === "yes"); });
    document.body.append(dialog);
    dialog.showModal();
  });
}
