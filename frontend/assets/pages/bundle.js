// Interlinked procedures filed as one (#/lien-thong/<group code>): the group's members in the order
// they run, its questions asked once, where to file, one submission (one clientRequestId for the whole
// bundle: a double click or a retry never files twice); then the bundle's page (#/ho-so-lien-thong/<id>)
// with its status, each member's state and the receipt listing every member.
import { mutate, run } from "../api.js";
import { session } from "../auth.js";
import { centerPicker } from "../components/center-picker.js";
import { controlFor, labelled } from "../components/field.js";
import { statusTag } from "../components/timeline.js";
import { signInPrompt } from "../components/sign-in.js";
import { askedSummary } from "../components/supplement-asked.js";
import { el, heading, message } from "../dom.js";
import { addText, errorText, formatDate, formatDateTime, formatDue, formatTime, pick, serverText, t } from "../i18n.js";
import { formValue } from "../validation.js";
import * as bundlesText from "../text/bundles.js";

addText(bundlesText);

const filings = new Map(); // the filing typed in this tab, by group: its request id survives a re-render

function filingOf(code) {
  if (!filings.has(code)) filings.set(code, { requestId: crypto.randomUUID(), values: {}, center: {}, electronic: [] });
  return filings.get(code);
}

function memberList(definition) {
  const names = Object.fromEntries(definition.members.map((m) => [m.key, m.procedureName]));
  return el("ol", { class: "steps", id: "bundle-members" }, definition.members.map((m) =>
    el("li", {},
      el("strong", {}, `${m.procedureName} (${m.procedureCode})`),
      el("span", { class: "muted block" }, m.agency, m.processingTime ? ` · ${formatTime(m.processingTime)}` : ""),
      el("span", { class: "muted block" }, m.after.length ? t("bundleAfter", m.after.map((k) => names[k]).join(", ")) : t("bundleFirst")))));
}

export async function bundleFilePage(view, code) {
  const title = heading(t("bundleFile"));
  const who = session();
  if (!who) return signInPrompt(view, t("bundleFile"), `#/lien-thong/${code}`);
  if (who.role !== "citizen") return view.show(title, message("info", t("citizensOnly")));
  view.show(title, el("p", { class: "muted" }, t("loading")));
  let definition;
  try {
    definition = (await run("BundleDefinition", { code })).bundleDefinition;
  } catch (error) {
    return view.show(title, message("error", errorText(error)));
  }
  const filing = filingOf(code);
  const fields = definition.questions.map((q) => {
    const control = controlFor(q, filing.values[q.name] || "");
    control.addEventListener("input", () => { filing.values[q.name] = control.value; });
    control.addEventListener("change", () => { filing.values[q.name] = control.value; });
    return { q, ...labelled({ id: `q-${q.name}`, label: pick(q, "label"), control, required: q.required }) };
  });
  const electronicDocs = definition.members.flatMap((m) => m.documents).filter((d) => /bản điện tử/.test(d.note || ""));
  const electronic = electronicDocs.map((d, i) => el("div", { class: "check" },
    el("input", { type: "checkbox", id: `bundle-electronic-${i}`, checked: filing.electronic.includes(d.name), onchange: (e) => {
      filing.electronic = filing.electronic.filter((n) => n !== d.name).concat(e.target.checked ? [d.name] : []);
    } }),
    el("label", { for: `bundle-electronic-${i}` }, t("bundleElectronic", pick(d, "name")))));
  const picker = centerPicker({ procedureCode: definition.members[0].procedureCode, state: filing.center, onChange: () => {} });
  const status = el("div", { id: "bundle-status", role: "status", "aria-live": "polite" });
  const submit = el("button", { type: "submit", class: "primary", id: "bundle-submit" }, t("bundleSubmit"));
  const form = el("form", { id: "bundle-form", novalidate: true },
    el("fieldset", { class: "group" }, el("legend", {}, t("bundleQuestions")), fields.map((f) => f.node)),
    el("h2", {}, t("bundleCenter")), el("p", { class: "hint" }, t("bundleCenterHint")), picker.node,
    electronic.length ? el("fieldset", { class: "group", id: "bundle-electronic" }, el("legend", {}, t("bundleDocuments")), electronic) : null,
    status, el("div", { class: "actions" }, submit));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    fields.forEach((f) => f.setError(""));
    const answers = {};
    for (const f of fields) {
      const value = formValue(f.q, f.control.value);
      if (value !== undefined) answers[f.q.name] = value;
    }
    submit.disabled = true;
    submit.textContent = t("bundleSubmitting");
    status.replaceChildren();
    try {
      const input = {
        clientRequestId: filing.requestId, bundleCode: code, centerId: filing.center.chosen?.id || "",
        answers, electronicDocuments: filing.electronic,
      };
      if (!filing.center.chosen) {
        picker.setError(t("bundleChooseCenter"));
        picker.focus();
        return;
      }
      picker.setError("");
      const { ok, problem } = await mutate("SubmitBundle", "submitBundle", input);
      if (ok) {
        filings.delete(code);
        location.hash = `#/ho-so-lien-thong/${ok.bundle.id}`;
        return;
      }
      for (const p of problem.problems || []) {
        const field = fields.find((f) => p.field === `formData.${f.q.name}`);
        if (field) field.setError(serverText(p));
      }
      status.replaceChildren(message("error", serverText(problem), (problem.problems || []).some((p) => !p.field.startsWith("formData."))
        ? el("ul", {}, problem.problems.filter((p) => !p.field.startsWith("formData.")).map((p) => el("li", {}, serverText(p))))
        : null));
      fields.find((f) => f.node.classList.contains("invalid"))?.control.focus();
    } catch (error) {
      status.replaceChildren(message("error", errorText(error)));
    } finally {
      submit.disabled = false;
      submit.textContent = t("bundleSubmit");
    }
  });
  view.show(heading(pick(definition, "name")), el("p", {}, t("bundleLead")),
    el("h2", {}, t("bundleOrder")), memberList(definition), form);
}

