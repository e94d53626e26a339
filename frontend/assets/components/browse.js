// Browsing the catalog without typing, under the most filed procedures on the home page: by life event
// (each opens onto its procedures), by field and by agency (each a link to the search filtered by it, with
// how many procedures it lists). The long lists are folded, so the page stays short on a phone.
import { el } from "../dom.js";
import { addText, pick, t } from "../i18n.js";
import * as catalogText from "../text/catalog.js";

addText(catalogText);

function groupLinks(id, title, groups, filter, what) {
  return el("section", { class: "browse", "aria-labelledby": `${id}-title` },
    el("h2", { id: `${id}-title` }, title),
    el("details", { id },
      el("summary", {}, t("showAll", groups.length, what)), // "Xem tất cả 40 lĩnh vực": says what it unfolds
      el("ul", { class: "browse-list" }, groups.map((g) =>
        el("li", {}, el("a", { href: `#/?${new URLSearchParams({ [filter]: g.name })}` },
          pick(g, "name"), el("span", { class: "count" }, ` (${g.count})`)))))));
}

// events: the LifeEvents answer; groups: the BrowseCatalog answer. Either may be missing (browsing is extra).
export function browseSections(events, groups, procedureCard) {
  return el("div", { class: "browse-all", id: "browse" },
    events ? el("section", { class: "life-events", "aria-labelledby": "life-events-title" },
      el("h2", { id: "life-events-title" }, t("lifeEvents")),
      events.map((e) => el("details", { class: "life-event" },
        el("summary", {}, pick(e, "name")),
        el("ul", { class: "results" }, e.procedures.map((p) => procedureCard(p)))))) : null,
    groups ? groupLinks("browse-fields", t("byField"), groups.procedureFieldCounts, "field", t("allFields")) : null,
    groups ? groupLinks("browse-agencies", t("byAgency"), groups.procedureAgencyCounts, "agency", t("allAgencies")) : null);
}
