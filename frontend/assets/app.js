// The static site: hash routes, Vietnamese first. Every request is a named operation (api.js).
import { run } from "./api.js";
import { text } from "./i18n.js";

let lang = localStorage.getItem("lang") === "en" ? "en" : "vi";
const t = (key, ...args) => { const v = text[lang][key]; return typeof v === "function" ? v(...args) : v; };
const main = () => document.getElementById("main");

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

// A server error in the interface's language: message (vi) or extensions.messageEn (en).
function errorText(error) {
  const first = error?.errors?.[0];
  if (!first) return t("error");
  return (lang === "en" ? first.extensions?.messageEn : first.message) || first.message || t("error");
}

function applyStaticText() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  const button = document.getElementById("lang");
  button.textContent = lang === "vi" ? "EN" : "VI";
  button.setAttribute("aria-label", lang === "vi" ? "English" : "Tiếng Việt");
}

function procedureCard(node) {
  return el("li", { class: "card" },
    el("h3", {}, el("a", { href: `#/thu-tuc/${node.code}` }, lang === "vi" ? node.name : node.nameEn)),
    el("div", { class: "meta" },
      el("span", {}, node.code),
      el("span", {}, lang === "vi" ? node.field : node.fieldEn),
      el("span", {}, t("days", node.processingDays)),
      el("span", { class: `tag ${node.onlineLevel === "FULL" ? "full" : ""}` }, t(node.onlineLevel === "FULL" ? "full" : "partial")),
      node.isSample ? el("span", { class: "tag sample" }, t("sample")) : null));
}

async function searchPage() {
  const params = new URLSearchParams(location.hash.split("?")[1] || "");
  const query = params.get("q") || "";
  const list = el("ul", { class: "results", id: "results" });
  const summary = el("p", { class: "muted", id: "summary", "aria-live": "polite" });
  const input = el("input", { id: "q", name: "q", type: "search", value: query, placeholder: t("searchHint"), autocomplete: "off" });
  const more = el("button", { class: "primary", type: "button", hidden: true }, t("more"));
  let cursor = null;
  let latest = 0; // only the newest request may touch the list: an older answer arriving late is dropped
  async function load(reset) {
    const request = ++latest;
    if (reset) { list.replaceChildren(); cursor = null; }
    summary.textContent = t("loading");
    try {
      const data = await run("SearchProcedures", { search: input.value || null, first: 20, after: cursor });
      if (request !== latest) return;
      const c = data.procedures;
      c.edges.forEach((e) => list.append(procedureCard(e.node)));
      summary.textContent = c.totalCount ? t("found", c.totalCount) : t("none");
      cursor = c.pageInfo.endCursor;
      more.hidden = !c.pageInfo.hasNextPage;
    } catch (error) {
      if (request === latest) { summary.textContent = errorText(error); summary.className = "error"; }
    }
  }
  more.addEventListener("click", () => load(false));
  const form = el("form", { class: "search", role: "search", onsubmit: (e) => {
    e.preventDefault(); history.replaceState(null, "", `#/?q=${encodeURIComponent(input.value)}`); load(true);
  } }, el("label", { for: "q", class: "skip" }, t("searchLabel")), input, el("button", { class: "primary", type: "submit" }, t("search")));
  main().replaceChildren(el("h1", {}, t("searchTitle")), form, summary, list, more);
  await load(true);
}

async function procedurePage(code) {
  main().replaceChildren(el("p", { class: "muted" }, t("loading")));
  try {
    const { procedure: p } = await run("GetProcedure", { code });
    const en = lang === "en";
    main().replaceChildren(
      el("p", {}, el("a", { href: "#/" }, t("back"))),
      el("h1", {}, en ? p.nameEn : p.name),
      el("div", { class: "meta" }, el("span", {}, p.code), el("span", {}, en ? p.fieldEn : p.field),
        el("span", { class: `tag ${p.onlineLevel === "FULL" ? "full" : ""}` }, t(p.onlineLevel === "FULL" ? "full" : "partial")),
        p.isSample ? el("span", { class: "tag sample" }, t("sample")) : null),
      el("h2", {}, t("agency")), el("p", {}, en ? p.agencyEn : p.agency),
      el("h2", {}, t("time")), el("p", {}, t("days", p.processingDays), p.processingNote ? ` — ${p.processingNote}` : ""),
      el("h2", {}, t("documents")),
      el("ul", {}, p.documents.map((d) => el("li", {}, `${en ? d.nameEn : d.name} (${d.originals} ${t("originals")}, ${d.copies} ${t("copies")})`))),
      el("h2", {}, t("fees")),
      el("ul", {}, p.fees.map((f) => el("li", {}, `${en ? f.descriptionEn : f.description} — ${feeAmount(f.amountVnd)}`))),
      el("h2", {}, t("legal")), el("ul", {}, p.legalBasis.map((l) => el("li", {}, l))));
  } catch (error) {
    main().replaceChildren(el("p", { class: "error" }, errorText(error)));
  }
}

// null is "not fixed" (set by the province, by vehicle type, ...), which is not the same as free.
function feeAmount(amount) {
  if (amount === null) return t("notFixed");
  return amount === 0 ? t("free") : t("amount", amount);
}

function trackPage() {
  const code = el("input", { id: "code", name: "code", required: true, autocomplete: "off" });
  const secret = el("input", { id: "secret", name: "secret", required: true, autocomplete: "off" });
  const out = el("div", { id: "tracking", "aria-live": "polite" });
  const form = el("form", { onsubmit: async (e) => {
    e.preventDefault();
    out.replaceChildren(el("p", { class: "muted" }, t("loading")));
    try {
      const { trackDossier: d } = await run("TrackDossier", { code: code.value.trim(), trackingSecret: secret.value.trim() });
      out.replaceChildren(el("div", { class: "card" },
        el("p", {}, `${t("status")}: `, el("span", { class: "status" }, t("statuses")[d.status])),
        el("p", {}, `${d.procedureName} — ${d.code}`),
        el("p", {}, `${t("received")}: ${new Date(d.receivedAt).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB")}`),
        el("p", {}, `${t("due")}: ${d.dueDate} (${d.late ? t("late") : t("onTime")})`),
        d.center ? el("p", {}, `${t("center")}: ${d.center.name}`) : null,
        el("ol", { class: "timeline" }, d.timeline.map((ev) => el("li", {},
          el("strong", {}, t("statuses")[ev.status]), " — ", new Date(ev.at).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB"))))));
    } catch (error) {
      out.replaceChildren(el("p", { class: "error" }, errorText(error)));
    }
  } },
  el("label", { class: "field" }, el("span", {}, t("code")), code),
  el("label", { class: "field" }, el("span", {}, t("secret")), secret),
  el("button", { class: "primary", type: "submit" }, t("track")));
  main().replaceChildren(el("h1", {}, t("trackTitle")), form, out);
}

function route() {
  applyStaticText();
  const path = location.hash.replace(/^#/, "").split("?")[0] || "/";
  const procedure = path.match(/^\/thu-tuc\/(\d\.\d{6})$/);
  if (procedure) return procedurePage(procedure[1]);
  if (path === "/tra-cuu-ho-so") return trackPage();
  return searchPage();
}

document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "vi" ? "en" : "vi";
  localStorage.setItem("lang", lang);
  route();
});
window.addEventListener("hashchange", route);
route();
