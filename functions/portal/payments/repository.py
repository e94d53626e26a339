"""What the payment service needs from storage and from the payment provider (the adapters implement these)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from portal.dossiers.counters import KpiDelta
from portal.dossiers.model import Dossier, TimelineEvent
from portal.payments.model import Payment, PaymentState, Receipt
from portal.payments.reconciliation import LedgerEntry, SettlementLine


class DuplicatePayment(Exception):
    """The create key was already used for this dossier: that payment is the answer."""

    def __init__(self, payment_id: str) -> None:
        super().__init__(payment_id)
        self.payment_id = payment_id


class PaymentInProgress(Exception):
    """Another payment of the dossier is in progress (another tab): the citizen continues that one."""

    def __init__(self, payment_id: str) -> None:
        super().__init__(payment_id)
        self.payment_id = payment_id


class PaymentRepository(Protocol):
    def get(self, dossier_code: str, payment_id: str) -> Payment | None: ...
    def for_dossier(self, dossier_code: str) -> tuple[Payment, ...]: ...
    def find_by_key(self, dossier_code: str, key: str) -> str | None: ...
    def active(self, dossier_code: str) -> str | None: ...
    def create(self, dossier: Dossier, event: TimelineEvent, payment: Payment, now: datetime) -> None: ...
    def record(
        self,
        payment: Payment,
        dossier: Dossier,
        event: TimelineEvent,
        kpi: KpiDelta | None = None,
        applicant_id: str = "",
        ledger: LedgerEntry | None = None,
        release_lock: bool = False,
    ) -> None: ...
    def open_past_expiry(self, now: datetime) -> list[tuple[str, str]]: ...
    def receipts_of(self, applicant_id: str, limit: int = 100) -> tuple[Receipt, ...]: ...
    def ledger(self, day: date) -> list[LedgerEntry]: ...


@dataclass(frozen=True)
class ProviderPayment:
    """A payment as the provider reports it (its status API, or a notification)."""

    provider_id: str
    reference: str  # the portal's payment id
    amount_vnd: int
    currency: str
    state: PaymentState
    next_url: str = ""


class PaymentProvider(Protocol):
    """The national payment platform (or a bank or e-wallet gateway); locally, the simulator."""

    def create(
        self, reference: str, amount_vnd: int, description: str, return_url: str, notify_url: str, dossier_code: str
    ) -> ProviderPayment: ...
    def status(self, provider_id: str) -> ProviderPayment: ...
    def cancel(self, provider_id: str) -> ProviderPayment: ...
    def refund(self, provider_id: str, amount_vnd: int) -> str: ...
    def settlement(self, day: date) -> list[SettlementLine]: ...
