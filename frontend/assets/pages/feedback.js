// Feedback and recommendations (phản ánh, kiến nghị): the report form (signed in, or with an e-mail to
// confirm by a mailed code), the published answers, and the officers' answer queue.
import { run } from "../api.js";
import { session } from "../auth.js";
import { el, heading, message } from "../dom.js";
import { addText, errorText, formatDate, t } from "../i18n.js";
import { queryParams } from "../router.js";
import * as feedbackText from "../text/feedback.js";

addText(feedbackText);

const field = (id, label, input) => el("div", { class: "field" }, el("label", { for: id }, label), input);

function problemOf(result) {
  return result.__typename === "FeedbackReported" || result.__typename === "FeedbackAnswered" ? null : result;
}

function answersList(answers) {
  if (!answers.length) return el("p", { class: "muted", id: "fb-answers-empty" }, t("fbNoAnswers"));
  return el("ul", { class: "cards", id: "fb-answers" }, answers.map((a) => el("li", { class: "card" },
    el("p", {}, el("strong", {}, t("fbCategories")[a.category] || a.category), " — ", a.procedureName || a.procedureCode),
    el("p", { class: "fb-summary" }, a.summary),
    el("p", { class: "fb-answer" }, a.answer),
    el("p", { class: "muted" }, t("fbAnsweredBy", a.answeredByRole), " · ", formatDate(a.answeredOn), " · ",
      a.onTime ? t("fbOnTime") : t("fbLate")))));
}

export async function feedbackPage(view) {
  const params = queryParams();
  const signedIn = session()?.role === "citizen";
  const category = el("select", { id: "fb-category", name: "category" },
    Object.entries(t("fbCategories")).map(([k, label]) => el("option", { value: k, selected: k === (params.get("loai") || "") }, label)));
  const text = el("textarea", { id: "fb-text", name: "text", required: true, minlength: 10, maxlength: 4000, rows: 5 });
  const dossier = el("input", { id: "fb-dossier", name: "dossier", value: params.get("ho-so") || "", maxlength: 64, autocomplete: "off" });
  const province = el("input", { id: "fb-province", name: "province", maxlength: 2, inputmode: "numeric", autocomplete: "off" });
  const email = el("input", { id: "fb-email", name: "email", type: "email", maxlength: 254, autocomplete: "email" });
  const consent = el("input", { id: "fb-consent", name: "consent", type: "checkbox" });
  const out = el("div", { id: "fb-result", "aria-live": "polite" });

  const confirmForm = (id) => {
    const code = el("input", { id: "fb-code", name: "code", required: true, maxlength: 16, inputmode: "numeric", autocomplete: "one-time-code" });
    return el("form", { onsubmit: async (e) => {
      e.preventDefault();
      try {
        const { confirmFeedback: r } = await run("ConfirmFeedback", { id, code: code.value.trim() });
        const problem = problemOf(r);
        out.replaceChildren(problem ? message("error", problem.message) : message("success", t("fbSent", r.report.id, formatDate(r.report.dueOn))));
      } catch (error) {
        out.replaceChildren(message("error", errorText(error)));
      }
    } }, field("fb-code", t("fbCode"), code), el("button", { class: "primary", type: "submit" }, t("fbConfirm")));
  };

  const form = el("form", { id: "fb-form", onsubmit: async (e) => {
    e.preventDefault();
    const input = { category: category.value, text: text.value.trim(), dossierCode: dossier.value.trim(),
      provinceCode: province.value.trim(), publishConsent: consent.checked };
    if (!signedIn) input.email = email.value.trim();
    try {
      const { reportFeedback: r } = await run("ReportFeedback", { input });
      const problem = problemOf(r);
      if (problem) return out.replaceChildren(message("error", problem.message));
      form.hidden = true;
      out.replaceChildren(r.needsConfirmation ? confirmForm(r.report.id)
        : message("success", t("fbSent", r.report.id, formatDate(r.report.dueOn))));
    } catch (error) {
      out.replaceChildren(message("error", errorText(error)));
    }
  } },
  field("fb-category", t("fbCategory"), category),
  field("fb-text", t("fbText"), text),
  field("fb-dossier", t("fbDossier"), dossier),
  field("fb-province", t("fbProvince"), province),
  signedIn ? null : field("fb-email", t("fbEmail"), email),
  el("div", { class: "field check" }, consent, el("label", { for: "fb-consent" }, t("fbConsent"))),
  el("button", { class: "primary", type: "submit" }, t("fbSend")));

  const answers = el("section", { class: "group" }, el("h2", {}, t("fbAnswers")), el("p", { class: "muted" }, t("loading")));
  view.show(heading(t("fbTitle")), el("p", { class: "lead" }, t("fbLead")), form, out, answers);
  try {
    const { publishedFeedback } = await run("PublishedFeedback", {});
    answers.replaceChildren(el("h2", {}, t("fbAnswers")), answersList(publishedFeedback));
  } catch (error) {
    answers.replaceChildren(el("h2", {}, t("fbAnswers")), message("error", errorText(error)));
  }
}

export async function feedbackQueuePage(view) {
  view.show(heading(t("fbQueueTitle")), el("p", { class: "muted" }, t("loading")));
  let queue;
  try {
    ({ feedbackQueue: queue } = await run("FeedbackQueue"));
  } catch (error) {
    return view.show(heading(t("fbQueueTitle")), message("error", errorText(error)));
  }
  const item = (r) => {
    const answer = el("textarea", { id: `fb-answer-${r.id}`, required: true, minlength: 10, maxlength: 4000, rows: 4 });
    const summary = el("textarea", { id: `fb-summary-${r.id}`, maxlength: 4000, rows: 2, required: r.publishConsent });
    const out = el("div", { "aria-live": "polite" });
    const open = r.status === "OPEN" || r.status === "ESCALATED";
    return el("li", { class: "card", id: `fb-${r.id}` },
      el("p", {}, el("strong", {}, r.id), " — ", t("fbCategories")[r.category] || r.category, " — ", r.status),
      el("p", {}, r.text),
      el("p", { class: "muted" }, `${t("fbDue")}: ${formatDate(r.dueOn)}`, r.dossierCode ? ` · ${r.dossierCode}` : ""),
      open ? el("form", { onsubmit: async (e) => {
        e.preventDefault();
        try {
          const { answerFeedback: a } = await run("AnswerFeedback", { id: r.id, text: answer.value.trim(), publicSummary: summary.value.trim() });
          const problem = problemOf(a);
          out.replaceChildren(problem ? message("error", problem.message) : message("success", a.report.status));
        } catch (error) {
          out.replaceChildren(message("error", errorText(error)));
        }
      } }, field(`fb-answer-${r.id}`, t("fbAnswer"), answer),
      r.publishConsent ? field(`fb-summary-${r.id}`, t("fbSummary"), summary) : null,
      el("button", { class: "primary", type: "submit" }, t("fbReply")), out) : el("p", {}, r.answer?.text || ""));
  };
  view.show(heading(t("fbQueueTitle")), queue.length ? el("ul", { class: "cards" }, queue.map(item)) : el("p", { class: "muted" }, t("fbQueueEmpty")));
}
