// Filing a dossier online (#/nop-ho-so/<code>): the applicant's identity prefilled and read-only, the
// procedure's form, the receiving center, the attachments; then the receipt.
//
// One filing = one clientRequestId, made when the form is first opened and kept with the draft until a
// receipt comes back: a double click, a retry after a dropped connection, or a reload resend the same
// id, and the server answers with the dossier the first attempt made instead of making a second one.
import { mutate } from "../api.js";
import { session } from "../auth.js";
import { documentRefs, uploadProblems, uploadsField } from "../components/uploads.js";
import { centerPicker } from "../components/center-picker.js";
import { controlFor, labelled } from "../components/field.js";
import { signInUrl } from "../config.js";
import { getProcedure } from "../data.js";
import { el, heading, message } from "../dom.js";
import { errorText, formatDate, pick, serverText, t } from "../i18n.js";
import { checkEmail, checkField, checkPhone, formValue } from "../validation.js";
import { rememberReceipt } from "./receipt.js";

const draftKey = (code) => `draft:${code}`;

function newRequestId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function loadDraft(code, claims) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(code)));
    if (saved?.requestId && saved.pid === claims.pid) return saved;
  } catch {
    // a damaged draft is replaced
  }
  return {
    pid: claims.pid, requestId: newRequestId(), values: {}, phone: claims.phone_number || "", email: claims.email || "",
    center: {}, files: [],
  };
}

const saveDraft = (code, draft) => sessionStorage.setItem(draftKey(code), JSON.stringify(draft));

