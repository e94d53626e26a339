"""A fee payment and its states, in the spirit of GOV.UK Pay: created, started, submitted, then one
finished state (success, failed, cancelled, expired, error). Money is integer đồng."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

CURRENCY = "VND"
# A payment not finished 15 minutes after it was created is expired (GOV.UK Pay gives 90 minutes; the
# national platform's sessions are shorter).
EXPIRY = timedelta(minutes=15)


class PaymentState(Enum):
    CREATED = "created"  # known to the portal, not yet to the provider
    STARTED = "started"  # the provider has it; the citizen was sent to its page
    SUBMITTED = "submitted"  # the citizen confirmed; the provider is authorising
    SUCCESS = "success"
    FAILED = "failed"  # declined
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    ERROR = "error"  # the provider failed

    @property
    def finished(self) -> bool:
        return self in FINISHED


FINISHED = frozenset(
    {PaymentState.SUCCESS, PaymentState.FAILED, PaymentState.CANCELLED, PaymentState.EXPIRED, PaymentState.ERROR}
)

# state now -> states it may move to; a finished payment never changes again (a refund is recorded beside it).
NEXT_STATES: dict[PaymentState, frozenset[PaymentState]] = {
    PaymentState.CREATED: frozenset({PaymentState.STARTED, PaymentState.ERROR, PaymentState.EXPIRED}),
    PaymentState.STARTED: frozenset({PaymentState.SUBMITTED} | FINISHED),
    PaymentState.SUBMITTED: frozenset(FINISHED),
    **{state: frozenset() for state in FINISHED},
    # The provider took the money after the portal gave up waiting (its status API says so): the charge is
    # real, so it is recorded; a second payment of the same fee is then refunded as paid twice.
    PaymentState.EXPIRED: frozenset({PaymentState.SUCCESS}),
}


class RefundReason(Enum):
    REFUSED_AT_RECEPTION = "refused_at_reception"
    WITHDRAWN_BEFORE_PROCESSING = "withdrawn_before_processing"
    PAID_TWICE = "paid_twice"


@dataclass(frozen=True)
class Receipt:
    """The electronic receipt (biên lai điện tử) issued when a payment succeeds."""

    number: str
    payer: str
    amount_vnd: int
    procedure_name: str
    dossier_code: str
    collecting_agency: str
    issued_at: datetime
    payment_reference: str  # the provider's id of the payment


@dataclass(frozen=True)
class Refund:
    amount_vnd: int
    reason: RefundReason
    note: str
    by: str  # the lead's subject
    at: datetime
    provider_refund_id: str


@dataclass(frozen=True)
class Payment:
    payment_id: str  # the portal's reference, sent to the provider
    dossier_code: str
    amount_vnd: int
    state: PaymentState
    created_at: datetime
    updated_at: datetime
    idempotency_key: str
    description: str
    provider_id: str = ""
    next_url: str = ""  # the provider's page the citizen pays on
    receipt: Receipt | None = None
    refund: Refund | None = None
    version: int = 1

    @property
    def currency(self) -> str:
        return CURRENCY

    @property
    def finished(self) -> bool:
        return self.state.finished

    @property
    def expires_at(self) -> datetime:
        return self.created_at + EXPIRY

    def is_expired(self, now: datetime) -> bool:
        return not self.finished and now >= self.expires_at
