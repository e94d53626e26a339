// One procedure as the catalog describes it, with the way to file it online.
import { session } from "../auth.js";
import { notesEn, optionsEn } from "../catalog-en.js";
import { signInUrl } from "../config.js";
import { getProcedure } from "../data.js";
import { onlineTag } from "../components/online-tag.js";
import { el, heading, message } from "../dom.js";
import { addText, errorText, formatTime, isEn, pick, t } from "../i18n.js";
import * as catalogText from "../text/catalog.js";

addText(catalogText);

// The catalog's free text (processing notes, who may file, conditions, legal texts) has no English: on the
// English page it is marked as Vietnamese, so screen readers read it as such.
const vi = (text, tag = "span") => el(tag, { lang: isEn() ? "vi" : null }, text);
const shownEn = (dictionary, text) => (isEn() && dictionary[text] ? dictionary[text] : vi(text));

// The link that starts filing: straight to the form when signed in as a citizen, else through sign-in
// and back to the form.
export function fileOnlineLink(code, cls = "button primary") {
  const bundle = BUNDLE_CODES.includes(code); // an interlinked group: one form for all its members
  const route = bundle ? `#/lien-thong/${code}` : `#/nop-ho-so/${code}`;
  const signedIn = session()?.role === "citizen";
  const href = signedIn ? route : signInUrl("citizen", route) || route;
  return el("a", { class: cls, href, id: "file-online" }, bundle ? t("bundleFile") : t("fileOnline"));
}

// The groups portal.bundles.definitions files as one (bundleDefinition answers for each).
const BUNDLE_CODES = ["2.000986", "2.001023", "1.011537"];

export async function procedurePage(view, code) {
  view.show(el("p", { class: "muted" }, t("loading")));
  try {
    const p = await getProcedure(code);
    const online = Boolean(p.onlineForm); // a designed or a generic form: every procedure that can be filed online
    view.show(
      el("p", {}, el("a", { href: "#/" }, t("back"))),
      heading(pick(p, "name")),
      el("div", { class: "meta" }, el("span", {}, p.code), el("span", {}, pick(p, "field")),
        p.levels.length ? el("span", {}, p.levels.map((l) => t("levels")[l] || t("levelCentral")).join(", ")) : null,
        onlineTag(p.onlineLevel),
        p.provinceCode ? el("span", { class: "tag" }, t("localProcedure")) : null,
        p.isSample ? el("span", { class: "tag sample" }, t("sample")) : null),
      p.detailLevel === "LISTED" ? message("info", t("listedOnly")) : null,
      ...(p.dataNotes || []).map((n) => message("info", vi(n))),
      online
        ? el("div", { class: "cta" }, fileOnlineLink(p.code),
          el("p", { class: "muted small" }, session()?.role === "citizen" ? t("fileOnlineHintSignedIn") : t("fileOnlineHint")),
          p.onlineLevel === "PARTIAL" ? el("p", { class: "muted small" }, t("partialHint")) : null)
        : message("info", el("p", { id: "not-online" }, t("notOnlineReason")[p.notOnlineReason] || t("notOnlineReason").NO_DETAILS),
          el("p", {}, t("fileElsewhere"))),
      centralWhere(p),
      el("h2", {}, t("agency")), el("p", {}, pick(p, "agency") || t("notGiven")),
      p.implementingAgency ? [el("h2", {}, t("implementingAgency")), vi(p.implementingAgency, "p")] : null,
      p.applicants ? [el("h2", {}, t("applicants")), vi(p.applicants, "p")] : null,
      el("h2", {}, t("time")),
      el("p", { id: "processing-time" }, formatTime(p.processingTime), p.processingNote ? [" — ", vi(p.processingNote)] : ""),
      p.processingTime?.sourceText ? el("p", { class: "muted small" }, t("timeSource"), " «", vi(p.processingTime.sourceText), "»") : null,
      p.processingTimes.length
        ? el("ul", {}, p.processingTimes.map((c) => el("li", {}, `${t("channels")[c.channel]}: ${c.unit ? t("duration", c.amount, c.unit) : c.amount}`)))
        : null,
      el("h2", {}, t("documentList")),
      el("ul", {}, p.documents.map((d) => el("li", {}, `${pick(d, "name")} (${t("documentCount", d.originals, d.copies)})`,
        d.note ? el("span", { class: "muted" }, " — ", shownEn(notesEn, d.note)) : null))),
      p.documentNotes?.length
        ? [el("h3", {}, t("documentNotes")), el("ul", {}, p.documentNotes.map((n) => el("li", {}, vi(n))))]
        : null,
      el("h2", {}, t("fees")),
      p.fees.length
        ? el("ul", {}, p.fees.map((f) => el("li", {}, `${f.channel ? `${t("channels")[f.channel]}: ` : ""}${pick(f, "description")} — ${feeAmount(f)}`,
          f.editorial ? el("span", { class: "tag sample", title: f.editorial }, t("editorialTag")) : null)))
        : el("p", {}, t("notGiven")),
      p.conditions ? [el("h2", {}, t("conditions")), vi(p.conditions, "p")] : null,
      p.results.length ? [el("h2", {}, t("results")), el("ul", {}, p.results.map((r) => el("li", {}, shownEn(optionsEn, r))))] : null,
      el("h2", {}, t("legal")), el("ul", {}, p.legalBasis.map((l) => el("li", {}, vi(l)))),
      p.decision ? el("p", { class: "muted small" }, `${t("decision")}: `, vi(p.decision)) : null,
      p.officialUrl ? el("p", {}, el("a", { href: p.officialUrl, rel: "noopener" }, t("officialPage"))) : null,
      centralOnly(p) ? null : el("p", {}, el("a", { href: "#/trung-tam" }, t("findCenter"))));
  } catch (error) {
    view.show(heading(t("procedureTitle")), message("error", errorText(error)));
  }
}

const centralOnly = (p) => p.levels.length > 0 && p.levels.every((l) => l === "CENTRAL");

// A ministry-level procedure: the ministry or central agency receiving it on the portal, or, with none, the
// counter the catalog's agency names (a court, a mission abroad, a local body: never a service center).
function centralWhere(p) {
  if (!p.levels.includes("CENTRAL")) return null;
  const a = p.receivingAgency;
  if (a) return message("info", t("centralReceiver", isEn() && a.nameEn ? a.nameEn : a.name));
  if (!centralOnly(p)) return null;
  return message("info", t("centralCounter"), " ", vi(p.agency || t("notGiven"), "strong"));
}

// null is "not fixed" (set by the province, by vehicle type, ...), which is not the same as free.
function feeAmount(fee) {
  if (fee.currency && fee.currency !== "VND" && fee.amount !== null) return `${fee.amount} ${fee.currency}`;
  const amount = fee.amountVnd;
  if (amount === null || amount === undefined) return t("notFixed");
  return amount === 0 ? t("free") : t("amount", amount);
}
