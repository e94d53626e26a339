"""Paying a dossier's fee online: the service verbs, one place for the API, the notification callback and
the jobs. Each verb is a concept of its own module: the citizen pays (checkout), the provider's word
settles a payment (settling), officers decide on the fee (fee_desk), abandoned payments are swept (sweep),
a day is reconciled (reconciliation)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from portal.clock import Clock
from portal.dossiers.access import check_can_read_dossier
from portal.dossiers.model import Dossier
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.identity.access import require_applicant
from portal.identity.principal import Principal, Scope
from portal.payments.checkout import Checkout, StartedPayment
from portal.payments.fee_desk import FeeDesk
from portal.payments.lookup import PAYMENT_ID, PaymentLookup, payment_not_found
from portal.payments.model import Payment, Receipt, RefundReason
from portal.payments.notifications import InvalidNotification, verified
from portal.payments.reconciliation import Report, reconcile
from portal.payments.repository import PaymentProvider, PaymentRepository, ProviderPayment
from portal.payments.settling import Settler, check_matches
from portal.payments.sweep import AbandonedPayments, SweepReport

__all__ = ["DossierPayments", "PaymentService", "StartedPayment"]


@dataclass(frozen=True)
class DossierPayments:
    dossier: Dossier
    payments: tuple[Payment, ...]


class PaymentService:
    def __init__(
        self,
        dossiers: DossierRepository,
        payments: PaymentRepository,
        provider: PaymentProvider,
        centers: CenterLookup,
        clock: Clock,
        portal_url: str,
        webhook_secret: Callable[[], bytes] | None = None,
    ) -> None:
        self.payments = payments
        self.provider = provider
        self._webhook_secret = webhook_secret  # read when a notification comes (a secret: never kept in a field)
        self.lookup = PaymentLookup(dossiers, payments)
        self.settler = Settler(self.lookup, payments, provider, centers, clock)
        self.checkout = Checkout(self.lookup, self.settler, payments, provider, clock, portal_url)
        self.fee_desk = FeeDesk(self.lookup, dossiers, payments, provider, clock)
        self.abandoned = AbandonedPayments(self.settler, payments, clock)

    # --- reading ------------------------------------------------------------------------------------
    def of_dossier(self, principal: Principal, code: str) -> DossierPayments:
        dossier = self.lookup.dossier(principal, code)
        check_can_read_dossier(principal, dossier)
        return DossierPayments(dossier, self.payments.for_dossier(code))

    def receipts(self, principal: Principal) -> tuple[Receipt, ...]:
        citizen = require_applicant(principal, Scope.DOSSIERS_READ)
        return self.payments.receipts_of(citizen.id_number)

    # --- the citizen pays, the provider answers ------------------------------------------------------
    def start(self, principal: Principal, code: str, key: str) -> StartedPayment:
        return self.checkout.start(principal, code, key)

    def check(self, principal: Principal, code: str, payment_id: str) -> Payment:
        """The citizen is back from the provider's page (or reloads it): ask the provider, never the redirect."""
        dossier = self.lookup.dossier(principal, code)
        check_can_read_dossier(principal, dossier)
        return self.settler.settle(self.lookup.payment(dossier, payment_id))

    def apply_notification(self, body: bytes, signature: str | None) -> Payment:
        """A notification from the provider: signed, about a payment of the dossier it names, for the amount
        and currency recorded; then applied as the provider's status API reports it (once: a duplicate, a
        late or an out-of-order notification changes nothing)."""
        if self._webhook_secret is None:
            raise InvalidNotification("Chưa cấu hình khoá thông báo.", "No notification key is configured.")
        note = verified(body, signature, self._webhook_secret())
        payment = self.payments.get(note.dossier_code, note.reference) if PAYMENT_ID.match(note.reference) else None
        if payment is None:
            raise payment_not_found(note.reference)
        notified = ProviderPayment(note.provider_id, note.reference, note.amount_vnd, note.currency, note.state)
        check_matches(payment, notified)
        return self.settler.settle(payment)

    # --- officers -------------------------------------------------------------------------------------
    def set_fee(self, principal: Principal, code: str, amount_vnd: int, note: str) -> Dossier:
        return self.fee_desk.set_fee(principal, code, amount_vnd, note)

    def decide_exemption(self, principal: Principal, code: str, accept: bool, reason: str) -> Dossier:
        return self.fee_desk.decide_exemption(principal, code, accept, reason)

    def refund(self, principal: Principal, code: str, payment_id: str, reason: RefundReason, note: str) -> Payment:
        return self.fee_desk.refund(principal, code, payment_id, reason, note)

    # --- jobs -------------------------------------------------------------------------------------------
    def sweep_abandoned(self) -> SweepReport:
        return self.abandoned.sweep()

    def reconcile(self, day: date) -> Report:
        """The provider's settlement report for `day` (Vietnam time) against the portal's ledger of that day."""
        return reconcile(day, self.payments.ledger(day), self.provider.settlement(day))
