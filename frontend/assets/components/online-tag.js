// How far a procedure can be done online, as a tag (search results and the procedure page).
import { el } from "../dom.js";
import { addText, t } from "../i18n.js";
import * as catalogText from "../text/catalog.js";

addText(catalogText);

export function onlineTag(level) {
  if (level === "FULL") return el("span", { class: "tag full" }, t("full"));
  if (level === "PARTIAL") return el("span", { class: "tag" }, t("partial"));
  if (level === "NONE") return el("span", { class: "tag" }, t("notOnlineChannel"));
  return null; // the source does not say
}
