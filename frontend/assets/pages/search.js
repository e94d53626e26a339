// Finding a procedure: results as you type (accents and case do not matter to the server), filters by
// field, level, online level and agency; the query lives in the address so Back and reload keep it. With
// nothing typed (the home page) the list is the most filed procedures, then browsing by life event, field
// and agency (components/browse.js).
import { run } from "../api.js";
import { browseSections } from "../components/browse.js";
import { onlineTag } from "../components/online-tag.js";
import { el, heading, options, select } from "../dom.js";
import { addText, errorText, formatTime, pick, t } from "../i18n.js";
import { queryParams } from "../router.js";
import * as catalogText from "../text/catalog.js";

addText(catalogText);

const DEBOUNCE_MS = 250;
// The most used services (the paired services of dispatch 111/CD-TTg among them), offered when nothing
// is found.
const POPULAR = [
  ["1.001193", "Đăng ký khai sinh", "Birth registration"],
  ["2.000986", "Liên thông khai sinh, thường trú, thẻ BHYT trẻ dưới 6 tuổi", "Birth, residence and health card for a child under 6"],
  ["1.004222", "Đăng ký thường trú", "Permanent residence registration"],
  ["1.004194", "Đăng ký tạm trú", "Temporary residence registration"],
  ["1.014061", "Cấp thẻ căn cước", "Identity card"],
  ["3.000333", "Phiếu lý lịch tư pháp", "Criminal record certificate"],
];
const PAGE = 20;
let fieldsCache = null; // the catalog's fields, asked once per visit

export function procedureCard(node) {
  return el("li", { class: "card tappable" },
    el("h2", { class: "card-title" }, el("a", { href: `#/thu-tuc/${node.code}` }, pick(node, "name"))),
    node.variantNote ? el("p", { class: "variant-note" }, pick(node, "variantNote")) : null,
    el("div", { class: "meta" },
      el("span", {}, node.code),
      el("span", {}, pick(node, "field")),
      node.processingTime ? el("span", {}, formatTime(node.processingTime)) : null,
      onlineTag(node.onlineLevel),
      node.isSample ? el("span", { class: "tag sample" }, t("sample")) : null));
}

function popular() {
  return el("nav", { class: "popular", id: "popular", "aria-labelledby": "popular-title" },
    el("h2", { id: "popular-title" }, t("popularTitle")),
    el("ul", { class: "chips" }, POPULAR.map(([code, vi, en]) =>
      el("li", {}, el("a", { class: "chip", href: `#/thu-tuc/${code}` }, pick({ name: vi, nameEn: en }, "name"))))));
}

