// One of the citizen's dossiers (#/ho-so/<code>): where it stands, what the center asked for, the
// electronic result, and what the applicant may do now (supplement, withdraw, rate).
import { mutate, run } from "../api.js";
import { session } from "../auth.js";
import { messageThread } from "../components/messages.js";
import { slipLink } from "../components/document-link.js";
import { confirmDialog } from "../components/dialog.js";
import { feeNotice } from "../components/payments.js";
import { resultCard } from "../components/result-card.js";
import { optionLabel } from "../components/field.js";
import { lateTag, statusTag, timeline } from "../components/timeline.js";
import { askedList } from "../components/supplement-asked.js";
import { uploadsField } from "../components/uploads.js";
import { signInPrompt } from "../components/sign-in.js";
import { el, heading, message, srOnly } from "../dom.js";
import { addText, errorText, formatBytes, formatDate, formatDateTime, formatDue, formatTime, pick, serverText, t } from "../i18n.js";
import * as dossiersText from "../text/dossiers.js";
import * as feedbackText from "../text/feedback.js";

addText(dossiersText);
addText(feedbackText);

const WITHDRAWABLE = ["RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED"];
const RATEABLE = ["RESULT_READY", "RETURNED", "REJECTED"];

function ratingForm(code, onDone) {
  const error = el("p", { class: "field-error", id: "rating-error", role: "alert", hidden: true });
  const stars = [1, 2, 3, 4, 5].map((n) => el("span", { class: "star" },
    el("input", { type: "radio", name: "score", id: `score-${n}`, value: n }),
    el("label", { for: `score-${n}` }, String(n), srOnly(` — ${t("scores")[n]}`))));
  const comment = el("textarea", { id: "rating-comment", rows: 3, maxlength: 1000 });
  const button = el("button", { type: "submit", class: "primary" }, t("sendRating"));
  return el("form", { class: "group", id: "rating", novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const chosen = e.target.querySelector("input[name=score]:checked");
    error.hidden = true;
    if (!chosen) { error.textContent = t("chooseScore"); error.hidden = false; return; }
    button.disabled = true;
    try {
      const { problem } = await mutate("RateDossier", "rateDossier", { code, score: Number(chosen.value), comment: comment.value.trim() });
      if (problem) { error.textContent = (problem.problems?.[0] && serverText(problem.problems[0])) || serverText(problem); error.hidden = false; return; }
      onDone(t("thanksRating"));
    } catch (err) {
      error.textContent = errorText(err);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  } },
  el("h2", {}, t("rateTitle")),
  el("fieldset", { class: "stars", "aria-describedby": "rating-error" }, el("legend", {}, t("rateLegend")), el("div", { class: "star-row" }, stars),
    el("p", { class: "hint" }, t("scoreScale"))),
  el("div", { class: "field" }, el("label", { for: "rating-comment" }, t("comment")), comment),
  error, button);
}

// What was filed: every answer of the form, then the files (the citizen's copy of the declaration).
export function filedContent(d) {
  const fields = d.procedure?.onlineForm?.fields || d.procedure?.formFields || []; // a generic form's too
  const label = new Map(fields.map((f) => [f.name, f]));
  const shown = (f, v) => (f?.type === "DATE" ? formatDate(v) : f?.type === "SELECT" ? optionLabel(String(v)) : String(v));
  const names = [...fields.map((f) => f.name).filter((n) => n in (d.formData || {})),
    ...Object.keys(d.formData || {}).filter((n) => !label.has(n))];
  return el("section", { class: "group", id: "filed", "aria-labelledby": "filed-title" },
    el("h2", { id: "filed-title" }, t("filedAnswers")),
    el("dl", { class: "summary-list", id: "filed-answers" }, names.map((n) => el("div", { class: "summary-row" },
      el("dt", {}, label.has(n) ? pick(label.get(n), "label") : n), el("dd", {}, shown(label.get(n), d.formData[n]))))),
    el("h3", {}, t("filedFiles")),
    d.attachments?.length
      ? el("ul", { class: "plain", id: "filed-files" }, d.attachments.map((a) => el("li", {}, `${a.name} (${formatBytes(a.sizeBytes)})`, a.document ? ` — ${a.document}` : "")))
      : el("p", { class: "muted" }, t("noAttachments")));
}