// The bundle's view carries the request's note only (its items are on the member's dossier page).
function lastSupplementNote(dossier) {
  return askedSummary([...(dossier.timeline || [])].reverse().find((e) => e.action === "request_supplement"));
}

function memberCard(m) {
  const d = m.dossier;
  const state = d ? statusTag(d.status)
    : el("span", { class: "tag" }, m.state === "CANCELLED" ? t("bundleCancelled") : t("bundleWaiting"));
  return el("li", { class: "card", id: `member-${m.key}` },
    el("h3", {}, d ? el("a", { href: `#/ho-so/${d.code}` }, m.procedureName) : m.procedureName),
    el("div", { class: "meta" }, el("span", { class: "mono" }, d ? d.code : m.procedureCode), state),
    d ? el("div", { class: "meta" },
      el("span", {}, `${t("received")}: ${formatDateTime(d.receivedAt)}`),
      el("span", {}, `${t("due")}: ${formatDue(d.appointmentDate)}`),
      d.center ? el("span", {}, d.center.name) : null) : null,
    d && d.status === "SUPPLEMENT_REQUESTED"
      ? message("warning", t("bundleSupplement", lastSupplementNote(d)), " ", el("a", { href: `#/ho-so/${d.code}` }, t("viewDossier"), " ", el("span", { class: "sr-only" }, d.code)))
      : null);
}

// The receipt: every member, with its code, tracking secret and appointment date once it has started.
function bundleReceipt(b) {
  return el("article", { class: "receipt", id: "bundle-receipt", "aria-labelledby": "bundle-receipt-title" },
    el("p", { class: "receipt-org" }, t("portal")),
    el("h2", { id: "bundle-receipt-title", class: "receipt-title" }, t("bundleReceipt")),
    el("dl", { class: "facts receipt-facts" },
      el("dt", {}, t("procedure")), el("dd", {}, `${b.name} (${b.code})`),
      el("dt", {}, t("receivedAt")), el("dd", {}, formatDateTime(b.createdAt)),
      b.members.flatMap((m) => [
        el("dt", {}, m.procedureName),
        el("dd", {}, m.dossier
          ? [el("strong", { class: "mono" }, m.dossier.code), " · ", t("trackingSecret"), " ",
            el("span", { class: "mono" }, m.dossier.trackingSecret), " · ", t("due"), " ", formatDue(m.dossier.appointmentDate)]
          : m.state === "CANCELLED" ? t("bundleCancelled") : t("bundleWaiting")),
      ])));
}

export async function bundlePage(view, id) {
  const title = heading(t("bundleTitle"));
  if (!session()) return signInPrompt(view, t("bundleTitle"), `#/ho-so-lien-thong/${id}`);
  view.show(title, el("p", { class: "muted" }, t("loading")));
  let b;
  try {
    b = (await run("GetBundle", { id })).bundle;
  } catch (error) {
    return view.show(title, message("error", errorText(error)));
  }
  const status = el("div", { id: "bundle-withdraw-status", role: "status", "aria-live": "polite" });
  const withdraw = el("button", { type: "button", class: "secondary", id: "bundle-withdraw" }, t("bundleWithdraw"));
  withdraw.hidden = b.status === "WITHDRAWN" || b.status === "DONE";
  withdraw.addEventListener("click", async () => {
    withdraw.disabled = true;
    try {
      const data = await run("WithdrawBundle", { id });
      const result = data.withdrawBundle;
      if (result.__typename.endsWith("Error")) status.replaceChildren(message("error", serverText(result)));
      else bundlePage(view, id);
    } catch (error) {
      status.replaceChildren(message("error", errorText(error)));
    } finally {
      withdraw.disabled = false;
    }
  });
  view.show(heading(b.name),
    el("p", {}, el("span", { class: "tag", id: "bundle-state" }, t("bundleStatuses")[b.status])),
    b.status === "WITHDRAWN" ? message("info", t("bundleWithdrawn")) : null,
    el("h2", {}, t("bundleOrder")),
    el("ul", { class: "results", id: "bundle-member-list" }, b.members.map(memberCard)),
    bundleReceipt(b),
    status,
    el("div", { class: "actions no-print" },
      el("button", { type: "button", class: "primary", id: "bundle-print", onclick: () => window.print() }, t("print")),
      withdraw,
      el("a", { class: "button secondary", href: "#/ho-so-cua-toi" }, t("myDossiers"))));
}
