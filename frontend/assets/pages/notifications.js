// The inbox behind the bell (#/thong-bao): newest first, mark read; a citizen's channel preferences.
import { mutate, run } from "../api.js";
import { session } from "../auth.js";
import { showUnread } from "../components/bell.js";
import { signInPrompt } from "../components/sign-in.js";
import { el, heading, message } from "../dom.js";
import { addText, errorText, formatDateTime, pick, t } from "../i18n.js";
import * as notificationsText from "../text/notifications.js";

addText(notificationsText);

// What a notification's link opens, said after "Xem" to screen readers: among many links "Xem" alone
// names nothing (the dossier, the draft, the center's queue; else the notification's subject).
function opens(route, n) {
  const dossier = route.match(/^#\/(?:can-bo\/)?ho-so\/([^/?]+)/);
  if (dossier) return t("opensDossier", decodeURIComponent(dossier[1]));
  const draft = route.match(/^#\/nop-ho-so\/([^/?]+)/);
  if (draft) return t("opensDraft", decodeURIComponent(draft[1]));
  return /^#\/can-bo\/?$/.test(route) ? t("opensQueue") : pick(n, "subject");
}

function openLink(n) {
  const route = new URL(n.link, location.href).hash || "#/";
  return el("a", { href: route }, t("open"), " ", el("span", { class: "sr-only" }, opens(route, n)));
}

// Each notification under the page's h1 (an h2, like the preferences after them: no level skipped).
function entry(n) {
  return el("li", { class: `card${n.read ? "" : " unread"}` },
    el("h2", { class: "card-title" }, pick(n, "subject")),
    el("div", { class: "meta" }, el("span", {}, formatDateTime(n.at)), n.read ? null : el("span", { class: "tag" }, t("unread"))),
    el("p", { class: "thread-text" }, pick(n, "body")),
    n.link ? openLink(n) : null);
}

function preferences() {
  const form = el("form", { class: "prefs", id: "prefs" });
  const feedback = el("div", { "aria-live": "polite" });
  const box = (name) => el("input", { type: "checkbox", id: `pref-${name}`, name });
  const email = box("email");
  const sms = box("sms");
  run("NotificationPreferences").then(({ notificationPreferences: p }) => {
    email.checked = p.email;
    sms.checked = p.sms;
  }, () => {});
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const { problem } = await mutate("SetNotificationPreferences", "setNotificationPreferences",
        { email: email.checked, sms: sms.checked });
      feedback.replaceChildren(problem ? message("error", problem.message) : message("success", t("prefsSaved")));
    } catch (e) {
      feedback.replaceChildren(message("error", errorText(e)));
    }
  });
  form.append(
    el("fieldset", {}, el("legend", {}, t("channels")),
      el("p", { class: "muted" }, t("inboxAlwaysOn")),
      el("label", {}, email, " ", t("byEmail")),
      el("label", {}, sms, " ", t("bySms"))),
    el("button", { type: "submit" }, t("save")), feedback);
  return el("section", {}, el("h2", {}, t("prefsTitle")), form);
}

export async function notificationsPage(view) {
  if (!session()) return signInPrompt(view, t("notificationsTitle"), "#/thong-bao");
  const list = el("ul", { class: "results", id: "notifications" });
  const status = el("p", { class: "muted", role: "status", "aria-live": "polite" }, t("loading"));
  const markAll = el("button", { type: "button", class: "secondary", id: "mark-all-read", hidden: true }, t("markAllRead"));

  async function load() {
    try {
      const { myNotifications: n } = await run("MyNotifications", { first: 50 });
      if (!view.alive) return;
      list.replaceChildren(...n.edges.map((e) => entry(e.node)));
      status.textContent = n.edges.length ? t("unreadCount", n.unreadCount) : t("noNotifications");
      markAll.hidden = n.unreadCount === 0;
      showUnread(n.unreadCount);
    } catch (e) {
      status.textContent = errorText(e);
    }
  }
  markAll.addEventListener("click", async () => {
    const { ok } = await mutate("MarkNotificationsRead", "markNotificationsRead", { ids: [] });
    if (ok) await load();
  });
  view.show(heading(t("notificationsTitle")), markAll, status, list,
    session().role === "citizen" ? preferences() : null);
  await load();
}
