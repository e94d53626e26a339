// What a page shows a visitor who must sign in first: the reason, and the way to sign in and come back
// to the same route (citizens through VNeID, officers through the centers' provider).
import { signInUrl } from "../config.js";
import { el, heading, message } from "../dom.js";
import { t } from "../i18n.js";

export function signInPrompt(view, title, route, role = "citizen") {
  const href = signInUrl(role, route);
  return view.show(heading(title),
    message("info", el("p", {}, t(role === "officer" ? "officerSignInNeeded" : "signInNeeded"))),
    href ? el("p", {}, el("a", { class: "button primary", href, id: "sign-in-here" }, t("signInVneid"))) : el("p", { class: "error" }, t("signInUnavailable")));
}
