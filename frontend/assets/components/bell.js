// The bell in the header: a link to the inbox (#/thong-bao) with the number of unread notifications.
// One request when the header is drawn (signed in only); the inbox page updates it after marking read.
import { run } from "../api.js";
import { session } from "../auth.js";
import { el } from "../dom.js";
import { t } from "../i18n.js";

const badge = el("span", { class: "bell-count", id: "bell-count", hidden: true });
const label = el("span", { class: "sr-only", id: "bell-label" });
const link = el("a", { href: "#/thong-bao", class: "bell", id: "bell" }, el("span", { "aria-hidden": "true" }, "🔔"), label, badge);

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
