"""An officer's decisions on a dossier's fee: set the amount the catalog does not fix, and refund a
payment (by a lead, when the rules say so). Each is one timeline event, written with the dossier."""

from __future__ import annotations

from dataclasses import replace

from portal.clock import Clock
from portal.dossiers import fee_exemptions as exemptions
from portal.dossiers import fee_rules as rules
from portal.dossiers.access import check_can_decide_exemption, check_can_refund, check_can_set_fee
from portal.dossiers.counters import delta
from portal.dossiers.fee import FeeStatus
from portal.dossiers.model import Action, ActorRole, Dossier, TimelineEvent
from portal.dossiers.repository import DossierRepository
from portal.errors import Conflict, InvalidInput
from portal.identity.principal import Principal
from portal.payments import refunds, settlement
from portal.payments.lookup import PaymentLookup
from portal.payments.model import Payment, Refund, RefundReason
from portal.payments.reconciliation import Kind, LedgerEntry
from portal.payments.repository import PaymentProvider, PaymentRepository


def officer_event(dossier: Dossier, action: Action, note: str, now) -> TimelineEvent:
    return TimelineEvent(
        len(dossier.timeline) + 1, now, action, dossier.status, ActorRole.OFFICER, note, dossier.due_date
    )


class FeeDesk:
    def __init__(
        self,
        lookup: PaymentLookup,
        dossiers: DossierRepository,
        payments: PaymentRepository,
        provider: PaymentProvider,
        clock: Clock,
    ) -> None:
        self.lookup = lookup
        self.dossiers = dossiers
        self.payments = payments
        self.provider = provider
        self.clock = clock

    def set_fee(self, principal: Principal, code: str, amount_vnd: int, note: str) -> Dossier:
        dossier = self.lookup.dossier(principal, code)
        check_can_set_fee(principal, dossier)
        if self.payments.active(code):
            raise Conflict("Đang có một khoản thanh toán cho hồ sơ.", "A payment of this dossier is in progress.")
        fee = rules.set_fee(dossier, amount_vnd, note)
        now = self.clock.now()
        event = officer_event(dossier, Action.FEE_SET, f"{settlement.formatted(amount_vnd)}. {fee.note}".strip(), now)
        updated = replace(dossier, fee=fee, updated_at=now, version=dossier.version + 1)
        updated = replace(updated, timeline=(*dossier.timeline, event))
        self.dossiers.record(updated, event, kpi=delta(dossier, updated, event))
        return updated

    def decide_exemption(self, principal: Principal, code: str, accept: bool, reason: str) -> Dossier:
        """The officer who may set the fee checks the proof of the exemption the applicant chose."""
        dossier = self.lookup.dossier(principal, code)
        check_can_decide_exemption(principal, dossier)
        fee, action, note = exemptions.decide(dossier, accept, reason)
        now = self.clock.now()
        event = officer_event(dossier, action, note, now)
        updated = replace(dossier, fee=fee, updated_at=now, version=dossier.version + 1)
        updated = replace(updated, timeline=(*dossier.timeline, event))
        self.dossiers.record(updated, event, kpi=delta(dossier, updated, event))
        return updated

    def refund(self, principal: Principal, code: str, payment_id: str, reason: RefundReason, note: str) -> Payment:
        dossier = self.lookup.dossier(principal, code)
        lead = check_can_refund(principal, dossier)
        note = note.strip()
        if not note or len(note) > rules.MAX_NOTE:
            raise InvalidInput.for_field(
                "note",
                "Cần ghi lý do hoàn tiền (tối đa 500 ký tự).",
                "A refund needs its reason (at most 500 characters).",
            )
        payment = self.lookup.payment(dossier, payment_id)
        refunds.check_refund(dossier, payment, reason, self.payments.for_dossier(code))
        refund_id = self.provider.refund(payment.provider_id, payment.amount_vnd)
        now = self.clock.now()
        refunded = replace(
            payment,
            refund=Refund(payment.amount_vnd, reason, note, lead.subject, now, refund_id),
            updated_at=now,
            version=payment.version + 1,
        )
        fee = dossier.fee
        if fee is not None and reason is not RefundReason.PAID_TWICE:
            fee = replace(fee, status=FeeStatus.REFUNDED)
        event = officer_event(dossier, Action.PAYMENT_REFUNDED, f"{reason.value}: {note}", now)
        updated = replace(dossier, fee=fee, updated_at=now, version=dossier.version + 1)
        updated = replace(updated, timeline=(*dossier.timeline, event))
        ledger = LedgerEntry(payment.payment_id, Kind.REFUND, code, payment.provider_id, payment.amount_vnd, now)
        self.payments.record(refunded, updated, event, kpi=delta(dossier, updated, event), ledger=ledger)
        return refunded
