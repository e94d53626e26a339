// The interface language (Vietnamese first, English second), its words and formats. The words are in
// text/<area>.js: the frame's and the shared ones (text/common.js) load here; each page or component adds
// its area's when its module loads (addText), so a page's words load with the page.
import * as common from "./text/common.js";

const text = { vi: { ...common.vi }, en: { ...common.en } };

let lang = localStorage.getItem("lang") === "en" ? "en" : "vi";
const listeners = new Set();

export const getLang = () => lang;
export const isEn = () => lang === "en";

export function setLang(next) {
  lang = next === "en" ? "en" : "vi";
  localStorage.setItem("lang", lang);
  document.documentElement.lang = lang;
  listeners.forEach((f) => f(lang));
}

export const onLangChange = (f) => listeners.add(f);

// Adds an area's words ({ vi, en }, a text/<area>.js module); a key is written in one area only
// (tests/contract/test_site_text.py), so nothing is overwritten.
export function addText(area) {
  Object.assign(text.vi, area.vi);
  Object.assign(text.en, area.en);
}

export function t(key, ...args) {
  const v = text[lang][key] ?? text.vi[key];
  if (v === undefined) return key;
  return typeof v === "function" ? v(...args) : v;
}

// Pick the Vietnamese or English of a pair the server sent: ({ name, nameEn }, "name").
export const pick = (obj, key) => (lang === "en" ? obj[`${key}En`] || obj[key] : obj[key]);

// A server message in the interface's language: UserError/FieldError (message, messageEn) or a
// GraphQL error (message, extensions.messageEn).
export function serverText(e) {
  if (!e) return t("error");
  const en = e.messageEn ?? e.extensions?.messageEn;
  return (lang === "en" && en) || e.message || t("error");
}

// What went wrong with a request, for the person using the site.
export function errorText(error) {
  if (error?.code === "NETWORK") return t("networkError");
  if (error?.code === "SERVICE_UNAVAILABLE") return t("serviceUnavailable");
  if (error?.code === "UNAUTHENTICATED") return t("signInAgain");
  const first = error?.errors?.[0];
  if (first?.extensions?.code === "INTERNAL_SERVER_ERROR") return t("error");
  return first ? serverText(first) : t("error");
}

const locale = () => (lang === "vi" ? "vi-VN" : "en-GB");
const VIETNAM_TIME = "Asia/Ho_Chi_Minh"; // dossier times are Vietnam's, wherever the reader is

// "2026-03-09" -> 09/03/2026, without the time-zone shifts of new Date("2026-03-09").
export function formatDate(iso) {
  if (!iso) return "";
  const [y, m, d] = String(iso).slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

// An appointment date, or that the receiving officer will set it (a procedure with no known time).
export function formatDue(iso) {
  return iso ? formatDate(iso) : t("dueToBeSet");
}

// A processing time with its unit ({ amount, unit }), or that it is not known.
export function formatTime(pt) {
  return pt ? t("timeOf", pt) : t("timeUnknown");
}

export function formatDateTime(iso) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(locale(), {
    timeZone: VIETNAM_TIME, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit",
  }).format(new Date(iso));
}

export function formatBytes(n) {
  const f = (x) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(x);
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${f(n / 1024)} KB`;
  return `${f(n / 1024 / 1024)} MB`;
}

export const formatKm = (km) => `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(km)} km`;

export const collator = () => new Intl.Collator(locale());
