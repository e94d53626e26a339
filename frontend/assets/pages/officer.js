// The officer's workspace (#/can-bo): the center's queue by status, most urgent first, and each dossier
// with the steps the officer may take. The server decides who may do what; refusals are shown as sent.
import { mutate, run } from "../api.js";
import { session } from "../auth.js";
import { optionLabel } from "../components/field.js";
import { confirmDialog } from "../components/dialog.js";
import { messageThread } from "../components/messages.js";
import { officerPayments } from "../components/payments.js";
import { resultCard } from "../components/result-card.js";
import { lateTag, statusTag, timeline } from "../components/timeline.js";
import { signInPrompt } from "../components/sign-in.js";
import { el, heading, message, select } from "../dom.js";
import { addText, errorText, formatBytes, formatDate, formatDateTime, formatDue, formatTime, pick, serverText, t } from "../i18n.js";
import { queryParams } from "../router.js";
import { checkAttachment } from "../validation.js";
import { documentLink } from "../components/document-link.js";
import { supplementRequest } from "../components/supplement-request.js";
import { uploadsField } from "../components/uploads.js";
import * as officersText from "../text/officers.js";

addText(officersText);

const STATUSES = ["RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED", "RESULT_READY", "RETURNED", "REJECTED", "WITHDRAWN"];
const PAGE = 20;

function officer(view, route) {
  const who = session();
  if (who?.role === "officer") return who;
  if (!who) signInPrompt(view, t("officerTitle"), route, "officer");
  else view.show(heading(t("officerTitle")), message("info", t("officersOnly")));
  return null;
}

// Who is working, at which center (by its name, asked once; the token carries only its id).
const centerNames = new Map();

function whoBar(who) {
  const c = who.claims;
  const role = t("officerRoles")[c.center_role] || c.center_role || "";
  const bar = el("p", { class: "muted", id: "officer-of", "data-center-id": c.center_id || "" }, t("officerAt", c.name || "", "…", role));
  if (c.center_id) {
    if (!centerNames.has(c.center_id)) {
      centerNames.set(c.center_id, run("GetCenter", { id: c.center_id }).then((d) => d.center?.name || c.center_id, () => c.center_id));
    }
    centerNames.get(c.center_id).then((name) => { bar.textContent = t("officerAt", c.name || "", name, role); });
  }
  return bar;
}

function queueCard(d) {
  return el("li", { class: `card tappable ${d.late ? "is-late" : ""} ${d.supplementReceived ? "has-supplement" : ""}` },
    el("h2", { class: "card-title" }, el("a", { href: `#/can-bo/ho-so/${d.code}` }, d.procedureName, d.subject ? el("span", { class: "subject" }, ` — ${d.subject}`) : null)),
    el("div", { class: "meta" }, el("span", { class: "mono" }, d.code), statusTag(d.status), d.late ? lateTag(d) : null,
      d.supplementReceived ? el("span", { class: "tag attention" }, t("supplementReceived")) : null,
      el("span", {}, t("channels")[d.channel])),
    el("div", { class: "meta" },
      el("span", {}, d.applicant.fullName),
      el("span", {}, `${t("received")}: ${formatDateTime(d.receivedAt)}`),
      el("strong", {}, `${t("due")}: ${formatDue(d.appointmentDate)}`)));
}

// "Needs me now": new dossiers, supplements received, and anything due within one working day; the
// supplements first (the applicant has done their part), then the late, then by appointment date.
const NEEDS_ME = "NOW";
const NEEDS_ME_MAX = 100;

function withinOneWorkingDay(due) {
  if (!due) return true; // no appointment yet: the receiving officer sets it now
  const next = new Date();
  do next.setDate(next.getDate() + 1); while ([0, 6].includes(next.getDay()));
  return due <= next.toISOString().slice(0, 10);
}

async function needsMeNow() {
  const [received, processing] = await Promise.all(["RECEIVED", "PROCESSING"].map((status) =>
    run("CenterQueue", { status, first: NEEDS_ME_MAX, after: null })));
  const nodes = [...received.centerQueue.edges, ...processing.centerQueue.edges].map((e) => e.node)
    .filter((d) => d.status === "RECEIVED" || d.supplementReceived || d.late || withinOneWorkingDay(d.appointmentDate));
  const rank = (d) => [d.supplementReceived ? 0 : 1, d.late ? 0 : 1, d.appointmentDate || "", d.code];
  nodes.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { centerQueue: { edges: nodes.map((node) => ({ node })), pageInfo: { endCursor: null, hasNextPage: false } } };
}

