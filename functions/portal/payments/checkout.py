"""The citizen pays: one payment per pay button (its idempotency key), at most one in progress per dossier
(another tab continues the payment already started), created at the provider for the fee the dossier owes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from portal.clock import Clock
from portal.dossiers import fee_rules as rules
from portal.dossiers.access import check_can_pay
from portal.identity.principal import Principal
from portal.payments import settlement
from portal.payments.lookup import PaymentLookup, check_key
from portal.payments.model import Payment, PaymentState
from portal.payments.repository import DuplicatePayment, PaymentInProgress, PaymentProvider, PaymentRepository
from portal.payments.settling import Settler, check_matches


@dataclass(frozen=True)
class StartedPayment:
    payment: Payment
    resumed: bool  # the answer to a retried request, or the payment another tab started


class Checkout:
    def __init__(
        self,
        lookup: PaymentLookup,
        settler: Settler,
        payments: PaymentRepository,
        provider: PaymentProvider,
        clock: Clock,
        portal_url: str,
    ) -> None:
        self.lookup = lookup
        self.settler = settler
        self.payments = payments
        self.provider = provider
        self.clock = clock
        self.portal_url = portal_url.rstrip("/")

    def start(self, principal: Principal, code: str, key: str) -> StartedPayment:
        dossier = self.lookup.dossier(principal, code)
        check_can_pay(principal, dossier)
        check_key(key)
        existing = self.payments.find_by_key(code, key)
        if existing:
            return StartedPayment(self.lookup.payment(dossier, existing), resumed=True)
        active_id = self.payments.active(code)
        if active_id:
            active = self.settler.settle(self.lookup.payment(dossier, active_id))
            if not active.finished:
                return StartedPayment(active, resumed=True)  # another tab's payment: one charge, not two
            dossier = self.lookup.dossier(principal, code)
        fee = rules.check_payable(dossier)
        now = self.clock.now()
        payment_id = f"{now:%Y%m%d%H%M%S}{secrets.token_hex(4)}"
        description = f"Lệ phí hồ sơ {code}: {dossier.procedure_name}"[:255]
        reported = self.provider.create(
            reference=payment_id,
            amount_vnd=fee.amount_vnd,
            description=description,
            return_url=f"{self.portal_url}/#/thanh-toan/{code}/{payment_id}",
            notify_url=f"{self.portal_url}/payments/notify",
            dossier_code=code,
        )
        check_matches(
            Payment(payment_id, code, fee.amount_vnd, PaymentState.CREATED, now, now, key, description), reported
        )
        payment = Payment(
            payment_id=payment_id,
            dossier_code=code,
            amount_vnd=fee.amount_vnd,
            state=reported.state if reported.state is not PaymentState.CREATED else PaymentState.STARTED,
            created_at=now,
            updated_at=now,
            idempotency_key=key,
            description=description,
            provider_id=reported.provider_id,
            next_url=reported.next_url,
        )
        updated, event = settlement.payment_changed(dossier, payment, now)
        try:
            self.payments.create(updated, event, payment, now)
        except DuplicatePayment as duplicate:  # the same request, retried while the first was running
            return StartedPayment(self.lookup.payment(dossier, duplicate.payment_id), resumed=True)
        except PaymentInProgress as other:  # another tab won the race: continue with its payment
            self.provider.cancel(reported.provider_id)
            return StartedPayment(self.lookup.payment(dossier, other.payment_id), resumed=True)
        return StartedPayment(payment, resumed=False)
