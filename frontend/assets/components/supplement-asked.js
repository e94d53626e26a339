// What a supplement request asks for (the timeline event's supplementItems): each document of the
// procedure's list, then anything else with the legal basis the officer cited. Shown to the applicant on
// the dossier and in its history, and to the officers.
import { el } from "../dom.js";
import { t } from "../i18n.js";

export function askedList(items, id) {
  if (!items?.length) return null;
  return el("ul", { class: "asked", id },
    items.map((x) => el("li", {}, x.what, x.listed ? null : el("span", { class: "muted block" }, t("askedBasis", x.legalBasis)))));
}

// One line for a short mention (a bundle's member card): the items, then the officer's note.
export function askedSummary(event) {
  const items = (event?.supplementItems || []).map((x) => x.what);
  return [...items, event?.note || ""].filter(Boolean).join("; ");
}