export async function officerQueuePage(view) {
  const who = officer(view, "#/can-bo");
  if (!who) return;
  const chosen = queryParams().get("trang-thai") ?? NEEDS_ME;
  const filter = select({ id: "queue-status" },
    [[NEEDS_ME, t("needsMeNow")], ...STATUSES.map((s) => [s, t("statuses")[s]]), ["", t("allStatuses")]], chosen);
  const list = el("ul", { class: "results", id: "queue" });
  const status = el("p", { class: "muted", role: "status", "aria-live": "polite" });
  const more = el("button", { type: "button", class: "secondary", hidden: true }, t("more"));
  let after = null;
  let latest = 0;

  async function load(reset) {
    if (!view.alive) return;
    const request = ++latest;
    if (reset) {
      after = null;
      history.replaceState(null, "", `#/can-bo?trang-thai=${filter.value}`);
    }
    status.textContent = t("loading");
    try {
      const { centerQueue } = filter.value === NEEDS_ME
        ? await needsMeNow()
        : await run("CenterQueue", { status: filter.value || null, first: PAGE, after });
      if (request !== latest || !view.alive) return;
      const cards = centerQueue.edges.map((e) => queueCard(e.node));
      if (reset) list.replaceChildren(...cards); else list.append(...cards);
      after = centerQueue.pageInfo.endCursor;
      more.hidden = !centerQueue.pageInfo.hasNextPage;
      const late = list.querySelectorAll(".is-late").length;
      status.textContent = list.children.length ? t("queueCount", list.children.length, late) : t("queueEmpty");
    } catch (error) {
      if (request === latest) status.textContent = errorText(error);
    }
  }
  filter.addEventListener("change", () => load(true));
  more.addEventListener("click", () => load(false));
  view.show(heading(t("officerTitle")), whoBar(who),
    el("p", {}, el("a", { class: "button secondary", href: "#/can-bo/tiep-nhan", id: "open-reception" }, t("receptionLink"))),
    el("div", { class: "field narrow" }, el("label", { for: "queue-status" }, t("queueFilter")), filter),
    el("p", { class: "hint" }, t("queueOrder")),
    status, list, more);
  await load(true);
}

// The steps an officer may take in each status (the lifecycle's table; roles are the server's call).
function stepsFor(d) {
  switch (d.status) {
    case "RECEIVED":
      return ["START_PROCESSING", "REQUEST_SUPPLEMENT", "REJECT"];
    case "PROCESSING":
      return [...(d.supplementRequests < 1 ? ["REQUEST_SUPPLEMENT"] : []), "MARK_RESULT_READY", "REJECT"];
    case "SUPPLEMENT_REQUESTED":
      return ["REJECT"];
    case "RESULT_READY":
      return ["RETURN_RESULT"];
    default:
      return [];
  }
}

function formDataList(d) {
  const fields = d.procedure?.onlineForm?.fields || d.procedure?.formFields || []; // a generic form's too
  const field = (name) => fields.find((x) => x.name === name);
  const shown = (name, value) =>
    field(name)?.type === "DATE" ? formatDate(value) : field(name)?.type === "SELECT" ? optionLabel(String(value)) : String(value);
  const entries = Object.entries(d.formData || {});
  if (!entries.length) return el("p", { class: "muted" }, "—");
  return el("dl", { class: "facts", id: "form-data" },
    entries.map(([k, v]) => [el("dt", {}, field(k) ? pick(field(k), "label") : k), el("dd", {}, shown(k, v))]));
}

