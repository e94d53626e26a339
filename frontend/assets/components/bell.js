// The bell in the header: a link to the inbox (#/thong-bao) with the number of unread notifications.
// One request when the header is drawn (signed in only); the inbox page updates it after marking read.
import { run } from "../api.js";
import { session } from "../auth.js";
import { el, svg } from "../dom.js";
import { t } from "../i18n.js";

const badge = el("span", { class: "bell-count", id: "bell-count", hidden: true });
const label = el("span", { class: "sr-only", id: "bell-label" });
// A drawn bell, not the emoji (a box where the phone has no emoji font); its name is the label's words.
const icon = svg("svg", { class: "bell-icon", viewBox: "0 0 24 24", width: 22, height: 22, "aria-hidden": "true", focusable: "false" },
  svg("path", { d: "M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" }));
const link = el("a", { href: "#/thong-bao", class: "bell", id: "bell" }, icon, label, badge);

export function showUnread(count) {
  badge.textContent = count > 99 ? "99+" : String(count);
  badge.hidden = count === 0;
  label.textContent = t("bellLabel", count);
}

export function bell() {
  if (!session()) return null;
  showUnread(0);
  run("UnreadNotifications").then((d) => showUnread(d.myNotifications.unreadCount), () => {});
  return link;
}
