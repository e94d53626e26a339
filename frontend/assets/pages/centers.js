// Public Administration Service Centers (#/trung-tam): nearest to me, or by province and commune, each
// with its address, hotline, opening hours and whether its details are sample data. The ministries' and
// central agencies' receptions are a group of their own (the central scope, "00"), never "near me".
import { centersOfProvince, communesOfProvince, locate, nearestCenters, provinceOptions } from "../data.js";
import { el, heading, select } from "../dom.js";
import { addText, errorText, formatKm, isEn, t } from "../i18n.js";
import { queryParams } from "../router.js";
import * as centersText from "../text/centers.js";

addText(centersText);

let nearby = null; // the last "near me" answer (the position itself is never put in the address)
const CENTRAL_SCOPE = "00"; // the agencies' receptions: portal.centers.model.CENTRAL_SCOPE

export function centerCard(c) {
  return el("li", { class: "card center" },
    el("h2", { class: "card-title" }, isEn() && c.nameEn ? c.nameEn : c.name),
    el("div", { class: "meta" },
      el("span", { class: "tag" }, t("kinds")[c.kind] || c.kind),
      c.distanceKm !== undefined && c.distanceKm !== null ? el("span", { class: "distance" }, formatKm(c.distanceKm)) : null,
      c.isSample ? el("span", { class: "tag sample", title: t("sampleCenterHint") }, t("sample")) : null),
    el("dl", { class: "facts compact" },
      el("dt", {}, t("address")), el("dd", {}, c.address || c.addressNote || "—"),
      c.hotline ? [el("dt", {}, t("hotlineShort")), el("dd", {}, el("a", { href: `tel:${c.hotline}` }, c.hotline))] : null,
      c.openingHours ? [el("dt", {}, t("openingHours")), el("dd", {}, c.openingHours)] : null));
}

export async function centersPage(view) {
  const params = queryParams();
  let provinceCode = params.get("tinh") || "";
  let communeCode = params.get("xa") || "";
  const status = el("p", { class: "muted", id: "centers-status", role: "status", "aria-live": "polite" });
  const list = el("ul", { class: "results", id: "centers" });
  const province = select({ id: "c-province" },
    [["", t("chooseProvince")], ...provinceOptions(), [CENTRAL_SCOPE, t("centralAgencies")]], provinceCode);
  const commune = select({ id: "c-commune", disabled: true }, [["", t("allOfProvince")]]);
  const near = el("button", { type: "button", class: "primary", id: "near-me" }, t("nearMe"));

  const remember = () => {
    const p = new URLSearchParams();
    if (provinceCode) p.set("tinh", provinceCode);
    if (communeCode) p.set("xa", communeCode);
    history.replaceState(null, "", `#/trung-tam${p.toString() ? `?${p}` : ""}`);
  };

  function showNearby(found) {
    list.replaceChildren(...found.map(centerCard));
    status.textContent = found.length ? t("nearestFound", found.length) : t("noneNear");
  }

  async function showArea() {
    remember();
    if (!provinceCode) { list.replaceChildren(); status.textContent = ""; commune.disabled = true; return; }
    status.textContent = t("loading");
    if (provinceCode === CENTRAL_SCOPE) return showAgencies();
    try {
      const communesAnswer = communesOfProvince(provinceCode); // one option per ward, by its own name
      const centers = await centersOfProvince(provinceCode);
      if (!view.alive) return;
      communesAnswer.then((communes) => {
        if (!view.alive || province.value !== provinceCode) return;
        commune.replaceChildren(el("option", { value: "" }, t("allOfProvince")),
          ...communes.map((c) => el("option", { value: c.code, selected: c.code === communeCode }, c.name)));
        commune.disabled = false;
      }).catch((error) => { status.textContent = errorText(error); });
      const communeCount = (await Promise.race([communesAnswer, Promise.resolve(null)]))?.length;
      const shown = communeCode
        ? centers.filter((c) => c.communeCode === communeCode)
        : centers.filter((c) => !c.communeCode);
      list.replaceChildren(...shown.map(centerCard));
      status.textContent = communeCode ? t("centersIn", shown.length) : t("provinceCenters", communeCount ?? "…");
    } catch (error) {
      status.textContent = errorText(error);
    }
  }

  async function showAgencies() {
    commune.disabled = true;
    try {
      const agencies = await centersOfProvince(CENTRAL_SCOPE);
      if (!view.alive) return;
      list.replaceChildren(...agencies.map(centerCard));
      status.textContent = t("agenciesShown", agencies.length);
    } catch (error) {
      status.textContent = errorText(error);
    }
  }

  province.addEventListener("change", () => { provinceCode = province.value; communeCode = ""; nearby = null; showArea(); });
  commune.addEventListener("change", () => { communeCode = commune.value; showArea(); });
  near.addEventListener("click", async () => {
    status.textContent = t("locating");
    try {
      const point = await locate();
      nearby = await nearestCenters(point, null, 10);
      if (!view.alive) return;
      provinceCode = ""; communeCode = ""; province.value = ""; commune.disabled = true;
      remember();
      showNearby(nearby);
    } catch (error) {
      status.textContent = error.message === "denied" ? t("geoDenied") : error.message === "unavailable" ? t("geoUnavailable") : errorText(error);
      if (error.message === "denied" || error.message === "unavailable") province.focus();
    }
  });

  view.show(heading(t("centersTitle")),
    el("p", {}, t("centersLead")),
    el("div", { class: "group" }, near,
      el("p", { class: "or" }, t("orByArea")),
      el("div", { class: "two" },
        el("div", { class: "field" }, el("label", { for: "c-province" }, t("province")), province),
        el("div", { class: "field" }, el("label", { for: "c-commune" }, t("commune")), commune))),
    status, list,
    el("p", { class: "muted small" }, el("a", { href: "#/do-phu", id: "coverage-link" }, t("coverageLink"))));
  if (nearby && !provinceCode) showNearby(nearby);
  else await showArea();
}
