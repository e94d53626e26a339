// Filing a dossier online (#/nop-ho-so/<code>): the applicant's identity prefilled and read-only, the
// procedure's form, the receiving center, the attachments; then "check your answers", where alone the
// dossier is submitted; then the confirmation (the receipt).
//
// The form is drawn from the procedure's definition (Procedure.onlineForm), the one the server checks a
// submission against: its fields, and which documents are required. A designed form keeps its own
// declaration fields and one list of files; a generic form asks what is requested and gives each document
// of the catalog's list its own card (components/document-slots.js). No online form: the reason, and
// where to file instead.
//
// The filing is a draft on the server (saveDraft, a few seconds after each change), so it survives a
// closed tab and resumes on another device after sign-in. One filing = one clientRequestId, made by the
// server with the draft and kept by it: a double click, a retry after a dropped connection, a reload, or
// submitting from another device send the same id, and the server answers with the dossier the first
// attempt made. Back after submitting finds the draft's dossier and shows it, never a fresh form.
import { mutate, run } from "../api.js";
import { session } from "../auth.js";
import { storePicker } from "../components/store-picker.js";
import { documentRefs, uploadProblems, uploadsField } from "../components/uploads.js";
import { documentSlots, keyOf, shortName } from "../components/document-slots.js";
import { centerPicker } from "../components/center-picker.js";
import { AUTHORIZATION, authorizationSlot, onBehalfInput, onBehalfSection } from "../components/on-behalf.js";
import { exemptionChoice } from "../components/exemptions.js";
import { controlFor, labelled, optionLabel } from "../components/field.js";
import { signInPrompt } from "../components/sign-in.js";
import { signInUrl } from "../config.js";
import { getProcedure } from "../data.js";
import { el, heading, message, srOnly } from "../dom.js";
import { addText, errorText, formatDate, pick, serverText, t } from "../i18n.js";
import { checkBetween, checkMeaning, ethnicGroups, isEthnicityField, isPlaceField, officialEthnicity } from "../form-rules.js";
import { checkEmail, checkField, checkPhone, formValue } from "../validation.js";
import { rememberReceipt } from "../just-filed.js";
import * as filingText from "../text/filing.js";

addText(filingText);

// The filing being typed in this tab, by procedure: a re-render (a change of language) keeps what was
// typed even before the next autosave.
const live = new Map();
const AUTOSAVE_MS = 3000; // after the last keystroke: at most one save every few seconds (mutations are rate limited)
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

// The server's draft as the page keeps it: values as the controls hold them (strings).
function draftState(saved, claims) {
  const values = {};
  for (const [k, v] of Object.entries(saved.formData || {})) values[k] = v === null || v === undefined ? "" : String(v);
  return {
    requestId: saved.clientRequestId, values, saved: saved.saved, expiresAt: saved.expiresAt, updatedAt: saved.updatedAt,
    phone: saved.saved ? saved.phone : claims.phone_number || "", email: saved.saved ? saved.email : claims.email || "",
    center: saved.centerId ? { pendingId: saved.centerId } : {},
    // Files the draft kept by id (uploaded, or picked from the store) come back ready: no upload again.
    files: (saved.attachments || []).map(({ name, contentType, sizeBytes, document, documentId, state }) => (documentId
      ? { name, contentType, sizeBytes, document, documentId, state: state === "rejected" ? "rejected" : "done" }
      : { name, contentType, sizeBytes, document })),
  };
}

// A filing already submitted: Back, a second tab or another device land here, never on a fresh form.
function alreadyFiled(view, p, dossierCode, startAgain) {
  return view.show(heading(t("fileTitle")),
    message("info", el("p", {}, t("alreadySubmitted", dossierCode))),
    el("div", { class: "actions" },
      el("a", { class: "button primary", id: "view-filed", href: `#/ho-so/${dossierCode}` }, t("viewDossier")),
      el("button", { type: "button", class: "secondary", id: "file-again", onclick: startAgain }, t("fileAnother", pick(p, "name")))));
}

function identityCard(claims) {
  const row = (label, value) => [el("dt", {}, label), el("dd", {}, value || "—")];
  return el("section", { class: "group", "aria-labelledby": "who" },
    el("h2", { id: "who" }, t("applicant")),
    el("p", { class: "hint" }, t("prefilled")),
    el("dl", { class: "facts", id: "identity" },
      row(t("fullName"), claims.name), row(t("idNumber"), claims.pid), row(t("dateOfBirth"), formatDate(claims.birthdate)),
      row(t("residence"), claims.address?.formatted)));
}

