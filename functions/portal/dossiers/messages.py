"""The message thread of a dossier: the applicant and the receiving center's officers write to each other.
Each message is a timeline event (Action.POST_MESSAGE), so it is part of the audit trail, cannot be
edited or deleted, and reaches the other side through the event stream like every other change."""

from __future__ import annotations

from datetime import datetime

from portal.clock import Clock
from portal.dossiers.access import check_can_post_message
from portal.dossiers.following import get_dossier
from portal.dossiers.model import Action, ActorRole, Dossier, TimelineEvent
from portal.dossiers.repository import DossierRepository
from portal.errors import InvalidInput
from portal.identity.principal import Principal

MAX_MESSAGE_LENGTH = 2000


def message_event(dossier: Dossier, actor: ActorRole, text: str, at: datetime) -> TimelineEvent:
    text = text.strip()
    if not text:
        raise InvalidInput.for_field("text", "Tin nhắn không được để trống.", "The message is empty.")
    if len(text) > MAX_MESSAGE_LENGTH:
        raise InvalidInput.for_field(
            "text",
            f"Tin nhắn tối đa {MAX_MESSAGE_LENGTH} ký tự.",
            f"A message is at most {MAX_MESSAGE_LENGTH} characters.",
        )
    return TimelineEvent(
        seq=len(dossier.timeline) + 1,
        at=at,
        action=Action.POST_MESSAGE,
        status=dossier.status,
        actor=actor,
        note=text,
        due_date=dossier.due_date,
    )


def thread(dossier: Dossier) -> tuple[TimelineEvent, ...]:
    return tuple(e for e in dossier.timeline if e.action is Action.POST_MESSAGE)


def post_message(
    dossiers: DossierRepository, clock: Clock, principal: Principal, code: str, text: str
) -> tuple[Dossier, TimelineEvent]:
    dossier = get_dossier(dossiers, principal, code)
    actor = check_can_post_message(principal, dossier)
    event = message_event(dossier, actor, text, clock.now())
    dossiers.append_event(dossier, event)
    return dossier, event
