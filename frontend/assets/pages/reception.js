// Reception at the desk (#/can-bo/tiep-nhan): a dossier handed in, or one that arrived by post (channel
// "Bưu chính", with the envelope's postmark date; the due date counts from today, receipt at the center).
// The applicant's identity is typed from their papers (no electronic identity demanded in person). One
// reception = one clientRequestId, made when the form opens: a retry never makes a second dossier.
import { mutate } from "../api.js";
import { session } from "../auth.js";
import { controlFor, labelled } from "../components/field.js";
import { getProcedure } from "../data.js";
import { signInPrompt } from "../components/sign-in.js";
import { el, heading, message, select } from "../dom.js";
import { addText, errorText, pick, serverText, t } from "../i18n.js";
import * as officersText from "../text/officers.js";

addText(officersText);

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
const requestId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`).replace(/[^A-Za-z0-9_-]/g, "");

export async function receptionPage(view) {
  const who = session();
  if (!who) return signInPrompt(view, t("receptionTitle"), "#/can-bo/tiep-nhan", "officer");
  if (who.role !== "officer") return view.show(heading(t("receptionTitle")), message("info", t("officersOnly")));
  const clientRequestId = requestId();
  const problems = el("div", { class: "error-summary", id: "reception-problems", role: "alert", tabindex: "-1", hidden: true });
  const input = (name, attrs = {}) => el("input", { name, type: "text", autocomplete: "off", ...attrs });
  const procedure = input("procedureCode", { value: "1.001193", inputmode: "decimal", maxlength: 20 });
  const idNumber = input("idNumber", { inputmode: "numeric", maxlength: 12 });
  const fullName = input("fullName", { maxlength: 200 });
  const born = input("dateOfBirth", { type: "date" });
  const address = input("address", { maxlength: 500 });
  const channel = select({ name: "channel" }, [["IN_PERSON", t("channelInPerson")], ["POST", t("channelPost")]], "IN_PERSON");
  const postmark = input("postmarkedOn", { type: "date", max: today() });
  const postmarkField = labelled({ id: "rc-postmark", label: t("postmarkedOn"), control: postmark, required: true, hint: t("postmarkHint") });
  postmarkField.node.hidden = true;
  channel.addEventListener("change", () => { postmarkField.node.hidden = channel.value !== "POST"; });
  const formFields = el("div", { id: "reception-form-fields" });
  let fields = [];

  async function loadForm() {
    try {
      const p = await getProcedure(procedure.value.trim());
      fields = p.formFields.map((f) => ({ f, control: controlFor(f, "") }));
      formFields.replaceChildren(el("p", { class: "lead" }, pick(p, "name")),
        ...fields.map(({ f, control }) => labelled({ id: `rc-fd-${f.name}`, label: pick(f, "label"), control, required: f.required }).node));
    } catch (error) {
      fields = [];
      formFields.replaceChildren(message("error", errorText(error)));
    }
  }
  procedure.addEventListener("change", loadForm);

  const submit = el("button", { class: "primary wide", type: "submit", id: "receive" }, t("receiveSubmit"));
  async function onSubmit(event) {
    event.preventDefault();
    if (submit.disabled) return;
    const formData = {};
    for (const { f, control } of fields) if (control.value.trim() !== "") formData[f.name] = f.type === "NUMBER" ? Number(control.value) : control.value.trim();
    const payload = {
      clientRequestId, procedureCode: procedure.value.trim(), centerId: who.claims.center_id || "", formData,
      applicant: { idNumber: idNumber.value.trim(), fullName: fullName.value.trim(), address: address.value.trim(), ...(born.value ? { dateOfBirth: born.value } : {}) },
      channel: channel.value, ...(channel.value === "POST" && postmark.value ? { postmarkedOn: postmark.value } : {}),
    };
    submit.disabled = true;
    try {
      const { ok, problem } = await mutate("ReceiveDossier", "receiveDossier", payload);
      if (ok) { location.hash = `#/can-bo/ho-so/${ok.dossier.code}`; return; }
      const items = (problem.problems || []).map((fp) => el("li", {}, `${fp.field}: ${serverText(fp)}`));
      problems.replaceChildren(el("h2", {}, t("fixProblems")), el("p", {}, serverText(problem)), items.length ? el("ul", {}, items) : null);
    } catch (error) {
      problems.replaceChildren(el("p", {}, errorText(error)));
    } finally {
      submit.disabled = false;
    }
    problems.hidden = false;
    problems.focus();
  }

  const row = (id, label, control, required = false) => labelled({ id, label, control, required }).node;
  view.show(
    el("p", {}, el("a", { href: "#/can-bo" }, t("backToQueue"))),
    heading(t("receptionTitle")),
    el("form", { id: "reception", novalidate: true, onsubmit: onSubmit },
      problems,
      el("fieldset", { class: "group" }, el("legend", {}, t("channelLabel")),
        row("rc-channel", t("channelLabel"), channel), postmarkField.node),
      el("fieldset", { class: "group" }, el("legend", {}, t("applicant")),
        row("rc-id", t("idNumber"), idNumber, true), row("rc-name", t("fullName"), fullName, true),
        row("rc-born", t("dateOfBirth"), born), row("rc-address", t("residence"), address)),
      el("fieldset", { class: "group" }, el("legend", {}, t("declaration")),
        row("rc-procedure", t("receptionProcedure"), procedure, true), formFields),
      el("div", { class: "actions" }, submit)));
  await loadForm();
}