export async function officerDossierPage(view, code) {
  const who = officer(view, `#/can-bo/ho-so/${code}`);
  if (!who) return;
  const feedback = el("div", { id: "officer-feedback" });

  // One step: the note/result it needs, checked here first, then the server's answer shown as it is.
  // A procedure with no known processing time: the receiving officer sets the result date (once, with its basis).
  function appointmentForm(d) {
    if (d.appointmentDate || !["RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED"].includes(d.status)) return null;
    const due = el("input", { type: "date", id: "appointment-date", required: true, "aria-describedby": "appointment-error" });
    const basis = el("textarea", { id: "appointment-basis", rows: 2, maxlength: 2000, required: true, "aria-describedby": "appointment-error" });
    const error = el("p", { class: "field-error", id: "appointment-error", hidden: true });
    const button = el("button", { type: "submit", class: "primary", id: "do-set-appointment" }, t("appointmentSet"));
    return el("form", { class: "group", id: "appointment-form", novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      error.hidden = true;
      if (!due.value || !basis.value.trim()) {
        error.textContent = t("appointmentFieldsRequired");
        error.hidden = false;
        return (due.value ? basis : due).focus();
      }
      button.disabled = true;
      try {
        const input = { code, dueDate: due.value, basis: basis.value.trim() };
        const { problem } = await mutate("SetDossierAppointment", "setDossierAppointment", input);
        if (!problem) return await load(t("appointmentDone"));
        error.textContent = (problem.problems || []).map(serverText).join(" ") || serverText(problem);
        error.hidden = false;
      } catch (err) {
        error.textContent = errorText(err);
        error.hidden = false;
      } finally {
        button.disabled = false;
      }
    } },
    el("h2", {}, t("appointmentTitle")),
    el("p", { class: "muted small" }, t("appointmentHint")),
    el("label", { for: "appointment-date" }, t("appointmentDate")), due,
    el("label", { for: "appointment-basis" }, t("appointmentBasis")), basis,
    error, button);
  }

  function stepForm(d, action) {
    // A supplement request lists what it asks (the procedure's documents, others with their legal basis);
    // its note only explains. A refusal needs its reason.
    const asked = action === "REQUEST_SUPPLEMENT"
      ? supplementRequest({ documents: d.procedure?.documents || [], legalBasis: d.procedure?.legalBasis || [] })
      : null;
    const needsNote = action === "REJECT";
    const noteId = `note-${action.toLowerCase()}`;
    const noteError = el("p", { class: "field-error", id: `${noteId}-error`, hidden: true });
    const note = needsNote || asked ? el("textarea", { id: noteId, rows: 3, maxlength: 2000, "aria-required": needsNote ? "true" : null, "aria-describedby": `${noteId}-hint ${noteId}-error` }) : null;
    // The result is a real file, uploaded into the dossier (purpose RESULT) as soon as it is chosen: the
    // portal checks and seals it; marking the dossier ready then sends no metadata, only the step.
    const files = [];
    const result = action === "MARK_RESULT_READY"
      ? uploadsField({
        files, documents: [], target: { dossierCode: code, purpose: "RESULT" }, single: true,
        id: "result-file", legend: t("resultFile"), hint: t("resultUploadHint"),
      })
      : null;
    const button = el("button", { type: "submit", class: action === "REJECT" ? "danger" : "primary", id: `do-${action.toLowerCase()}` }, t("steps")[action]);
    return el("form", { class: "group step", novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      noteError.hidden = true;
      result?.setError(null);
      const unfinished = asked?.check();
      if (unfinished) return unfinished.focus();
      if (needsNote && !note.value.trim()) {
        noteError.textContent = t("noteRequired");
        noteError.hidden = false;
        note.setAttribute("aria-invalid", "true");
        return note.focus();
      }
      const uploaded = files.some((f) => f.state === "done" && f.documentId) || (!files.length && d.result?.documentId);
      if (result && !uploaded) {
        result.setError(files.length ? t(...(checkAttachment(files[0]) || ["resultNotUploaded"])) : t("resultRequired"));
        return result.focus();
      }
      if (action === "REJECT" && !(await confirmDialog(t("confirmReject", d.code), t("steps").REJECT))) return;
      button.disabled = true;
      feedback.replaceChildren();
      try {
        const input = { code, action, note: note?.value.trim() || "", ...(asked ? { supplement: asked.value() } : {}) };
        const { problem } = await mutate("ActOnDossier", "actOnDossier", input);
        if (!problem) return await load(t("stepDone", t("steps")[action]));
        const toFix = asked?.showProblems((problem.problems || []).filter((fp) => fp.field.startsWith("supplement")));
        for (const fp of problem.problems || []) {
          if (fp.field === "note" && note) { noteError.textContent = serverText(fp); noteError.hidden = false; }
          else if (fp.field.startsWith("result") && result) result.setError(serverText(fp));
        }
        feedback.replaceChildren(message("error", el("strong", {}, t("refused")), " ", serverText(problem)));
        feedback.firstChild.tabIndex = -1;
        (toFix || feedback.firstChild).focus();
      } catch (error) {
        feedback.replaceChildren(message("error", errorText(error)));
      } finally {
        button.disabled = false;
      }
    } },
    el("h3", {}, t("steps")[action]),
    el("p", { class: "hint", id: `${noteId}-hint` }, t("stepHints")[action]),
    asked?.node,
    note ? el("div", { class: "field" }, el("label", { for: noteId }, t(needsNote ? "rejectReason" : "supplementNote")), note, noteError) : null,
    result?.node, button);
  }

  // Reception digitizes the paper documents of a dossier received at the desk (the same upload path).
  function deskScan(d) {
    if (!["IN_PERSON", "POST"].includes(d.channel) || !["RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED"].includes(d.status)) return null;
    const required = d.procedure?.documents || [];
    if (!required.length) return null;
    const scans = [];
    const field = uploadsField({
      files: scans, documents: required, target: { dossierCode: d.code, purpose: "DESK_SCAN" }, slotFirst: true,
      id: "scan", legend: t("deskScan"),
      onChange: () => { if (scans.some((f) => f.state === "done") && scans.every((f) => f.state !== "uploading")) load(t("scanned")); },
    });
    return el("section", { class: "group", id: "desk-scan" },
      d.digitizedAt ? el("p", { class: "ok", id: "digitized" }, t("digitizedAt", formatDateTime(d.digitizedAt))) : null,
      field.node);
  }

  async function load(done = "") {
    let d;
    try {
      d = (await run("GetDossier", { code })).dossier;
    } catch (error) {
      return view.show(el("p", {}, el("a", { href: "#/can-bo" }, t("back"))), heading(t("dossierTitle")), message("error", errorText(error)));
    }
    const doneNote = done ? message("ok", done) : null;
    if (doneNote) { doneNote.tabIndex = -1; feedback.replaceChildren(doneNote); }
    const steps = stepsFor(d);
    const a = d.applicant;
    view.show(
      el("p", {}, el("a", { href: "#/can-bo" }, t("backToQueue"))),
      heading(d.procedureName),
      el("div", { class: "meta" }, el("span", { class: "mono" }, d.code), statusTag(d.status), lateTag(d), el("span", {}, t("channels")[d.channel])),
      feedback,
      d.filer ? message("info", el("strong", { id: "filed-by" }, t("filedBy", d.filer.fullName, d.filer.idNumber))) : null,
      d.postmarkedOn ? el("p", { id: "postmark" }, t("postmarkShown", formatDate(d.postmarkedOn))) : null,
      el("dl", { class: "facts" },
        el("dt", {}, t("status")), el("dd", { id: "status" }, t("statuses")[d.status]),
        el("dt", {}, t("received")), el("dd", {}, formatDateTime(d.receivedAt)),
        el("dt", {}, t("time")), el("dd", { id: "processing-time" }, formatTime(d.processingTime)),
        el("dt", {}, t("due")), el("dd", { id: "due" }, formatDue(d.appointmentDate), d.deadlineExtensions ? ` (${t("extended")})` : ""),
        el("dt", {}, t("supplementRequests")), el("dd", {}, String(d.supplementRequests))),
      d.supplementReceived ? message("info", el("strong", {}, t("supplementReceived")), " — ", t("supplementReceivedHint")) : null,
      appointmentForm(d),
      d.result ? resultCard(d.result, d.code) : null,
      officerPayments(d.code),
      deskScan(d),
      el("h2", {}, t("applicant")),
      el("dl", { class: "facts" },
        el("dt", {}, t("fullName")), el("dd", {}, a.fullName),
        el("dt", {}, t("idNumber")), el("dd", {}, a.idNumber),
        el("dt", {}, t("dateOfBirth")), el("dd", {}, formatDate(a.dateOfBirth) || "—"),
        el("dt", {}, t("residence")), el("dd", {}, a.address || "—"),
        el("dt", {}, t("phone")), el("dd", {}, a.phone ? el("a", { href: `tel:${a.phone}` }, a.phone) : "—"),
        el("dt", {}, t("email")), el("dd", {}, a.email || "—")),
      el("h2", {}, t("declaration")), formDataList(d),
      el("h2", {}, t("attachments")),
      d.attachments.length
        ? el("ul", {}, d.attachments.map((f) => el("li", {}, `${f.name} (${f.contentType}, ${formatBytes(f.sizeBytes)})`, f.document ? ` — ${f.document}` : "", documentLink(f, d.code))))
        : el("p", { class: "muted" }, t("noAttachments")),
      // The dossier's content comes first; then what the officer may do with it.
      el("section", { class: "group", "aria-labelledby": "steps-title" },
        el("h2", { id: "steps-title" }, t("officerActions")),
        steps.length ? steps.map((s) => stepForm(d, s)) : el("p", { class: "muted" }, t("noSteps"))),
      el("h2", {}, t("history")), timeline(d.timeline), messageThread(d.code));
    doneNote?.focus();
  }

  view.show(el("p", { class: "muted" }, t("loading")));
  await load();
}
