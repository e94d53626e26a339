// The coverage report (#/do-phu): who is within 5 km or 30 minutes of a place that receives dossiers, for
// the nation, each province and the communes falling short, from the figures `make coverage` writes to
// assets/coverage.json. The map is SVG drawn here (discs of the communes' areas, no tiles, no style
// attribute), hidden from screen readers, which read the same figures in the tables.
import { el, heading, svg } from "../dom.js";
import { addText, getLang, t } from "../i18n.js";
import * as coverageText from "../text/coverage.js";

addText(coverageText);

const MEASURES = ["km5", "walk", "motorbike"];
const LABELS = { km5: "covKm5", walk: "covWalk", motorbike: "covMotorbike", bar: "covBar" };
// The map's frame: mainland Vietnam and its near islands (degrees), a degree of longitude shrunk to its
// length at 16°N.
const WEST = 102;
const EAST = 110;
const NORTH = 23.5;
const SOUTH = 8.3;
const SCALE = 40; // px a degree of latitude
const LON_SCALE = SCALE * Math.cos((16 * Math.PI) / 180);
const KM_PER_DEGREE = 110.574;

const locale = () => (getLang() === "vi" ? "vi-VN" : "en-GB");
const number = (x, digits = 0) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(x);
const percent = (x) => (x === null || x === undefined ? "—"
  : `${new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x * 100)}%`);

function band(share) {
  if (share === null) return "cov-na";
  if (share >= 0.995) return "cov-4";
  if (share >= 0.75) return "cov-3";
  if (share >= 0.5) return "cov-2";
  return "cov-1";
}

function map(communes) {
  const width = (EAST - WEST) * LON_SCALE;
  const height = (NORTH - SOUTH) * SCALE;
  const chart = svg("svg", {
    class: "cov-map", id: "cov-map", viewBox: `0 0 ${width.toFixed(0)} ${height.toFixed(0)}`, "aria-hidden": "true",
    focusable: "false", preserveAspectRatio: "xMidYMin meet",
  });
  for (const [code, , lat, lon, radius, km5, bar] of communes) {
    if (lon < WEST || lon > EAST || lat < SOUTH || lat > NORTH) continue;
    chart.append(svg("circle", {
      cx: ((lon - WEST) * LON_SCALE).toFixed(1), cy: ((NORTH - lat) * SCALE).toFixed(1),
      r: Math.max(0.6, ((radius ?? 0) / KM_PER_DEGREE) * SCALE).toFixed(2),
      class: `${band(km5)}${bar !== null && bar < 1 ? " cov-fail" : ""}`, "data-code": code,
    }));
  }
  return chart;
}

function legend() {
  const classes = ["cov-4", "cov-3", "cov-2", "cov-1", "cov-na"];
  return el("ul", { class: "plain cov-legend", id: "cov-legend" }, t("covLegend").map((label, i) => el("li", {},
    svg("svg", { viewBox: "0 0 12 12", width: 12, height: 12, "aria-hidden": "true", focusable: "false" },
      svg("circle", { cx: 6, cy: 6, r: 5, class: classes[i] })), " ", label)));
}

function table(id, caption, head, rows) {
  // wider than a phone: the scrolling region takes the keyboard's focus (axe: scrollable-region-focusable)
  return el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": caption },
    el("table", { class: "figures", id },
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c, i) => (i === 0 ? el("th", { scope: "row" }, c) : el("td", {}, c))))))));
}

function national(doc) {
  const n = doc.national;
  const places = Object.values(doc.places).reduce((a, b) => a + b, 0);
  return el("section", { class: "group", id: "cov-national", "aria-labelledby": "cov-national-title" },
    el("h2", { id: "cov-national-title" }, t("covNation")),
    el("dl", { class: "cov-figures" }, [...MEASURES, "bar"].map((m) => [
      el("dt", {}, t(LABELS[m])), el("dd", { id: `cov-national-${m}` }, percent(n.shares[m]))])),
    el("p", { id: "cov-failing-count" }, t("covFailingCount", n.failing.bar)),
    el("p", { class: "muted" }, t("covCounted", n.population, n.counted, n.communes), " ",
      t("covUnknown", n.unknownArea, n.unknownPopulation)),
    el("p", { class: "muted" }, t("covPlaces", places)));
}

function method(doc) {
  const source = doc.sources.population;
  return el("section", { class: "group", id: "cov-method", "aria-labelledby": "cov-method-title" },
    el("h2", { id: "cov-method-title" }, t("covMethodTitle")),
    el("ul", {}, t("covMethod", doc.assumptions).map((line) => el("li", {}, line))),
    el("p", {}, t("covSource"), el("a", { href: source.source_ref, rel: "noopener" }, source.dataset), ` (${source.licence}).`),
    el("p", { class: "muted" }, t("covGenerated", doc.generatedBy)));
}

function draw(doc) {
  const measures = [...MEASURES, "bar"];
  return [
    national(doc),
    el("section", { class: "group", "aria-labelledby": "cov-map-title" },
      el("h2", { id: "cov-map-title" }, t("covMapTitle")),
      el("p", { class: "hint" }, t("covMapNote")), legend(), map(doc.communes)),
    el("section", { class: "group", "aria-labelledby": "cov-provinces-title" },
      el("h2", { id: "cov-provinces-title" }, t("covProvinces")),
      table("cov-provinces-table", t("covProvincesCaption"),
        [t("covProvince"), t("covPeople"), ...measures.map((m) => t(LABELS[m])), t("covFailing")],
        doc.provinces.map((p) => [p.name, number(p.population), ...measures.map((m) => percent(p.shares[m])), number(p.failing.bar)]))),
    el("section", { class: "group", "aria-labelledby": "cov-failing-title" },
      el("h2", { id: "cov-failing-title" }, t("covFailingTitle")),
      table("cov-failing-table", t("covFailingCaption"),
        [t("covCommune"), t("covProvince"), t("covPeople"), t("covKm5"), t("covBar"), t("covFarthest")],
        doc.failing.map((c) => [c.name, c.province, c.population === null ? "—" : number(c.population),
          percent(c.shares.km5), percent(c.shares.bar), c.farthestRoadKm === null ? "—" : number(c.farthestRoadKm, 1)]))),
    method(doc),
  ];
}

export async function coveragePage(view) {
  const status = el("p", { class: "muted", id: "cov-status", role: "status", "aria-live": "polite" }, t("covLoading"));
  const results = el("div", { id: "cov-results" });
  view.show(heading(t("covTitle")), el("p", { class: "lead" }, t("covLead")), status, results);
  try {
    const response = await fetch(new URL("../coverage.json", import.meta.url));
    if (!response.ok) throw new Error(String(response.status));
    const doc = await response.json();
    status.textContent = "";
    results.replaceChildren(...draw(doc));
  } catch {
    status.textContent = t("covError");
  }
}
