// A dossier's history, oldest first: who did what, when, with the note (and what a supplement request
// asked for) and the appointment date.
import { el } from "../dom.js";
import { formatDate, formatDateTime, t } from "../i18n.js";
import { askedList } from "./supplement-asked.js";

export function timeline(events) {
  return el("ol", { class: "timeline", id: "timeline" }, events.map((ev) => el("li", {},
    el("strong", {}, t("actions")[ev.action] || ev.action),
    " — ", el("span", { class: "status-text" }, t("statuses")[ev.status]),
    el("div", { class: "muted small" }, formatDateTime(ev.at), ev.actor ? ` · ${t("actors")[ev.actor]}` : "",
      ev.dueDate && ev.action !== "rate" ? ` · ${t("due")}: ${formatDate(ev.dueDate)}` : ""),
    askedList(ev.supplementItems),
    ev.note ? el("p", { class: "note" }, noteOf(ev)) : null)));
}

// The result's file is recorded with the note "result" (portal/dossiers/files.py): say what it is.
function noteOf(ev) {
  return ev.action === "attach_document" && ev.note === "result" ? t("resultFileNote") : ev.note;
}

export function statusTag(status) {
  return el("span", { class: `tag status-${status.toLowerCase()}` }, t("statuses")[status]);
}

// Late, or on time once the result is ready, or still within its time while in progress.
export function lateTag(d) {
  if (d.late) return el("span", { class: "tag late" }, t("late"));
  if (d.status === "WITHDRAWN" || d.status === "REJECTED") return null;
  const done = d.status === "RESULT_READY" || d.status === "RETURNED";
  return el("span", { class: "tag ontime" }, done ? t("onTime") : t("withinTime"));
}
