// The public service index (#/chi-so?thang=2025-09&tinh=79&xa=26743): Decision 766's five groups for the
// nation, a province or a commune in a chosen month, the ranking of the provinces (or of the province's
// communes) and the last 12 months. Charts are SVG drawn here (no third-party script, no style
// attribute); they are hidden from screen readers, which read the same numbers in the tables below them.
import { run } from "../api.js";
import { provinceOptions } from "../data.js";
import { el, heading, select, svg } from "../dom.js";
import { addText, errorText, getLang, t } from "../i18n.js";
import { queryParams } from "../router.js";
import * as feedbackText from "../text/feedback.js";
import * as serviceIndexText from "../text/service-index.js";

addText(serviceIndexText);
addText(feedbackText);

const GROUPS = ["PUBLICITY", "PROGRESS", "DIGITIZATION", "ONLINE", "SATISFACTION"];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// This month in Vietnam, wherever the reader is.
function thisMonth() {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit" })
    .formatToParts(new Date());
  return `${parts.find((p) => p.type === "year").value}-${parts.find((p) => p.type === "month").value}`;
}

const locale = () => (getLang() === "vi" ? "vi-VN" : "en-GB");
const number = (x, digits = 1) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(x);
const percent = (x) => (x === null || x === undefined ? t("idxNone") : `${number(x * 100)}%`);
const points = (p, max) => (p === null || p === undefined ? t("idxNone") : `${number(p)}/${max}`);
const monthLabel = (m) => `${m.slice(5)}/${m.slice(0, 4)}`;

// Horizontal bars, one a row: [label, value 0-1 or null, text shown at the bar's end]. Labels sit above
// their bar so a phone's narrow screen keeps both readable.
function barChart(rows, id) {
  const rowHeight = 38;
  const width = 320;
  const chart = svg("svg", {
    class: "chart bars", id, viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, "aria-hidden": "true",
    focusable: "false", preserveAspectRatio: "xMinYMin meet",
  });
  rows.forEach(([label, value, shown], i) => {
    const y = i * rowHeight;
    chart.append(
      svg("text", { x: 0, y: y + 12, class: "chart-label" }, label),
      svg("rect", { x: 0, y: y + 17, width: width - 60, height: 14, rx: 3, class: "bar-track" }),
      value === null ? null : svg("rect", {
        x: 0, y: y + 17, width: Math.max(1, (width - 60) * Math.min(1, value)), height: 14, rx: 3, class: "bar",
        "data-value": value,
      }),
      svg("text", { x: width - 54, y: y + 29, class: "chart-value" }, shown));
  });
  return chart;
}

// The score (0-100%) month by month: columns, the month under each, nothing drawn for a month without data.
function trendChart(trend) {
  const width = 320;
  const height = 150;
  const top = 14;
  const base = 120;
  const step = width / trend.length;
  const chart = svg("svg", {
    class: "chart trend", id: "idx-trend-chart", viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false",
  });
  chart.append(svg("line", { x1: 0, y1: base, x2: width, y2: base, class: "axis" }),
    svg("line", { x1: 0, y1: top, x2: width, y2: top, class: "grid" }),
    svg("text", { x: 0, y: top - 3, class: "chart-value" }, "100%"));
  trend.forEach((m, i) => {
    const x = i * step + step * 0.2;
    if (m.score !== null) {
      const h = (base - top) * m.score;
      chart.append(svg("rect", { x, y: base - h, width: step * 0.6, height: Math.max(h, 1), class: "bar", "data-value": m.score }));
    }
    chart.append(svg("text", { x: x + step * 0.3, y: base + 14, class: "chart-label tick", "text-anchor": "middle" }, m.month.slice(5)),
      i === 0 || m.month.endsWith("-01")
        ? svg("text", { x: x + step * 0.3, y: base + 27, class: "chart-label tick", "text-anchor": "middle" }, m.month.slice(0, 4))
        : null);
  });
  return chart;
}

function table(id, caption, head, rows) {
  return el("div", { class: "table-scroll" },
    el("table", { class: "figures", id },
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c, i) => (i === 0 ? el("th", { scope: "row" }, c) : el("td", {}, c))))))));
}