// No online form: why (the catalog gives no documents, or no online channel), and where to file instead.
function notOnline(view, p) {
  return view.show(
    el("p", {}, el("a", { href: `#/thu-tuc/${p.code}` }, t("back"))),
    heading(pick(p, "name")),
    message("info", el("p", { id: "not-online" }, t("notOnlineReason")[p.notOnlineReason] || t("notOnlineReason").NO_DETAILS),
      el("p", {}, t("fileElsewhere"))),
    el("p", {}, el("a", { class: "button secondary", href: "#/trung-tam" }, t("findCenter"))));
}

export async function fileDossierPage(view, code) {
  const route = `#/nop-ho-so/${code}`;
  const who = session();
  if (!who) return signInPrompt(view, t("fileTitle"), route);
  if (who.role !== "citizen") {
    return view.show(heading(t("fileTitle")), message("info", t("citizensOnly")));
  }
  view.show(el("p", { class: "muted" }, t("loading")));
  let p;
  try {
    p = await getProcedure(code);
  } catch (error) {
    return view.show(heading(t("fileTitle")), message("error", errorText(error)));
  }
  const form = p.onlineForm;
  if (!form) return notOnline(view, p);
  const generic = form.kind === "GENERIC";
  const formFields = form.fields; // the definition's fields: the browser's checks come from them

  const claims = who.claims;
  let saved;
  try {
    saved = (await run("GetDraft", { procedureCode: code })).draft;
  } catch (error) {
    return view.show(heading(t("fileTitle")), message("error", errorText(error)));
  }
  if (saved.dossierCode) {
    live.delete(code);
    return alreadyFiled(view, p, saved.dossierCode, async () => {
      await run("DiscardDraft", { procedureCode: code }).catch(() => null);
      fileDossierPage(view, code);
    });
  }
  const kept = live.get(code);
  const draft = kept && (!saved.saved || kept.requestId === saved.clientRequestId) ? kept : draftState(saved, claims);
  live.set(code, draft);
  if (draft.center.pendingId) {
    try {
      const { center } = await run("GetCenter", { id: draft.center.pendingId });
      if (center) Object.assign(draft.center, { chosen: center, candidates: [{ ...center, receives: true }] });
    } catch {
      // the center is chosen again
    }
  }
  const slots = new Map(); // field path as the server names it -> { setError, focus, label }
  const saveStatus = el("p", { class: "muted small", id: "draft-status", role: "status", "aria-live": "polite" },
    draft.saved ? t("draftSavedUntil", formatDate(draft.expiresAt)) : t("draftWillSave"));
  let timer = null;
  let dirty = false;

  function draftInput() {
    const formData = {};
    for (const f of formFields) {
      const value = formValue(f, draft.values[f.name]);
      if (value !== undefined) formData[f.name] = typeof value === "number" && !Number.isFinite(value) ? String(draft.values[f.name]) : value;
    }
    return {
      clientRequestId: draft.requestId, procedureCode: code, formData, phone: draft.phone.trim(), email: draft.email.trim(),
      centerId: draft.center.chosen?.id || "",
      attachments: draft.files.filter((f) => !f.documentId)
        .map(({ name, contentType, sizeBytes, document }) => ({ name, contentType, sizeBytes, document })),
      documents: documentRefs(draft.files), // kept by id: a resumed draft needs no upload again
    };
  }

  async function saveNow() {
    clearTimeout(timer);
    if (!dirty) return;
    dirty = false;
    try {
      const { ok } = await mutate("SaveDraft", "saveDraft", draftInput());
      if (ok) saveStatus.textContent = t("draftSavedUntil", formatDate(ok.draft.expiresAt));
    } catch {
      dirty = true;
      saveStatus.textContent = t("draftNotSaved");
    }
  }
  const save = () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(saveNow, AUTOSAVE_MS);
  };
  window.addEventListener("pagehide", saveNow, { once: true });

  // Contacts: prefilled from the identity provider, may be changed for this dossier.
  const contact = (name, type, autocomplete, checker) => {
    const control = el("input", { name, type, autocomplete, value: draft[name] });
    const item = labelled({ id: `contact-${name}`, label: t(name), control, hint: t(`${name}Hint`) });
    const check = () => {
      const problem = checker(control.value);
      item.setError(problem ? t(...problem) : null);
      return problem;
    };
    control.addEventListener("input", () => { draft[name] = control.value; save(); if (control.getAttribute("aria-invalid")) check(); });
    control.addEventListener("blur", check);
    slots.set(name, { setError: item.setError, focus: () => control.focus(), label: t(name), check });
    return item.node;
  };

  const contactNodes = [contact("phone", "tel", "tel", checkPhone), contact("email", "email", "email", checkEmail)];

  // The procedure's own form.
  const fields = formFields.map((f) => {
    const id = `fd-${f.name}`;
    const value = draft.values[f.name] ?? "";
    const control = isEthnicityField(f)
      ? controlFor({ ...f, type: "SELECT", options: ethnicGroups() }, officialEthnicity(value))
      : controlFor(f, value);
    const item = labelled({ id, label: pick(f, "label"), control, required: f.required, hint: isPlaceField(f) ? t("placeHint") : null });
    const check = () => {
      const problem = checkField(isEthnicityField(f) ? { ...f, type: "TEXT" } : f, control.value)
        || (control.value.trim() === "" ? null : checkMeaning(f, control.value, today()));
      item.setError(problem ? t(...problem) : null);
      return problem;
    };
    control.addEventListener(control.tagName === "SELECT" ? "change" : "input", () => {
      draft.values[f.name] = control.value;
      save();
      if (control.getAttribute("aria-invalid")) check(); // once flagged, clear the message as soon as it is right
    });
    control.addEventListener("blur", () => { if (control.value !== "") check(); });
    slots.set(`formData.${f.name}`, { setError: item.setError, focus: () => control.focus(), label: pick(f, "label"), check, field: f, control });
    return item.node;
  });

  const picker = centerPicker({ procedureCode: code, state: draft.center, onChange: save });
  slots.set("centerId", {
    setError: picker.setError, focus: picker.focus, label: t("centerLegend"),
    check: () => {
      const problem = draft.center.chosen ? null : ["chooseCenter"];
      picker.setError(problem ? t(...problem) : null);
      return problem;
    },
  });

  // Filing for someone else (ủy quyền): their identity here, the authorization among the files.
  draft.onBehalf ??= { active: false };
  const behalf = onBehalfSection({ state: draft.onBehalf, ownId: claims.pid, thisYear: Number(today().slice(0, 4)), onChange: save });
  for (const [path, slot] of behalf.slots) slots.set(path, slot);
  const applicantId = () => (draft.onBehalf.active ? draft.onBehalf.idNumber || "" : claims.pid);

  // The documents, as the definition says: which are required, which the agency's electronic copy may
  // stand for (e.g. the birth certificate the hospital issued), which need no file online.
  draft.electronic ??= [];
  const { node: documentsNode, files } = generic ? genericDocuments() : designedDocuments();
  slots.set("attachments", {
    setError: files.setError, focus: files.focus, label: t("attachments"),
    check: () => {
      const problems = uploadProblems(draft.files);
      if (draft.onBehalf.active && !draft.files.some((f) => f.document === AUTHORIZATION)) problems.push([null, "onBehalfMissingAuthorization"]);
      files.setError(problems.length ? problems.map(([i, ...m]) => (i === null ? t(...m) : `${draft.files[i].name}: ${t(...m)}`)).join(" ") : null);
      if (problems.length && problems[0][0] !== null) files.focusFile?.(draft.files[problems[0][0]]);
      return problems.length ? problems[0].slice(1) : null;
    },
  });

  // A generic form: a card per document of the catalog's list (components/document-slots.js), each one a
  // path of its own for the browser's checks and the server's problems (documents.<index>).
  function genericDocuments() {
    const cards = documentSlots({
      slots: form.documents, files: draft.files, electronic: draft.electronic, procedureCode: code, onChange: save,
      extra: [{ ...authorizationSlot, index: "auth", requirement: "CONDITIONAL", conditionKey: "slotOnBehalf", condition: "", note: "", originals: 1, copies: 0, electronicOk: false }],
    });
    for (const [path, slot] of cards.checks) slots.set(path, slot);
    return {
      node: cards.node,
      files: { setError: cards.setError, focus: cards.focus, focusFile: (f) => cards.cardFor(f.document)?.focus() },
    };
  }

  // A designed form: one list of files, each said to stand for one of the procedure's documents; the
  // personal store; a tick for each document whose electronic copy the agency may use instead.
  function designedDocuments() {
    const documents = [...p.documents, authorizationSlot];
    const files = uploadsField({ files: draft.files, documents, procedureCode: code, onChange: () => { store.sync(); save(); } });
    const store = storePicker({ files: draft.files, documents, onChange: () => { files.refresh(); save(); } });
    const electronicDocs = form.documents.filter((d) => d.electronicOk && ["REQUIRED", "CONDITIONAL"].includes(d.requirement));
    const electronic = electronicDocs.length
      ? el("fieldset", { class: "group", id: "electronic" },
        el("legend", {}, t("electronicLegend")),
        el("p", { class: "hint" }, t("electronicHint")),
        electronicDocs.map((d, i) => el("div", { class: "check" },
          el("input", { type: "checkbox", id: `electronic-${i}`, checked: draft.electronic.includes(d.name), onchange: (e) => {
            const at = draft.electronic.indexOf(d.name);
            if (at >= 0) draft.electronic.splice(at, 1);
            if (e.target.checked) draft.electronic.push(d.name);
          } }),
          el("label", { for: `electronic-${i}` }, pick(d, "name")))))
      : null;
    // Each required document: a file standing for it, or the electronic copy where the catalog accepts it.
    const missing = new Map();
    const missingNode = el("p", { class: "field-error", id: "required-documents-error", hidden: true });
    for (const d of form.documents.filter((x) => x.requirement === "REQUIRED")) {
      const label = shortName(pick(d, "name"));
      const setError = (text) => {
        if (text) missing.set(d.index, `${label}: ${text}`); else missing.delete(d.index);
        missingNode.hidden = !missing.size;
        missingNode.textContent = [...missing.values()].join(" ");
      };
      slots.set(`documents.${d.index}`, {
        setError, focus: files.focus, label,
        check: () => {
          const met = draft.files.some((f) => f.document === d.name) || (d.electronicOk && draft.electronic.includes(d.name));
          const problem = met ? null : [d.electronicOk ? "requiredOrElectronic" : "requiredDocument"];
          setError(problem ? t(...problem) : null);
          return problem;
        },
      });
    }
    return { node: [files.node, missingNode, store.node, electronic], files };
  }

  // A fee exemption the procedure lists, with its proof (kept in this tab; the officer checks it).
  draft.exemption ??= {};
  const exemption = p.feeExemptions?.length ? exemptionChoice({ exemptions: p.feeExemptions, procedureCode: code, state: draft.exemption }) : null;
  if (exemption) {
    const slot = { setError: exemption.setError, focus: exemption.focus, label: t("exemptionLegend") };
    slots.set("exemption.code", { ...slot, check: () => null });
    slots.set("exemption.proofDocumentId", { ...slot, check: () => { const problem = exemption.check(); exemption.setError(problem ? t(...problem) : null); return problem; } });
  }

  const summary = el("div", { class: "error-summary", id: "problems", role: "alert", tabindex: "-1", hidden: true });
  const next = el("button", { class: "primary wide", type: "submit", id: "continue" }, t("continueToCheck"));
  const submit = el("button", { class: "primary wide", type: "button", id: "submit" }, t("submit"));
  let busy = false;

  function showSummary(items) {
    if (!items.length) { summary.hidden = true; summary.replaceChildren(); return; }
    summary.replaceChildren(el("h2", {}, t("fixProblems")),
      el("ul", {}, items.map(([text, slot]) => el("li", {}, slot
        ? el("button", { type: "button", class: "link", onclick: () => slot.focus() }, text)
        : text))));
    summary.hidden = false;
    summary.focus();
  }

  function checkAll() {
    const items = [];
    const failed = new Set();
    for (const [path, slot] of slots) {
      const problem = slot.check();
      if (problem) { items.push([`${slot.label}: ${t(...problem)}`, slot]); failed.add(path); }
    }
    for (const [name, problem] of checkBetween(formFields, draft.values, applicantId())) {
      const slot = slots.get(`formData.${name}`);
      if (!slot || failed.has(`formData.${name}`)) continue;
      slot.setError(t(...problem));
      items.push([`${slot.label}: ${t(...problem)}`, slot]);
    }
    return items;
  }

  // The server's problems next to their fields (formData.<name>, centerId, attachments.<i>, phone...).
  function showServerProblems(problem, sent) {
    showForm();
    const items = [];
    for (const fp of problem.problems || []) {
      const slot = problemSlot(fp.field, sent);
      slot?.setError(serverText(fp));
      items.push([serverText(fp), slot]);
    }
    if (!items.length) items.push([serverText(problem), null]);
    showSummary(items);
  }

  // Where a server problem belongs: "slots.<n>" is the row of index n of the catalog's list, found missing
  // by a generic form's check (online_form.check_generic_documents), "slots" the list as a whole;
  // "documents.<n>" is the n-th file sent, refused itself (documents/service.py), shown on its row's card
  // (generic) or with the files (designed).
  function problemSlot(field, sent = []) {
    if (/^slots(\.\d+)?$/.test(field)) return slots.get(field) || slots.get("attachments");
    const n = /^documents\.(\d+)$/.exec(field)?.[1];
    if (n === undefined) return slots.get(field) || (/^(attachments|documents)/.test(field) ? slots.get("attachments") : null);
    const card = generic && sent[n] ? slots.get(`slots.${cardIndex(sent[n].slot)}`) : null;
    return card || slots.get("attachments");
  }
  const cardIndex = (key) => form.documents.find((d) => keyOf(d) === key)?.index ?? (key === AUTHORIZATION ? "auth" : null);

  async function send(attempt = 1) {
    // The draft's answers, the uploaded files by their ids (never metadata), the electronic copies.
    const input = { ...draftInput(), attachments: [], documents: documentRefs(draft.files), electronicDocuments: draft.electronic };
    const onBehalfOf = onBehalfInput(draft.onBehalf);
    if (onBehalfOf) input.onBehalfOf = onBehalfOf;
    if (exemption?.value()) input.exemption = exemption.value();
    try {
      return await mutate("SubmitDossier", "submitDossier", input);
    } catch (error) {
      if (error.code === "NETWORK" && attempt < 2) {
        checkStatus.textContent = t("retrying");
        await new Promise((r) => setTimeout(r, 1000));
        return send(attempt + 1); // the same clientRequestId: never a second dossier
      }
      throw error;
    }
  }

  // Step 1 -> 2: every answer checked, then the summary to check.
  function onContinue(event) {
    event.preventDefault();
    const problems = checkAll();
    if (problems.length) return showSummary(problems);
    showSummary([]);
    saveNow();
    showCheck();
  }

  async function onSubmit() {
    if (busy) return; // a second click while the first is on its way does nothing
    busy = true;
    submit.disabled = true;
    submit.setAttribute("aria-busy", "true");
    checkStatus.textContent = t("sending");
    try {
      const sent = documentRefs(draft.files);
      const { ok, problem } = await send();
      if (ok) {
        const d = ok.dossier;
        rememberReceipt({
          ...d, duplicate: ok.duplicate, procedure: { name: p.name, nameEn: p.nameEn },
          applicant: { ...d.applicant, phone: draft.phone.trim() || claims.phone_number, email: draft.email.trim() || claims.email },
          attachments: draft.files,
        });
        clearTimeout(timer);
        dirty = false; // the draft now points to its dossier: nothing more to save
        location.hash = `#/ho-so/${d.code}/bien-nhan`;
        return;
      }
      checkStatus.textContent = "";
      showServerProblems(problem, sent);
    } catch (error) {
      const href = error.code === "UNAUTHENTICATED" ? signInUrl("citizen", route) : null;
      checkStatus.textContent = "";
      showForm();
      showSummary([[error.code === "NETWORK" ? t("networkRetry") : errorText(error), null]]);
      if (href) summary.append(el("p", {}, el("a", { class: "button primary", href }, t("signInVneid"))));
    } finally {
      busy = false;
      submit.disabled = false;
      submit.removeAttribute("aria-busy");
    }
  }

  // Enter in a field moves nothing: only the buttons go on (a slip of the thumb submits nothing).
  const formNode = el("form", { id: "filing", novalidate: true, onsubmit: onContinue, onkeydown: (e) => {
    if (e.key === "Enter" && e.target.tagName === "INPUT" && !["checkbox", "radio", "submit", "button", "file"].includes(e.target.type)) e.preventDefault();
  } },
    summary,
    identityCard(claims),
    behalf.node,
    el("section", { class: "group", "aria-labelledby": "contacts" },
      el("h2", { id: "contacts" }, t("contacts")),
      contactNodes),
    el("section", { class: "group", "aria-labelledby": "declaration" },
      el("h2", { id: "declaration" }, t(generic ? "requestTitle" : "declaration")),
      generic ? el("p", { class: "hint" }, t("genericFormHint")) : null,
      el("p", { class: "hint" }, t("requiredNote")), fields),
    picker.node,
    documentsNode,
    exemption?.node,
    el("div", { class: "actions" }, next, saveStatus));

  const formView = [
    el("p", {}, el("a", { href: `#/thu-tuc/${code}` }, t("back"))),
    heading(t("fileTitle")),
    el("p", { class: "lead" }, pick(p, "name"), " ", el("span", { class: "muted" }, `(${p.code})`)),
    formNode,
  ];
  const checkStatus = el("p", { class: "muted", id: "check-status", role: "status", "aria-live": "polite" });
  submit.addEventListener("click", onSubmit);

  function showForm(focusPath = null) {
    view.show(formView);
    const slot = focusPath && slots.get(focusPath);
    if (slot) slot.focus(); else formView[1].focus?.();
  }

  // Step 2: every answer and file with a "change" link; submitting happens here only.
  function showCheck() {
    const row = (label, value, path) => el("div", { class: "summary-row" },
      el("dt", {}, label),
      el("dd", {}, value === "" || value === undefined || value === null ? el("span", { class: "muted" }, t("notGiven")) : value),
      el("dd", { class: "summary-change" }, path
        ? el("button", { type: "button", class: "link", "data-change": path, onclick: () => showForm(path) }, t("change"), srOnly(` ${label}`))
        : null));
    const answers = formFields.map((f) => {
      const v = draft.values[f.name] ?? "";
      const shown = f.type === "DATE" ? formatDate(v) : isEthnicityField(f) ? officialEthnicity(v) : f.type === "SELECT" ? optionLabel(v) : v;
      return row(pick(f, "label"), shown, `formData.${f.name}`);
    });
    const h1 = heading(t("checkTitle"));
    view.show(
      h1,
      el("p", { class: "lead" }, pick(p, "name"), " ", el("span", { class: "muted" }, `(${p.code})`)),
      el("h2", {}, t(draft.onBehalf.active ? "onBehalfFiler" : "applicant")),
      el("dl", { class: "summary-list", id: "check-identity" },
        row(t("fullName"), claims.name), row(t("idNumber"), claims.pid),
        row(t("phone"), draft.phone, "phone"), row(t("email"), draft.email, "email")),
      draft.onBehalf.active ? [
        el("h2", {}, t("onBehalfLegend")),
        el("dl", { class: "summary-list", id: "check-on-behalf" },
          row(t("fullName"), draft.onBehalf.fullName, "onBehalfOf.fullName"),
          row(t("idNumber"), draft.onBehalf.idNumber, "onBehalfOf.idNumber"),
          row(t("dateOfBirth"), formatDate(draft.onBehalf.dateOfBirth), "onBehalfOf.dateOfBirth"),
          row(t("residence"), draft.onBehalf.address, "onBehalfOf.address"))] : null,
      el("h2", {}, t(generic ? "requestTitle" : "declaration")),
      el("dl", { class: "summary-list", id: "check-answers" }, answers),
      el("h2", {}, t("centerLegend")),
      el("dl", { class: "summary-list", id: "check-center" },
        row(t("center"), draft.center.chosen ? [draft.center.chosen.name, el("br"), el("span", { class: "muted" }, draft.center.chosen.address || "")] : "", "centerId")),
      el("h2", {}, t("attachments")),
      el("dl", { class: "summary-list", id: "check-files" },
        row(t("attachments"), draft.files.length
          ? el("ul", { class: "plain" }, draft.files.map((f) => el("li", {}, f.name, f.document ? ` — ${shortName(f.document)}` : "")))
          : "", "attachments"),
        draft.electronic.length ? row(t("electronicLegend"), draft.electronic.map((n) => shortName(n)).join("; "), "attachments") : null,
        exemption ? row(t("exemptionLegend"), exemption.summary(), "exemption.proofDocumentId") : null),
      el("h2", {}, t("declareTitle")),
      el("p", {}, t("declareText")),
      el("div", { class: "actions" }, submit, checkStatus));
    h1.setAttribute("tabindex", "-1");
    h1.focus();
  }

  view.show(formView);
}
