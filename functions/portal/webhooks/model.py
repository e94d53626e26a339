"""Webhooks: a client's subscription to a kind of dossier events, and each delivery of one event to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class EventType(Enum):
    DOSSIER_RECEIVED = "dossier.received"
    DOSSIER_STATUS_CHANGED = "dossier.status_changed"
    DOSSIER_SUPPLEMENT_REQUESTED = "dossier.supplement_requested"
    DOSSIER_RESULT_READY = "dossier.result_ready"
    DOSSIER_DEADLINE_EXTENDED = "dossier.deadline_extended"
    MESSAGE_POSTED = "dossier.message_posted"  # ids only: the message's text is never sent
    PAYMENT_SETTLED = "payment.settled"  # a fee paid (payment_success) or refunded


class DeliveryState(Enum):
    PENDING = "pending"  # waiting for its (next) attempt
    DELIVERED = "delivered"  # the receiver answered 2xx
    FAILED = "failed"  # retried for RETRY_FOR without success, or refused for good (address)


@dataclass(frozen=True)
class Audience:
    """Whose dossiers a subscription follows: a center's (an agency's system) or one applicant's."""

    kind: str  # "center" | "applicant"
    id: str

    @property
    def key(self) -> str:
        return f"{self.kind}#{self.id}"


@dataclass(frozen=True)
class Subscription:
    subscription_id: str
    client_id: str
    audience: Audience
    url: str
    events: frozenset[EventType]
    created_at: datetime
    procedures: frozenset[str] = frozenset()  # the client's procedure list when it subscribed (empty: all)
    failing_since: datetime | None = None
    disabled_at: datetime | None = None
    contact_email: str = ""  # the client's contact, told when the endpoint is disabled


@dataclass(frozen=True)
class Attempt:
    at: datetime
    status: int  # HTTP status; 0 when there was no answer
    error: str = ""
    duration_ms: int = 0

    @property
    def succeeded(self) -> bool:
        return 200 <= self.status < 300


@dataclass(frozen=True)
class Delivery:
    delivery_id: str  # "<code>.<seq>": the same event is the same id, also when replayed
    subscription_id: str
    audience: Audience
    event_type: EventType
    code: str
    seq: int
    payload: str  # the exact JSON body, signed as is
    created_at: datetime
    state: DeliveryState = DeliveryState.PENDING
    attempts: tuple[Attempt, ...] = ()
    next_attempt_at: datetime | None = None
    cursor: str = ""  # its place in the delivery log (set by the store)


@dataclass(frozen=True)
class DossierEvent:
    """One timeline event of a dossier, with what a webhook needs to route it (the applicant's id is used to
    find subscriptions only: it is never in a payload)."""

    code: str
    seq: int
    action: str
    status: str
    center_id: str
    procedure_code: str
    applicant_id: str
    at: datetime
    due_date: str | None = None
    filer_id: str = ""  # filed on the applicant's behalf: the authorized person, who follows it too

    @classmethod
    def of(cls, dossier, event) -> DossierEvent:
        """From portal.dossiers.model's Dossier and one of its TimelineEvents."""
        return cls(
            code=dossier.code,
            seq=event.seq,
            action=event.action if isinstance(event.action, str) else event.action.value,
            status=event.status.value,
            center_id=dossier.center_id,
            procedure_code=dossier.procedure_code,
            applicant_id=dossier.applicant.id_number,
            at=event.at,
            due_date=event.due_date.isoformat() if event.due_date else None,
            filer_id=dossier.filer.id_number if getattr(dossier, "filer", None) else "",
        )