function summary(subject, peers) {
  const rank = subject.rank ? t("idxRank", subject.rank, peers) : t("idxUnranked");
  return el("div", { class: "group idx-summary", id: "idx-summary" },
    el("h2", {}, subject.name),
    el("p", { class: "idx-score" },
      el("strong", { id: "idx-points" }, points(subject.points, subject.maxPoints)), " ", t("idxPoints"),
      subject.score === null ? null : ` (${percent(subject.score)})`),
    subject.points !== null && subject.maxPoints < 100
      ? el("p", { class: "muted small", id: "idx-scale" }, t("idxScale", subject.maxPoints)) : null,
    subject.scope === "national" ? null : el("p", { id: "idx-rank" }, rank),
    el("p", { class: "muted" }, t("idxReceived", subject.received, subject.online)),
    channelFigures(subject));
}

// Each channel of Decree 118/2025 counted apart (issue 18); the online share is over all of them.
function channelFigures(f) {
  const unknown = Math.max(0, f.received - f.online - (f.inPerson || 0) - (f.post || 0));
  const part = (label, n) => el("li", {}, `${label}: ${n.toLocaleString("vi-VN")}`);
  return el("div", { id: "idx-channels" },
    el("h3", {}, t("channelFigures"), f.onlineRate === null || f.onlineRate === undefined ? "" : ` — ${t("channels").ONLINE} ${percent(f.onlineRate)}`),
    el("ul", { class: "plain" },
      part(t("channels").ONLINE, f.online), part(t("channels").IN_PERSON, f.inPerson || 0), part(t("channels").POST, f.post || 0),
      unknown ? part(t("channelUnknown"), unknown) : null));
}

// Feedback (phản ánh, kiến nghị) of the month: received, answered on time, by category, each with its count.
async function feedbackSection(month, provinceCode) {
  const section = el("section", { class: "group", id: "idx-feedback" }, el("h2", {}, t("fbIndexTitle")));
  try {
    const { feedbackIndex: f } = await run("FeedbackIndex", { month, provinceCode: provinceCode || null });
    const row = (x) => el("tr", {}, el("th", { scope: "row" }, x.name), [x.received, x.hotline, x.answered, x.onTime, x.escalated]
      .map((n) => el("td", {}, String(n))), el("td", {}, x.byCategory.map((c) => `${t("fbCategories")[c.category]}: ${c.count}`).join("; ")));
    const rows = [f.subject, ...f.rows.filter((x) => x.received || x.answered)];
    section.append(el("table", {}, el("caption", {}, t("fbIndexCaption", f.subject.name, month)),
      el("thead", {}, el("tr", {}, t("fbIndexCols").map((c) => el("th", { scope: "col" }, c)))),
      el("tbody", {}, rows.map(row))));
  } catch (error) {
    section.append(el("p", { class: "error" }, errorText(error)));
  }
  return section;
}

