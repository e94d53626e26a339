// The signed-in citizen's dossiers, newest first, a page at a time.
import { run } from "../api.js";
import { session } from "../auth.js";
import { myReceipts } from "../components/payments.js";
import { lateTag, statusTag } from "../components/timeline.js";
import { signInPrompt } from "../components/sign-in.js";
import { el, heading, message } from "../dom.js";
import { addText, errorText, formatDate, formatDateTime, formatDue, t } from "../i18n.js";
import * as dossiersText from "../text/dossiers.js";

addText(dossiersText);

const PAGE = 10;

// The whole card is the link's target (a large tap target): the heading's link covers it (CSS).
function card(d) {
  return el("li", { class: "card tappable" },
    el("h3", {}, el("a", { href: `#/ho-so/${d.code}` }, d.procedureName, d.subject ? el("span", { class: "subject" }, ` — ${d.subject}`) : null)),
    el("div", { class: "meta" }, el("span", { class: "mono" }, d.code), statusTag(d.status), lateTag(d)),
    el("div", { class: "meta" },
      el("span", {}, `${t("received")}: ${formatDateTime(d.receivedAt)}`),
      el("span", {}, `${t("due")}: ${formatDue(d.appointmentDate)}`),
      d.center ? el("span", {}, d.center.name) : null));
}

function draftCard(d) {
  const name = Object.entries(d.formData || {}).find(([k, v]) => k.endsWith("full_name") && v)?.[1];
  return el("li", { class: "card tappable draft" },
    el("h3", {}, el("a", { href: `#/nop-ho-so/${d.procedureCode}` }, d.procedureName, name ? el("span", { class: "subject" }, ` — ${name}`) : null)),
    el("div", { class: "meta" },
      el("span", { class: "tag" }, t("resumeDraft")),
      el("span", {}, t("draftSavedAt", formatDateTime(d.updatedAt))),
      el("span", {}, t("draftExpires", formatDate(d.expiresAt)))));
}

async function draftsSection(view) {
  try {
    const { myDrafts } = await run("MyDrafts");
    if (!view.alive || !myDrafts.length) return null;
    return el("section", { id: "drafts", "aria-labelledby": "drafts-title" },
      el("h2", { id: "drafts-title" }, t("myDrafts")),
      el("ul", { class: "results" }, myDrafts.map(draftCard)));
  } catch {
    return null;
  }
}

// Dossiers the citizen filed for others as their authorized person (issue 18): both follow them.
async function filedOnBehalfSection(view) {
  try {
    const { dossiersFiledOnBehalf: filed } = await run("DossiersFiledOnBehalf", { first: PAGE });
    if (!view.alive || !filed.edges.length) return null;
    return el("section", { id: "filed-on-behalf", "aria-labelledby": "filed-on-behalf-title" },
      el("h2", { id: "filed-on-behalf-title" }, t("filedOnBehalfTitle")),
      el("ul", { class: "results" }, filed.edges.map(({ node }) => {
        const item = card(node);
        item.append(el("div", { class: "meta" }, el("span", { class: "tag" }, t("filedFor", node.applicant.fullName))));
        return item;
      })));
  } catch {
    return null;
  }
}

export async function myDossiersPage(view) {
  const who = session();
  if (!who) return signInPrompt(view, t("myDossiers"), "#/ho-so-cua-toi");
  if (who.role !== "citizen") return view.show(heading(t("myDossiers")), message("info", t("citizensOnly")));
  const list = el("ul", { class: "results", id: "dossiers" });
  const status = el("p", { class: "muted", role: "status", "aria-live": "polite" }, t("loading"));
  const more = el("button", { type: "button", class: "secondary", hidden: true }, t("more"));
  let after = null;

  async function load() {
    more.disabled = true;
    try {
      const { myDossiers } = await run("MyDossiers", { first: PAGE, after });
      if (!view.alive) return;
      list.append(...myDossiers.edges.map((e) => card(e.node)));
      after = myDossiers.pageInfo.endCursor;
      more.hidden = !myDossiers.pageInfo.hasNextPage;
      status.textContent = list.children.length ? t("dossierCount", list.children.length) : t("noDossiers");
    } catch (error) {
      status.className = "error";
      status.textContent = errorText(error);
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener("click", load);
  // Drafts and the first page arrive together and are drawn at once: nothing moves after the first draw.
  const title = heading(t("myDossiers"));
  view.show(title, status);
  const [section, , onBehalf] = await Promise.all([draftsSection(view), load(), filedOnBehalfSection(view)]);
  view.show(title, section, el("h2", { id: "filed-title" }, t("filedDossiers")), status, list, more, onBehalf, myReceipts(),
    el("p", {}, el("a", { href: "#/" }, t("findToFile"))));
}
