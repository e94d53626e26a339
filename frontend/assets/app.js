// The static site's start: take the token out of the address, read the settings, draw the header and
// route. Vietnamese first; every request is a named operation (api.js).
import { forget, session, takeTokenFromAddress } from "./auth.js";
import { loadConfig, signInUrl, signOutUrl } from "./config.js";
import { bell } from "./components/bell.js";
import { el, heading } from "./dom.js";
import { getLang, onLangChange, setLang, t } from "./i18n.js";
import { addRoute, currentPath, currentRoute, lazyPage, render, startRouter } from "./router.js";

takeTokenFromAddress();
await loadConfig();

const PROCEDURE = "(\\d\\.\\d{6})";
const DOSSIER = "([A-Za-z0-9.-]{6,40})";
// Each page's module is loaded when its route is first opened (the officer workspace only for officers,
// the filing form only when filing): one line per page, `lazyPage(module, export)`.
addRoute(/^\/$/, lazyPage("./pages/search.js", "searchPage"));
addRoute(new RegExp(`^/thu-tuc/${PROCEDURE}$`), lazyPage("./pages/procedure.js", "procedurePage"));
addRoute(new RegExp(`^/nop-ho-so/${PROCEDURE}$`), lazyPage("./pages/file-dossier.js", "fileDossierPage"));
addRoute(/^\/ho-so-cua-toi$/, lazyPage("./pages/my-dossiers.js", "myDossiersPage"));
addRoute(new RegExp(`^/ho-so/${DOSSIER}/bien-nhan$`), lazyPage("./pages/receipt.js", "receiptPage"));
addRoute(new RegExp(`^/ho-so/${DOSSIER}$`), lazyPage("./pages/dossier.js", "dossierPage"));
addRoute(/^\/trung-tam$/, lazyPage("./pages/centers.js", "centersPage"));
addRoute(/^\/can-bo$/, lazyPage("./pages/officer.js", "officerQueuePage"));
addRoute(/^\/can-bo\/tiep-nhan$/, lazyPage("./pages/reception.js", "receptionPage"));
addRoute(new RegExp(`^/can-bo/ho-so/${DOSSIER}$`), lazyPage("./pages/officer.js", "officerDossierPage"));
addRoute(/^\/tra-cuu-ho-so$/, lazyPage("./pages/track.js", "trackPage"));
addRoute(new RegExp(`^/thanh-toan/${DOSSIER}$`), lazyPage("./pages/payment.js", "paymentPage"));
addRoute(new RegExp(`^/thanh-toan/${DOSSIER}/(\\d{14}[0-9a-f]{8})$`), lazyPage("./pages/payment.js", "paymentReturnPage"));
addRoute(/^\/chi-so$/, lazyPage("./pages/service-index.js", "serviceIndexPage"));
addRoute(/^\/do-phu$/, lazyPage("./pages/coverage.js", "coveragePage"));
addRoute(/^\/thong-bao$/, lazyPage("./pages/notifications.js", "notificationsPage"));
addRoute(/^\/xac-thuc\/([A-Za-z0-9_-]{12})$/, lazyPage("./pages/verify.js", "verifyPage"));
addRoute(/^\/phan-anh$/, lazyPage("./pages/feedback.js", "feedbackPage"));
addRoute(/^\/can-bo\/phan-anh$/, lazyPage("./pages/feedback.js", "feedbackQueuePage"));
addRoute(/^\/nha-phat-trien$/, lazyPage("./pages/developers.js", "developersPage"));
addRoute(new RegExp(`^/lien-thong/${PROCEDURE}$`), lazyPage("./pages/bundle.js", "bundleFilePage"));
addRoute(/^\/ho-so-lien-thong\/([0-9a-f]{32})$/, lazyPage("./pages/bundle.js", "bundlePage"));
addRoute(/.*/, (view) => view.show(heading(t("notFound")), el("p", {}, el("a", { href: "#/" }, t("home")))));

// Signing out forgets the token and the drafts in this tab, and reloads the site so nothing personal
// stays in memory either (receipts just made, dossiers shown); then the identity provider's own
// sign-out, when one is configured.
function signOut() {
  forget();
  Object.keys(sessionStorage).filter((k) => k.startsWith("draft:")).forEach((k) => sessionStorage.removeItem(k));
  const away = signOutUrl();
  if (away) return location.assign(away);
  history.replaceState(null, "", "/#/");
  return location.reload();
}

// The parts of the page outside <main>: words, the current link, who is signed in.
function shell() {
  document.documentElement.lang = getLang();
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll("[data-i18n-label]").forEach((n) => n.setAttribute("aria-label", t(n.dataset.i18nLabel)));
  const lang = document.getElementById("lang");
  lang.textContent = getLang() === "vi" ? "EN" : "VI";
  lang.setAttribute("lang", getLang() === "vi" ? "en" : "vi");
  // The accessible name starts with the visible text (WCAG 2.5.3), then says which language it is.
  lang.setAttribute("aria-label", getLang() === "vi" ? "EN – English" : "VI – Tiếng Việt");

  const who = session();
  document.getElementById("nav-officer").hidden = who?.role !== "officer";
  document.getElementById("nav-officer-feedback").hidden = who?.role !== "officer";
  document.getElementById("nav-mine").hidden = who?.role === "officer";
  const path = currentPath();
  document.querySelectorAll("#top-nav a").forEach((a) => {
    const target = a.getAttribute("href").slice(1);
    const here = target === "/" ? path === "/" || path.startsWith("/thu-tuc") || path.startsWith("/nop-ho-so") : path.startsWith(target);
    if (here) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });

  const account = document.getElementById("account");
  if (who) {
    account.replaceChildren(
      bell(),
      el("span", { class: "who", id: "signed-in-as" }, who.claims.name || ""),
      el("button", { type: "button", class: "link-light", id: "sign-out", onclick: signOut }, t("signOut")));
  } else {
    const href = signInUrl("citizen", currentRoute());
    account.replaceChildren(href ? el("a", { href, id: "sign-in" }, t("signIn")) : "");
  }
}

// While api.js tries a request again (the server briefly unavailable), say so above the page, politely.
const retryNotice = el("div", { class: "notice info wrap", id: "retry-notice", role: "status", hidden: true });
document.getElementById("main").before(retryNotice);
window.addEventListener("api:retry", ({ detail }) => {
  retryNotice.hidden = !detail;
  retryNotice.textContent = detail ? t("retryingIn", detail.seconds, detail.attempt) : "";
});

// The skip link moves focus to the content; its "#main" must not reach the router as a route.
document.getElementById("skip").addEventListener("click", (event) => {
  event.preventDefault();
  document.getElementById("main").focus();
});
document.getElementById("lang").addEventListener("click", () => setLang(getLang() === "vi" ? "en" : "vi"));
onLangChange(() => { shell(); render(); });
startRouter(shell);