export async function serviceIndexPage(view) {
  const params = queryParams();
  let month = MONTH.test(params.get("thang") || "") ? params.get("thang") : thisMonth();
  let provinceCode = params.get("tinh") || "";
  let communeCode = params.get("xa") || "";
  const status = el("p", { class: "muted", id: "idx-status", role: "status", "aria-live": "polite" });
  const results = el("div", { id: "idx-results" });
  const monthInput = el("input", { id: "idx-month", type: "month", value: month, max: thisMonth(), required: true });
  const province = select({ id: "idx-province" }, [["", t("idxNation")], ...provinceOptions()], provinceCode);
  const commune = select({ id: "idx-commune", disabled: !provinceCode }, [["", t("idxWholeProvince")]]);

  const remember = () => {
    const p = new URLSearchParams({ thang: month });
    if (provinceCode) p.set("tinh", provinceCode);
    if (communeCode) p.set("xa", communeCode);
    history.replaceState(null, "", `#/chi-so?${p}`);
  };

  function draw(report) {
    const { subject, trend, ranking } = report;
    const groupNames = t("idxGroups");
    const groupRows = subject.groups.map((g) => [groupNames[g.group], g.points === null ? null : g.points / g.maxPoints, points(g.points, g.maxPoints)]);
    const ranked = ranking.filter((r) => r.rank !== null);
    const peersTitle = provinceCode ? t("idxCommuneRanking") : t("idxProvinceRanking");
    if (provinceCode) {
      commune.replaceChildren(el("option", { value: "" }, t("idxWholeProvince")),
        ...[...ranking].sort((a, b) => a.name.localeCompare(b.name, locale()))
          .map((c) => el("option", { value: c.code, selected: c.code === communeCode }, c.name)));
      commune.disabled = false;
    }
    results.replaceChildren(
      summary(subject, ranking.length),
      el("section", { class: "group", "aria-labelledby": "idx-groups-title" },
        el("h2", { id: "idx-groups-title" }, t("idxGroupsTitle")),
        barChart(groupRows, "idx-groups-chart"),
        table("idx-groups-table", t("idxGroupsCaption", subject.name, monthLabel(month)),
          [t("idxGroup"), t("idxIndicator"), t("idxPointsCol")],
          subject.groups.map((g) => [groupNames[g.group], percent(g.indicator), points(g.points, g.maxPoints)])),
        el("p", { class: "hint" }, t("idxPublicityNote"))),
      el("section", { class: "group", "aria-labelledby": "idx-trend-title" },
        el("h2", { id: "idx-trend-title" }, t("idxTrendTitle")),
        trendChart(trend),
        table("idx-trend-table", t("idxTrendCaption", subject.name),
          [t("idxMonth"), t("idxScore"), t("idxPointsCol"), t("idxReceivedCol")],
          trend.map((m) => [monthLabel(m.month), percent(m.score), points(m.points, m.maxPoints), number(m.received, 0)]))),
      el("section", { class: "group", "aria-labelledby": "idx-ranking-title" },
        el("h2", { id: "idx-ranking-title" }, peersTitle),
        ranked.length
          ? barChart(ranked.slice(0, 40).map((r) => [`${r.rank}. ${r.name}`, r.score, percent(r.score)]), "idx-ranking-chart")
          : el("p", {}, t("idxNoRanking")),
        table("idx-ranking-table", t("idxRankingCaption", monthLabel(month)),
          [t("idxUnit"), t("idxRankCol"), t("idxScore"), t("idxPointsCol"), t("idxReceivedCol")],
          ranking.map((r) => [r.name, r.rank ?? t("idxNone"), percent(r.score), points(r.points, r.maxPoints), number(r.received, 0)]))));
  }

  async function show() {
    remember();
    status.textContent = t("loading");
    try {
      const { serviceIndex } = await run("ServiceIndex", { month, provinceCode: provinceCode || null, communeCode: communeCode || null });
      if (!view.alive) return;
      draw(serviceIndex);
      results.append(await feedbackSection(month, provinceCode));
      status.textContent = t("idxShown", serviceIndex.subject.name, monthLabel(month));
    } catch (error) {
      if (!view.alive) return;
      results.replaceChildren();
      status.textContent = errorText(error);
    }
  }

  monthInput.addEventListener("change", () => { if (MONTH.test(monthInput.value)) { month = monthInput.value; show(); } });
  province.addEventListener("change", () => {
    provinceCode = province.value; communeCode = "";
    commune.replaceChildren(el("option", { value: "" }, t("idxWholeProvince")));
    commune.disabled = !provinceCode;
    show();
  });
  commune.addEventListener("change", () => { communeCode = commune.value; show(); });

  view.show(heading(t("idxTitle")),
    el("p", {}, t("idxLead")),
    el("div", { class: "group" },
      el("div", { class: "two" },
        el("div", { class: "field" }, el("label", { for: "idx-month" }, t("idxMonth")), monthInput),
        el("div", { class: "field" }, el("label", { for: "idx-province" }, t("province")), province)),
      el("div", { class: "field" }, el("label", { for: "idx-commune" }, t("commune")), commune)),
    status, results);
  await show();
}
