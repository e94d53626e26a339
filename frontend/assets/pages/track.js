// Following any dossier with the code and tracking secret printed on its receipt (no sign-in, no
// personal data).
import { run } from "../api.js";
import { lateTag, timeline } from "../components/timeline.js";
import { el, heading } from "../dom.js";
import { addText, errorText, formatDate, formatDateTime, formatDue, t } from "../i18n.js";
import * as dossiersText from "../text/dossiers.js";

addText(dossiersText);

export function trackPage(view) {
  const code = el("input", { id: "code", name: "code", required: true, autocomplete: "off", autocapitalize: "characters" });
  const secret = el("input", { id: "secret", name: "secret", required: true, autocomplete: "off", autocapitalize: "characters" });
  const out = el("div", { id: "tracking", "aria-live": "polite" });
  const form = el("form", { onsubmit: async (e) => {
    e.preventDefault();
    out.replaceChildren(el("p", { class: "muted" }, t("loading")));
    try {
      const { trackDossier: d } = await run("TrackDossier", { code: code.value.trim(), trackingSecret: secret.value.trim() });
      out.replaceChildren(el("div", { class: "card" },
        el("p", {}, `${t("status")}: `, el("span", { class: "status" }, t("statuses")[d.status])),
        el("p", {}, `${d.procedureName} — ${d.code}`),
        el("p", {}, `${t("received")}: ${formatDateTime(d.receivedAt)}`),
        el("p", {}, `${t("due")}: ${formatDue(d.appointmentDate)} `, lateTag(d)),
        d.center ? el("p", {}, `${t("center")}: ${d.center.name}`) : null,
        timeline(d.timeline)));
    } catch (error) {
      out.replaceChildren(el("p", { class: "error" }, errorText(error)));
    }
  } },
  el("div", { class: "field" }, el("label", { for: "code" }, t("code")), code),
  el("div", { class: "field" }, el("label", { for: "secret" }, t("secret")), secret),
  el("button", { class: "primary", type: "submit" }, t("track")));
  view.show(heading(t("trackTitle")), form, out);
}