export function signInPrompt(view, title, route, role = "citizen") {
  const href = signInUrl(role, route);
  return view.show(heading(title),
    message("info", el("p", {}, t(role === "officer" ? "officerSignInNeeded" : "signInNeeded"))),
    href ? el("p", {}, el("a", { class: "button primary", href, id: "sign-in-here" }, t("signInVneid"))) : el("p", { class: "error" }, t("signInUnavailable")));
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
  if (!p.formFields.length) {
    return view.show(heading(pick(p, "name")), message("info", t("notOnline")), el("p", {}, el("a", { href: `#/thu-tuc/${code}` }, t("back"))));
  }

  const claims = who.claims;
  const draft = loadDraft(code, claims);
  saveDraft(code, draft);
  const save = () => saveDraft(code, draft);
  const slots = new Map(); // field path as the server names it -> { setError, focus, label }

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
  const fields = p.formFields.map((f) => {
    const id = `fd-${f.name}`;
    const control = controlFor(f, draft.values[f.name] ?? "");
    const item = labelled({ id, label: pick(f, "label"), control, required: f.required });
    const check = () => {
      const problem = checkField(f, control.value);
      item.setError(problem ? t(...problem) : null);
      return problem;
    };
    control.addEventListener(f.type === "SELECT" ? "change" : "input", () => {
      draft.values[f.name] = control.value;
      save();
      if (control.getAttribute("aria-invalid")) check(); // once flagged, clear the message as soon as it is right
    });
    control.addEventListener("blur", () => { if (control.value !== "") check(); });
    slots.set(`formData.${f.name}`, { setError: item.setError, focus: () => control.focus(), label: pick(f, "label"), check });
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

  const files = uploadsField({ files: draft.files, documents: p.documents, procedureCode: code, onChange: save });
  slots.set("attachments", {
    setError: files.setError, focus: files.focus, label: t("attachments"),
    check: () => {
      const problems = uploadProblems(draft.files);
      files.setError(problems.length ? problems.map(([i, ...m]) => (i === null ? t(...m) : `${draft.files[i].name}: ${t(...m)}`)).join(" ") : null);
      return problems.length ? problems[0].slice(1) : null;
    },
  });

  const summary = el("div", { class: "error-summary", id: "problems", role: "alert", tabindex: "-1", hidden: true });
  const status = el("p", { class: "muted", id: "submit-status", role: "status", "aria-live": "polite" });
  const submit = el("button", { class: "primary wide", type: "submit", id: "submit" }, t("submit"));
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
    for (const slot of slots.values()) {
      const problem = slot.check();
      if (problem) items.push([`${slot.label}: ${t(...problem)}`, slot]);
    }
    return items;
  }

  // The server's problems next to their fields (formData.<name>, centerId, attachments.<i>, phone...).
  function showServerProblems(problem) {
    const items = [];
    for (const fp of problem.problems || []) {
      const slot = slots.get(fp.field) || (/^(attachments|documents)/.test(fp.field) ? slots.get("attachments") : null);
      slot?.setError(serverText(fp));
      items.push([serverText(fp), slot]);
    }
    if (!items.length) items.push([serverText(problem), null]);
    showSummary(items);
  }

  async function send(attempt = 1) {
    const formData = {};
    for (const f of p.formFields) {
      const value = formValue(f, draft.values[f.name]);
      if (value !== undefined) formData[f.name] = value;
    }
    const input = {
      clientRequestId: draft.requestId, procedureCode: code, centerId: draft.center.chosen.id, formData,
      documents: documentRefs(draft.files),
      phone: draft.phone.trim(), email: draft.email.trim(),
    };
    try {
      return await mutate("SubmitDossier", "submitDossier", input);
    } catch (error) {
      if (error.code === "NETWORK" && attempt < 2) {
        status.textContent = t("retrying");
        await new Promise((r) => setTimeout(r, 1000));
        return send(attempt + 1); // the same clientRequestId: never a second dossier
      }
      throw error;
    }
  }

  async function onSubmit(event) {
    event.preventDefault();
    if (busy) return; // a second click while the first is on its way does nothing
    const problems = checkAll();
    if (problems.length) return showSummary(problems);
    showSummary([]);
    busy = true;
    submit.disabled = true;
    submit.setAttribute("aria-busy", "true");
    status.textContent = t("sending");
    try {
      const { ok, problem } = await send();
      if (ok) {
        const d = ok.dossier;
        rememberReceipt({
          ...d, duplicate: ok.duplicate, procedure: { processingDays: p.processingDays, name: p.name, nameEn: p.nameEn },
          applicant: { ...d.applicant, phone: draft.phone.trim() || claims.phone_number, email: draft.email.trim() || claims.email },
          attachments: draft.files,
        });
        sessionStorage.removeItem(draftKey(code));
        location.hash = `#/ho-so/${d.code}/bien-nhan`;
        return;
      }
      status.textContent = "";
      showServerProblems(problem);
    } catch (error) {
      status.textContent = "";
      const href = error.code === "UNAUTHENTICATED" ? signInUrl("citizen", route) : null;
      showSummary([[error.code === "NETWORK" ? t("networkRetry") : errorText(error), null]]);
      if (href) summary.append(el("p", {}, el("a", { class: "button primary", href }, t("signInVneid"))));
    } finally {
      busy = false;
      submit.disabled = false;
      submit.removeAttribute("aria-busy");
    }
  }

  const form = el("form", { id: "filing", novalidate: true, onsubmit: onSubmit },
    summary,
    identityCard(claims),
    el("section", { class: "group", "aria-labelledby": "contacts" },
      el("h2", { id: "contacts" }, t("contacts")),
      contactNodes),
    el("section", { class: "group", "aria-labelledby": "declaration" },
      el("h2", { id: "declaration" }, t("declaration")),
      el("p", { class: "hint" }, t("requiredNote")), fields),
    picker.node,
    files.node,
    el("div", { class: "actions" }, submit, status));

  view.show(
    el("p", {}, el("a", { href: `#/thu-tuc/${code}` }, t("back"))),
    heading(t("fileTitle")),
    el("p", { class: "lead" }, pick(p, "name"), " ", el("span", { class: "muted" }, `(${p.code})`)),
    form);
}