export async function searchPage(view) {
  const params = queryParams();
  const input = el("input", {
    id: "q", name: "q", type: "search", value: params.get("q") || "", placeholder: t("searchHint"),
    autocomplete: "off", enterkeyhint: "search", "aria-describedby": "summary",
  });
  const chosenField = params.get("field");
  const agency = params.get("agency") || ""; // from a link of "by agency": shown, and removable
  const fieldOptions = (names) => [["", t("allFields")], ...names.map((f) => [f, f])];
  const field = select({ id: "f-field", name: "field" }, fieldOptions(chosenField ? [chosenField] : []), chosenField);
  const level = select({ id: "f-level", name: "level" },
    [["", t("allLevels")], ["PROVINCE", t("levels").PROVINCE], ["COMMUNE", t("levels").COMMUNE]], params.get("level"));
  const online = select({ id: "f-online", name: "online" },
    [["", t("allOnline")], ["FULL", t("full")], ["PARTIAL", t("partial")]], params.get("online"));
  const list = el("ul", { class: "results", id: "results", "aria-label": t("results") });
  const summary = el("p", { class: "muted", id: "summary", role: "status", "aria-live": "polite" });
  const more = el("button", { class: "secondary", type: "button", hidden: true }, t("more"));

  let cursor = null;
  let latest = 0; // only the newest request may touch the list: an older answer arriving late is dropped
  let timer = null;

  function remember() {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set("q", input.value.trim());
    if (field.value) p.set("field", field.value);
    if (level.value) p.set("level", level.value);
    if (online.value) p.set("online", online.value);
    if (agency) p.set("agency", agency);
    const query = p.toString();
    history.replaceState(null, "", `#/${query ? `?${query}` : ""}`);
  }

  async function load(reset) {
    clearTimeout(timer);
    if (!view.alive) return; // typed, then left the page before the pause ended
    const request = ++latest;
    if (reset) { cursor = null; remember(); }
    list.setAttribute("aria-busy", "true");
    const filter = { field: field.value || null, level: level.value || null, onlineLevel: online.value || null, agency: agency || null };
    try {
      const data = await run("SearchProcedures", {
        search: input.value.trim() || null,
        filter: Object.values(filter).some(Boolean) ? filter : null,
        first: PAGE,
        after: cursor,
      });
      if (request !== latest || !view.alive) return;
      const c = data.procedures;
      const cards = c.edges.map((e) => procedureCard(e.node));
      if (reset) list.replaceChildren(...cards); else list.append(...cards);
      summary.className = "muted";
      summary.textContent = c.totalCount ? t("found", c.totalCount) : t("noneHelp");
      help.hidden = c.totalCount > 0;
      suggestions.hidden = c.totalCount > 0;
      showHome();
      cursor = c.pageInfo.endCursor;
      more.hidden = !c.pageInfo.hasNextPage;
    } catch (error) {
      if (request !== latest || !view.alive) return;
      summary.className = "error";
      summary.textContent = errorText(error);
    } finally {
      if (request === latest) list.removeAttribute("aria-busy");
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => load(true), DEBOUNCE_MS);
  });
  [field, level, online].forEach((s) => s.addEventListener("change", () => load(true)));
  more.addEventListener("click", () => load(false));

  // Filters folded behind a button on a phone (open on a wide screen, or when one is in use), so the
  // first results stay above the keyboard.
  const filtered = Boolean(params.get("field") || params.get("level") || params.get("online"));
  const fold = el("details", { class: "filters-fold", id: "filters", open: filtered || matchMedia("(min-width: 640px)").matches },
    el("summary", { class: "button secondary" }, t("filtersToggle")),
    el("fieldset", { class: "filters" },
      el("legend", { class: "sr-only" }, t("filters")),
      el("div", { class: "filter" }, el("label", { for: "f-field" }, t("field")), field),
      el("div", { class: "filter" }, el("label", { for: "f-level" }, t("level")), level),
      el("div", { class: "filter" }, el("label", { for: "f-online" }, t("onlineLevel")), online)));
  const form = el("form", { class: "search", role: "search", onsubmit: (e) => { e.preventDefault(); load(true); } },
    el("label", { for: "q", class: "label" }, t("searchLabel")),
    el("div", { class: "search-row" }, input, el("button", { class: "primary", type: "submit" }, t("search"))),
    fold);
  const help = el("p", { class: "hint", id: "none-help", hidden: true }, t("hotlineHelp"));
  const suggestions = popular();

  // The home page (nothing typed, no filter): the list is the most filed procedures, under its own
  // heading, and browsing follows it.
  const popularTitle = el("h2", { id: "most-filed-title", class: "list-title" }, t("mostFiled"));
  let browse = null;
  function showHome() {
    const home = !input.value.trim() && !field.value && !level.value && !online.value && !agency;
    popularTitle.hidden = !home;
    if (browse) browse.hidden = !home;
  }
  const agencyFilter = agency
    ? el("p", { class: "active-filter", id: "agency-filter" }, `${t("agency")}: `, el("strong", {}, agency), " ",
      el("a", { href: "#/", class: "remove-filter" }, t("removeFilter")))
    : null;

  // Everything arrives before the first draw (small queries on the in-memory catalog): drawing the browse
  // lists or the results later would push the page down (layout shift). Browsing is extra: searching
  // works without it.
  const first = load(true);
  const [events, groups] = await Promise.all([
    run("LifeEvents").then((d) => d.lifeEvents, () => null),
    run("BrowseCatalog").then((d) => d, () => null),
  ]);
  await first;
  if (!view.alive) return;
  browse = browseSections(events, groups, procedureCard);
  input.addEventListener("input", showHome);
  showHome();
  view.show(heading(t("searchTitle")), form, agencyFilter, popularTitle, summary, help, suggestions, list, more, browse);

  try {
    fieldsCache ??= (await run("ProcedureFields")).procedureFields;
    if (!view.alive) return;
    const current = field.value;
    field.replaceChildren(...options(fieldOptions(fieldsCache), current));
  } catch {
    // The filter stays at "all fields"; searching still works.
  }
}
