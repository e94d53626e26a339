// Choosing where a dossier is received: the nearest centers receiving the procedure (when the person
// lets the browser tell where they are), or a province then a commune. Any center receiving the
// procedure will do, wherever the applicant lives. A central procedure is offered to the ministry or central
// agency receiving it (the procedure's receivingAgency) first; one that is central only, to it alone.
import { centersOfProvince, communesOfProvince, getProcedure, locate, nearestCenters, provinceOptions, receives } from "../data.js";
import { el, select, srOnly } from "../dom.js";
import { addText, errorText, formatKm, isEn, t } from "../i18n.js";
import * as centersText from "../text/centers.js";

addText(centersText);

const noteText = (note) => (!note ? "" : note.key ? t(note.key, ...note.args) : note.text);

// state (kept by the page across re-renders): { provinceCode, communeCode, candidates, chosen, note, agency }
export function centerPicker({ procedureCode, state, onChange }) {
  const error = el("p", { class: "field-error", id: "center-error", hidden: true });
  const status = el("p", { class: "muted", id: "center-status", role: "status", "aria-live": "polite" }, noteText(state.note));
  const list = el("div", { class: "choices", id: "center-choices" });
  const nearButton = el("button", { type: "button", class: "secondary", id: "near-me" }, t("nearMe"));
  const province = select({ id: "province" }, [["", t("chooseProvince")], ...provinceOptions()], state.provinceCode);
  const commune = select({ id: "commune", disabled: !state.provinceCode }, [["", t("chooseCommune")]]);

  // What the picker last said, kept as words of i18n so it follows a change of language.
  function say(key, ...args) {
    state.note = { key, args };
    status.textContent = noteText(state.note);
  }
  function sayError(error) {
    state.note = { text: errorText(error) };
    status.textContent = state.note.text;
  }

  function choose(center) {
    state.chosen = center;
    error.hidden = true;
    onChange();
  }

  function drawCandidates() {
    onChange(); // the page keeps the picker's state (a change of language or a reload finds it again)
    const agency = state.agency ? [state.agency] : [];
    const items = [...agency, ...(state.candidates || []).filter((c) => c.id !== state.agency?.id)];
    list.replaceChildren(...items.map((c) => {
      const id = `center-${c.id}`;
      const unavailable = c.receives === false;
      const radio = el("input", {
        type: "radio", name: "centerId", id, value: c.id, checked: state.chosen?.id === c.id, disabled: unavailable,
        "aria-describedby": `${id}-more`, onchange: () => choose(c),
      });
      return el("div", { class: `choice ${unavailable ? "unavailable" : ""}` }, radio,
        el("label", { for: id },
          el("strong", {}, c.name),
          el("span", { class: "muted block", id: `${id}-more` },
            c.address,
            c.distanceKm !== undefined && c.distanceKm !== null ? ` · ${formatKm(c.distanceKm)}` : "",
            c.receives === undefined ? ` · ${t("checking")}` : "",
            unavailable ? ` · ${t("notReceiving")}` : "")));
    }));
  }

  // Centers of the chosen area: each asked whether it receives the procedure before it can be picked.
  async function showArea(candidates) {
    state.candidates = candidates.map((c) => ({ ...c, receives: undefined }));
    drawCandidates();
    await Promise.all(state.candidates.map(async (c) => {
      try {
        c.receives = await receives(c.id, procedureCode);
      } catch {
        c.receives = false;
      }
    }));
    if (state.chosen && !state.candidates.some((c) => c.id === state.chosen.id && c.receives)) choose(null);
    drawCandidates();
    const usable = state.candidates.filter((c) => c.receives).length;
    // A province alone lists its provincial center only: for a commune's procedure, ask for the commune.
    if (usable) say("centersFound", usable); else say(state.communeCode ? "noneReceiving" : "chooseCommuneFirst");
  }

  async function fillCommunes(keep) {
    commune.disabled = true;
    commune.replaceChildren(el("option", { value: "" }, t("loading")));
    try {
      const communes = await communesOfProvince(state.provinceCode); // every ward by its own name, once
      commune.replaceChildren(el("option", { value: "" }, t("chooseCommune")),
        ...communes.map((c) => el("option", { value: c.code, selected: keep && c.code === state.communeCode }, c.name)));
      commune.disabled = false;
    } catch (e) {
      sayError(e);
    }
  }

  async function areaCandidates() {
    const centers = await centersOfProvince(state.provinceCode);
    const provincial = centers.filter((c) => !c.communeCode);
    const local = state.communeCode ? centers.filter((c) => c.communeCode === state.communeCode) : [];
    await showArea([...local, ...provincial]);
  }

  province.addEventListener("change", async () => {
    state.provinceCode = province.value;
    state.communeCode = "";
    state.candidates = [];
    drawCandidates();
    if (!state.provinceCode) { commune.disabled = true; return; }
    say("loading");
    fillCommunes(false); // the communes arrive on their own; the province's centers do not wait for them
    try {
      await areaCandidates();
    } catch (e) {
      sayError(e);
    }
  });

  commune.addEventListener("change", async () => {
    state.communeCode = commune.value;
    say("loading");
    try {
      await areaCandidates();
    } catch (e) {
      sayError(e);
    }
  });

  nearButton.addEventListener("click", async () => {
    say("locating");
    let point;
    try {
      point = await locate();
    } catch (e) {
      say(e.message === "denied" ? "geoDenied" : "geoUnavailable");
      province.focus();
      return;
    }
    try {
      const found = await nearestCenters(point, procedureCode);
      state.candidates = found.map((c) => ({ ...c, receives: true }));
      drawCandidates();
      if (found.length) say("nearestFound", found.length); else say("noneNear");
      list.querySelector("input")?.focus();
    } catch (e) {
      sayError(e);
    }
  });

  // The agency receiving the procedure at central level, from the catalog (no area to choose for it).
  const byArea = [nearButton];
  getProcedure(procedureCode).then((p) => {
    const a = p.receivingAgency;
    if (!a) return;
    state.agency = { id: a.centerId, kind: "AGENCY", name: isEn() && a.nameEn ? a.nameEn : a.name, address: t("agencyOnline"), receives: true };
    const centralOnly = p.levels.every((l) => l === "CENTRAL");
    if (centralOnly) byArea.forEach((n) => { n.hidden = true; });
    if (centralOnly && !state.chosen) choose(state.agency);
    say("agencyReceives", state.agency.name);
    drawCandidates();
  }).catch(() => null); // the areas stay: the server says which center receives

  if (state.provinceCode) fillCommunes(true);
  drawCandidates();

  const orByArea = el("p", { class: "or" }, t("orByArea"));
  const area = el("div", { class: "two" },
    el("div", { class: "field" }, el("label", { for: "province" }, t("province")), province),
    el("div", { class: "field" }, el("label", { for: "commune" }, t("commune")), commune));
  byArea.push(orByArea, area);
  const node = el("fieldset", { class: "group", id: "center-picker", "aria-describedby": "center-hint center-error" },
    el("legend", {}, t("centerLegend"), el("span", { class: "req", "aria-hidden": "true" }, " *"), srOnly(` (${t("required")})`)),
    el("p", { class: "hint", id: "center-hint" }, t("centerHint")),
    nearButton, orByArea, area,
    status, list, error);

  return {
    node,
    setError(text) {
      error.hidden = !text;
      error.textContent = text || "";
    },
    focus() {
      (list.querySelector("input:not([disabled])") || nearButton).focus();
    },
  };
}