export async function dossierPage(view, code) {
  const route = `#/ho-so/${code}`;
  const who = session();
  if (!who) return signInPrompt(view, t("dossierTitle"), route);
  if (who.role === "officer") {
    location.replace(`#/can-bo/ho-so/${code}`);
    return null;
  }
  const feedback = el("div", { id: "feedback", role: "status", "aria-live": "polite" });

  async function act(action, note = "") {
    feedback.replaceChildren();
    try {
      const { problem } = await mutate("ActOnDossier", "actOnDossier", { code, action, note });
      if (problem) return feedback.replaceChildren(message("error", serverText(problem)));
      await load(t(action === "WITHDRAW" ? "withdrawn" : "supplementSent"));
    } catch (error) {
      feedback.replaceChildren(message("error", errorText(error)));
    }
  }

  async function load(done = "") {
    let d;
    try {
      d = (await run("GetDossier", { code })).dossier;
    } catch (error) {
      return view.show(el("p", {}, el("a", { href: "#/ho-so-cua-toi" }, t("back"))), heading(t("dossierTitle")), message("error", errorText(error)));
    }
    const doneNote = done ? message("ok", done) : null;
    if (doneNote) {
      doneNote.tabIndex = -1;
      feedback.replaceChildren(doneNote);
    }
    const asked = [...d.timeline].reverse().find((e) => e.action === "request_supplement");
    // The files name the documents asked for (all of the procedure's when the request lists none of them).
    const askedSlots = new Set((asked?.supplementItems || []).filter((x) => x.listed).map((x) => x.what));
    const documents = d.procedure?.documents || [];
    const offered = documents.filter((x) => askedSlots.has(x.slot));
    const supplement = d.status === "SUPPLEMENT_REQUESTED"
      ? el("section", { class: "group attention", id: "supplement", "aria-labelledby": "supplement-title" },
        el("h2", { id: "supplement-title" }, t("supplementTitle")),
        askedList(asked?.supplementItems, "supplement-items"),
        asked?.note ? el("p", { class: "note", id: "supplement-note" }, asked.note) : null,
        el("p", { class: "hint" }, t("supplementHint")),
        uploadsField({ // the files asked for, straight into the dossier (purpose SUPPLEMENT)
          files: [], documents: offered.length ? offered : documents, target: { dossierCode: d.code, purpose: "SUPPLEMENT" },
          id: "supplement-files", legend: t("supplementFiles"),
        }).node,
        el("div", { class: "field" }, el("label", { for: "supplement-text" }, t("supplementWhat")),
          el("textarea", { id: "supplement-text", rows: 3, maxlength: 1000 })),
        el("p", { class: "field-error", id: "supplement-error", hidden: true }),
        el("button", { type: "button", class: "primary", id: "provide-supplement", onclick: (e) => {
          const text = document.getElementById("supplement-text");
          const problem = document.getElementById("supplement-error");
          problem.hidden = Boolean(text.value.trim());
          problem.textContent = text.value.trim() ? "" : t("supplementEmpty");
          if (!text.value.trim()) { text.setAttribute("aria-invalid", "true"); text.focus(); return; }
          e.target.disabled = true;
          act("PROVIDE_SUPPLEMENT", text.value.trim()).finally(() => { e.target.disabled = false; });
        } }, t("provideSupplement")))
      : null;
    const withdraw = WITHDRAWABLE.includes(d.status)
      ? el("button", { type: "button", class: "danger", id: "withdraw", onclick: async () => {
        if (await confirmDialog(t("confirmWithdraw", d.code), t("withdraw"))) act("WITHDRAW");
      } }, t("withdraw"))
      : null;
    const rating = d.rating
      ? el("section", { class: "group", id: "rated" }, el("h2", {}, t("yourRating")),
        el("p", {}, t("ratedAs", d.rating.score), d.rating.comment ? ` — “${d.rating.comment}”` : ""))
      : RATEABLE.includes(d.status) ? ratingForm(code, (text) => load(text)) : null;

    view.show(
      el("p", {}, el("a", { href: "#/ho-so-cua-toi" }, t("back"))),
      heading(d.procedureName),
      d.subject ? el("p", { class: "lead", id: "dossier-subject" }, d.subject) : null,
      el("div", { class: "meta" }, el("span", { class: "mono" }, d.code), statusTag(d.status), lateTag(d)),
      d.filer ? el("p", { id: "filed-by" }, t("filedBy", d.filer.fullName, d.filer.idNumber), " — ", t("filedFor", d.applicant.fullName)) : null,
      feedback,
      feeNotice(code),
      supplement,
      d.result ? resultCard(d.result, d.code) : null,
      el("dl", { class: "facts" },
        el("dt", {}, t("status")), el("dd", { id: "status" }, t("statuses")[d.status]),
        el("dt", {}, t("received")), el("dd", {}, formatDateTime(d.receivedAt)),
        el("dt", {}, t("time")), el("dd", { id: "processing-time" }, formatTime(d.processingTime)),
        el("dt", {}, t("due")), el("dd", { id: "due" }, formatDue(d.appointmentDate), " ", lateTag(d)),
        d.completedAt ? [el("dt", {}, t("completed")), el("dd", {}, formatDateTime(d.completedAt))] : null,
        el("dt", {}, t("center")), el("dd", {}, d.center?.name || d.centerId, d.center?.hotline
          ? [el("br"), t("hotlineShort"), " ", el("a", { href: `tel:${d.center.hotline}` }, d.center.hotline)] : null)),
      rating,
      filedContent(d),
      el("h2", {}, t("history")), timeline(d.timeline), messageThread(d.code),
      el("div", { class: "actions" },
        el("a", { class: "button secondary", href: `#/ho-so/${code}/bien-nhan` }, t("showReceipt")),
        // One tap: a request beyond the catalog, reported with this dossier (portal.feedback).
        el("a", { class: "button secondary", id: "report-extra", href: `#/phan-anh?ho-so=${encodeURIComponent(code)}&loai=EXTRA_DOCUMENTS` }, t("fbReportExtra")),
        withdraw),
      el("p", { class: "slips" }, slipLink(code, "RECEIPT"),
        d.supplementRequests ? slipLink(code, "SUPPLEMENT_REQUEST") : null,
        d.deadlineExtensions ? slipLink(code, "APOLOGY") : null));
    doneNote?.focus(); // after an action, say what happened (the page was drawn anew)
  }

  view.show(el("p", { class: "muted" }, t("loading")));
  await load();
}
