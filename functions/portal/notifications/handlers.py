"""What each dossier event tells whom: EVENT_HANDLERS maps every Action to its handlers (a contract test
fails when an action has no entry, even an empty one). A handler is pure: from the dossier and the event
it makes the notices; the notifier stores them keyed by (code, seq, recipient), so running a handler
twice for the same event tells nobody twice."""

from __future__ import annotations

from collections.abc import Callable

from portal.dossiers.model import Action, ActorRole, Dossier, TimelineEvent
from portal.notifications import templates
from portal.notifications.model import Notice, Recipient, RecipientKind

Handler = Callable[[Dossier, TimelineEvent, str], list[Notice]]  # (dossier, event, portal url) -> notices


def applicant_of(dossier: Dossier) -> Recipient:
    a = dossier.applicant
    return Recipient(RecipientKind.CITIZEN, a.id_number, email=a.email, phone=a.phone)


def parties_of(dossier: Dossier) -> list[Recipient]:
    """The applicant, and the authorized person who filed for them (each with their own contacts)."""
    f = dossier.filer
    filer = [Recipient(RecipientKind.CITIZEN, f.id_number, email=f.email, phone=f.phone)] if f else []
    return [applicant_of(dossier), *filer]


def center_of(dossier: Dossier) -> Recipient:
    return Recipient(RecipientKind.CENTER, dossier.center_id)  # officers: inbox (e-mail in the morning digest)


def _notice(recipient: Recipient, template: templates.Template, dossier: Dossier, event: TimelineEvent, link: str):
    return Notice(
        recipient,
        dossier.code,
        event.seq,
        event.action.value,
        event.at,
        templates.render(template, dossier, event, link),
    )


def tell_applicant(dossier: Dossier, event: TimelineEvent, portal_url: str) -> list[Notice]:
    link = f"{portal_url}/#/ho-so/{dossier.code}"
    return [_notice(who, templates.APPLICANT[event.action], dossier, event, link) for who in parties_of(dossier)]


def tell_center(dossier: Dossier, event: TimelineEvent, portal_url: str) -> list[Notice]:
    link = f"{portal_url}/#/can-bo/ho-so/{dossier.code}"
    return [_notice(center_of(dossier), templates.CENTER[event.action], dossier, event, link)]


def tell_other_side(dossier: Dossier, event: TimelineEvent, portal_url: str) -> list[Notice]:
    """A message notifies whoever did not write it."""
    if event.actor is ActorRole.APPLICANT:
        return tell_center(dossier, event, portal_url)
    return tell_applicant(dossier, event, portal_url)


EVENT_HANDLERS: dict[Action, tuple[Handler, ...]] = {
    Action.RECEIVE: (tell_applicant, tell_center),
    Action.START_PROCESSING: (tell_applicant,),
    Action.REQUEST_SUPPLEMENT: (tell_applicant,),
    Action.PROVIDE_SUPPLEMENT: (tell_center,),
    Action.MARK_RESULT_READY: (tell_applicant,),
    Action.RETURN_RESULT: (tell_applicant,),
    Action.REJECT: (tell_applicant,),
    Action.WITHDRAW: (tell_center,),
    Action.EXTEND: (tell_applicant,),
    Action.SET_APPOINTMENT: (tell_applicant,),  # the result date the receiving officer set
    Action.RATE: (tell_center,),
    Action.POST_MESSAGE: (tell_other_side,),
    # Fees: the applicant is told what to pay and that it was paid or refunded; the intermediate states of a
    # payment are the citizen's own clicks on the provider's page (shown on the timeline, told to nobody).
    Action.FEE_SET: (tell_applicant,),
    Action.PAYMENT_CREATED: (),
    Action.PAYMENT_STARTED: (),
    Action.PAYMENT_SUBMITTED: (),
    Action.PAYMENT_SUCCESS: (tell_applicant,),
    Action.PAYMENT_FAILED: (),
    Action.PAYMENT_CANCELLED: (),
    Action.PAYMENT_EXPIRED: (),
    Action.PAYMENT_ERROR: (),
    Action.PAYMENT_REFUNDED: (tell_applicant,),
    # Files: shown on the timeline as they come; the upload page itself tells the uploader the verdict.
    Action.ATTACH_DOCUMENT: (),
    Action.SCAN_DOCUMENT: (),
    # Exemptions: the center sees the request with the new dossier (its RECEIVE notice); the applicant is
    # told the decision, and what is owed then.
    Action.EXEMPTION_REQUESTED: (),
    Action.EXEMPTION_ACCEPTED: (tell_applicant,),
    Action.EXEMPTION_REFUSED: (tell_applicant,),
}


def notices_for(dossier: Dossier, event: TimelineEvent, portal_url: str) -> list[Notice]:
    """Raises KeyError for an action with no entry: the record is then reported for retry (and the DLQ)."""
    return [notice for handler in EVENT_HANDLERS[event.action] for notice in handler(dossier, event, portal_url)]
