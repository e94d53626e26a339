"""Settling a payment with the provider: what the provider's status API reports, checked against the
payment, allowed by the state table, and recorded with its timeline event, the dossier's fee, the receipt,
the ledger and the KPI counters in one transaction. Every path that changes a payment's state ends here
(the citizen back from the provider, a notification, the sweep of abandoned payments)."""

from __future__ import annotations

from dataclasses import replace

from portal.clock import Clock
from portal.dossiers.counters import delta
from portal.dossiers.repository import CenterLookup
from portal.errors import Conflict
from portal.observability import logger
from portal.payments import settlement
from portal.payments.lookup import PaymentLookup
from portal.payments.model import NEXT_STATES, Payment, PaymentState
from portal.payments.notifications import InvalidNotification
from portal.payments.reconciliation import Kind, LedgerEntry
from portal.payments.repository import PaymentProvider, PaymentRepository, ProviderPayment

RETRIES = 3  # a notification and a status check racing: the loser reloads and finds the work done


def check_matches(payment: Payment, reported: ProviderPayment) -> None:
    """What the provider says must be about this payment, for its amount, in đồng."""
    problems = settlement.mismatches(payment, reported)
    if problems:
        logger.warning(
            "payment report does not match the payment",
            extra={"payment_id": payment.payment_id, "dossier": payment.dossier_code, "fields": problems},
        )
        raise InvalidNotification(
            "Thông tin thanh toán không khớp với khoản thanh toán.",
            f"The payment report does not match the payment ({', '.join(problems)}).",
        )


class Settler:
    def __init__(
        self,
        lookup: PaymentLookup,
        payments: PaymentRepository,
        provider: PaymentProvider,
        centers: CenterLookup,
        clock: Clock,
    ) -> None:
        self.lookup = lookup
        self.payments = payments
        self.provider = provider
        self.centers = centers
        self.clock = clock

    def settle(self, payment: Payment) -> Payment:
        """The payment as the provider reports it now; past its expiry and still open, cancelled at the
        provider (so a late approval is refused) and expired, unless the provider took the money."""
        if payment.finished and payment.state is not PaymentState.EXPIRED:
            return payment
        reported = self.provider.status(payment.provider_id)
        check_matches(payment, reported)
        target = reported.state
        if not target.finished and payment.is_expired(self.clock.now()):
            reported = self.provider.cancel(payment.provider_id)
            check_matches(payment, reported)
            target = PaymentState.SUCCESS if reported.state is PaymentState.SUCCESS else PaymentState.EXPIRED
        return self.apply(payment, target)

    def apply(self, payment: Payment, target: PaymentState) -> Payment:
        for attempt in range(RETRIES):
            if attempt:
                payment = self.payments.get(payment.dossier_code, payment.payment_id) or payment
            if target is payment.state or target not in NEXT_STATES[payment.state]:
                return payment  # already applied, or an older state reported late: nothing to do
            dossier = self.lookup.stored_dossier(payment.dossier_code)
            now = self.clock.now()
            changed = replace(payment, state=target, updated_at=now, version=payment.version + 1)
            ledger = None
            if target is PaymentState.SUCCESS:
                center = self.centers.get(dossier.center_id)
                agency = center.name if center else dossier.center_id
                changed = replace(changed, receipt=settlement.receipt_for(dossier, changed, now, agency))
                ledger = LedgerEntry(
                    payment.payment_id, Kind.PAYMENT, dossier.code, payment.provider_id, payment.amount_vnd, now
                )
            updated, event = settlement.payment_changed(dossier, changed, now)
            release = target.finished and self.payments.active(dossier.code) == payment.payment_id
            try:
                self.payments.record(
                    changed,
                    updated,
                    event,
                    kpi=delta(dossier, updated, event),
                    applicant_id=dossier.applicant.id_number,
                    ledger=ledger,
                    release_lock=release,
                )
                return changed
            except Conflict:
                if attempt == RETRIES - 1:
                    raise
        return payment
