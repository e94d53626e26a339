// A dossier's message thread (the applicant and the receiving center's officers): oldest first, append-only.
import { mutate, run } from "../api.js";
import { el, message, uid } from "../dom.js";
import { addText, errorText, formatDateTime, serverText, t } from "../i18n.js";
import * as dossiersText from "../text/dossiers.js";

addText(dossiersText);

const MAX = 2000;

function item(m) {
  return el("li", { class: `thread-item ${m.author === "APPLICANT" ? "from-applicant" : "from-officer"}` },
    el("div", { class: "meta" }, el("strong", {}, t("author")[m.author] || m.author), el("span", {}, formatDateTime(m.at))),
    el("p", { class: "thread-text" }, m.text));
}

export function messageThread(code) {
  const list = el("ol", { class: "thread", id: "thread" });
  const status = el("p", { class: "muted", role: "status", "aria-live": "polite" }, t("loading"));
  const id = uid("message");
  const box = el("textarea", { id, rows: 3, maxlength: MAX, required: true });
  const send = el("button", { type: "submit", id: "send-message" }, t("sendMessage"));
  const feedback = el("div", { "aria-live": "polite" });

  function show(messages) {
    list.replaceChildren(...messages.map(item));
    status.textContent = messages.length ? "" : t("noMessages");
  }

  run("DossierMessages", { code }).then((d) => show(d.dossier.messages), (e) => { status.textContent = errorText(e); });

  async function submit(event) {
    event.preventDefault();
    feedback.replaceChildren();
    send.disabled = true;
    try {
      const { ok, problem } = await mutate("PostDossierMessage", "postDossierMessage", { code, text: box.value });
      if (problem) {
        feedback.replaceChildren(message("error", serverText(problem.problems?.[0] || problem)));
        return;
      }
      list.append(item(ok.posted));
      status.textContent = "";
      box.value = "";
      feedback.replaceChildren(message("success", t("messageSent")));
    } catch (e) {
      feedback.replaceChildren(message("error", errorText(e)));
    } finally {
      send.disabled = false;
    }
  }

  return el("section", { class: "thread-section", "aria-labelledby": `${id}-h` },
    el("h2", { id: `${id}-h` }, t("messages")),
    el("p", { class: "muted" }, t("messagesHint")),
    list, status,
    el("form", { onsubmit: submit, class: "thread-form" },
      el("label", { for: id }, t("newMessage")), box, send), feedback);
}
