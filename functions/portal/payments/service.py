"""Paying a dossier's fee online: the service verbs. Every change of a payment is checked against the
provider (its status API, never the redirect or a notification alone), allowed by the state table, and
recorded with its timeline event, the dossier's fee and the KPI counters in one transaction."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, replace
from datetime import date

from portal.clock import Clock
from portal.dossiers.model import Action, ActorRole, Dossier, TimelineEvent
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.errors import Conflict, InvalidInput, NotFound
from portal.identity.access import (
    check_can_pay,
    check_can_read_dossier,
    check_can_refund,
    check_can_set_fee,
    dossier_not_found,
    require_applicant,
    require_signed_in,
)
from portal.identity.principal import Principal, Scope
from portal.kpis.counters import delta
from portal.observability import logger
from portal.payments import rules, settlement
from portal.payments.model import (
    NEXT_STATES,
    FeeStatus,
    Payment,
    PaymentState,
    Receipt,
    Refund,
    RefundReason,
)
from portal.payments.notifications import InvalidNotification, verified
from portal.payments.reconciliation import Kind, LedgerEntry, Report, reconcile
from portal.payments.repository import (
    DuplicatePayment,
    PaymentInProgress,
    PaymentProvider,
    PaymentRepository,
    ProviderPayment,
)

KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
PAYMENT_ID = re.compile(r"^[0-9a-f]{22}$")
MAX_CODE = 64  # dossier codes are about 30 characters
RETRIES = 3  # a notification and a status check racing: the loser reloads and finds the work done


@dataclass(frozen=True)
class StartedPayment:
    payment: Payment
    resumed: bool  # the answer to a retried request, or the payment another tab started


@dataclass(frozen=True)
class DossierPayments:
    dossier: Dossier
    payments: tuple[Payment, ...]


def _check_key(key: str) -> str:
    if not KEY.match(key):
        raise InvalidInput.for_field(
            "idempotencyKey",
            "Mã yêu cầu phải gồm 8–64 ký tự chữ, số, - hoặc _.",
            "The idempotency key must be 8-64 letters, digits, - or _.",
        )
    return key


def _payment_not_found(payment_id: str) -> NotFound:
    return NotFound(f"Không tìm thấy khoản thanh toán {payment_id}.", f"Payment {payment_id} was not found.")


class PaymentService:
    def __init__(
        self,
        dossiers: DossierRepository,
        payments: PaymentRepository,
        provider: PaymentProvider,
        centers: CenterLookup,
        clock: Clock,
        portal_url: str,
        webhook_secret: bytes | None = None,
    ) -> None:
        self.dossiers = dossiers
        self.payments = payments
        self.provider = provider
        self.centers = centers
        self.clock = clock
        self.portal_url = portal_url.rstrip("/")
        self.webhook_secret = webhook_secret

    # --- reading ------------------------------------------------------------------------------------
    def _dossier(self, principal: Principal, code: str) -> Dossier:
        require_signed_in(principal)
        dossier = self.dossiers.get(code) if 0 < len(code) <= MAX_CODE else None
        if dossier is None:
            raise dossier_not_found(code)
        return dossier

    def _stored_dossier(self, code: str) -> Dossier:
        dossier = self.dossiers.get(code)
        if dossier is None:
            raise dossier_not_found(code)
        return dossier

    def _payment(self, dossier: Dossier, payment_id: str) -> Payment:
        if not PAYMENT_ID.match(payment_id):
            raise InvalidInput.for_field(
                "paymentId", "Mã thanh toán không đúng định dạng.", "The payment id is not of the portal's form."
            )
        payment = self.payments.get(dossier.code, payment_id)
        if payment is None:
            raise _payment_not_found(payment_id)
        return payment

    def of_dossier(self, principal: Principal, code: str) -> DossierPayments:
        dossier = self._dossier(principal, code)
        check_can_read_dossier(principal, dossier)
        return DossierPayments(dossier, self.payments.for_dossier(code))

    def receipts(self, principal: Principal) -> tuple[Receipt, ...]:
        citizen = require_applicant(principal, Scope.DOSSIERS_READ)
        return self.payments.receipts_of(citizen.id_number)

    # --- the citizen pays -----------------------------------------------------------------------------
    def start(self, principal: Principal, code: str, key: str) -> StartedPayment:
        dossier = self._dossier(principal, code)
        check_can_pay(principal, dossier)
        _check_key(key)
        existing = self.payments.find_by_key(code, key)
        if existing:
            return StartedPayment(self._payment(dossier, existing), resumed=True)
        active_id = self.payments.active(code)
        if active_id:
            active = self._settle_with_provider(self._payment(dossier, active_id))
            if not active.finished:
                return StartedPayment(active, resumed=True)  # another tab's payment: one charge, not two
            dossier = self._dossier(principal, code)
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
        self._check_matches(
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
            return StartedPayment(self._payment(dossier, duplicate.payment_id), resumed=True)
        except PaymentInProgress as other:  # another tab won the race: continue with its payment
            self.provider.cancel(reported.provider_id)
            return StartedPayment(self._payment(dossier, other.payment_id), resumed=True)
        return StartedPayment(payment, resumed=False)

    def check(self, principal: Principal, code: str, payment_id: str) -> Payment:
        """The citizen is back from the provider's page (or reloads it): ask the provider, never the redirect."""
        dossier = self._dossier(principal, code)
        check_can_read_dossier(principal, dossier)
        return self._settle_with_provider(self._payment(dossier, payment_id))

    def apply_notification(self, body: bytes, signature: str | None) -> Payment:
        """A notification from the provider: signed, about a payment of the dossier it names, for the amount
        and currency recorded; then applied as the provider's status API reports it (once: a duplicate, a
        late or an out-of-order notification changes nothing)."""
        if self.webhook_secret is None:
            raise InvalidNotification("Chưa cấu hình khoá thông báo.", "No notification key is configured.")
        note = verified(body, signature, self.webhook_secret)
        payment = self.payments.get(note.dossier_code, note.reference) if PAYMENT_ID.match(note.reference) else None
        if payment is None:
            raise _payment_not_found(note.reference)
        notified = ProviderPayment(note.provider_id, note.reference, note.amount_vnd, note.currency, note.state)
        self._check_matches(payment, notified)
        return self._settle_with_provider(payment)

    # --- officers -------------------------------------------------------------------------------------
    def set_fee(self, principal: Principal, code: str, amount_vnd: int, note: str) -> Dossier:
        dossier = self._dossier(principal, code)
        check_can_set_fee(principal, dossier)
        if self.payments.active(code):
            raise Conflict("Đang có một khoản thanh toán cho hồ sơ.", "A payment of this dossier is in progress.")
        fee = rules.set_fee(dossier, amount_vnd, note)
        now = self.clock.now()
        amount = settlement.formatted(amount_vnd)
        event = TimelineEvent(
            len(dossier.timeline) + 1,
            now,
            Action.FEE_SET,
            dossier.status,
            ActorRole.OFFICER,
            f"{amount}. {fee.note}".strip(),
            dossier.due_date,
        )
        updated = replace(dossier, fee=fee, updated_at=now, version=dossier.version + 1)
        updated = replace(updated, timeline=(*dossier.timeline, event))
        self.dossiers.record(updated, event, kpi=delta(dossier, updated, event))
        return updated

    def refund(self, principal: Principal, code: str, payment_id: str, reason: RefundReason, note: str) -> Payment:
        dossier = self._dossier(principal, code)
        lead = check_can_refund(principal, dossier)
        note = note.strip()
        if not note or len(note) > rules.MAX_NOTE:
            raise InvalidInput.for_field(
                "note",
                "Cần ghi lý do hoàn tiền (tối đa 500 ký tự).",
                "A refund needs its reason (at most 500 characters).",
            )
        payment = self._payment(dossier, payment_id)
        rules.check_refund(dossier, payment, reason, self.payments.for_dossier(code))
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
        event = TimelineEvent(
            len(dossier.timeline) + 1,
            now,
            Action.PAYMENT_REFUNDED,
            dossier.status,
            ActorRole.OFFICER,
            f"{reason.value}: {note}",
            dossier.due_date,
        )
        updated = replace(dossier, fee=fee, updated_at=now, version=dossier.version + 1)
        updated = replace(updated, timeline=(*dossier.timeline, event))
        ledger = LedgerEntry(payment.payment_id, Kind.REFUND, code, payment.provider_id, payment.amount_vnd, now)
        self.payments.record(refunded, updated, event, kpi=delta(dossier, updated, event), ledger=ledger)
        return refunded

    # --- reconciliation ----------------------------------------------------------------------------------
    def reconcile(self, day: date) -> Report:
        """The provider's settlement report for `day` (Vietnam time) against the portal's ledger of that day."""
        return reconcile(day, self.payments.ledger(day), self.provider.settlement(day))

    # --- settling a payment with the provider ----------------------------------------------------------
    def _check_matches(self, payment: Payment, reported: ProviderPayment) -> None:
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

    def _settle_with_provider(self, payment: Payment) -> Payment:
        if payment.finished and payment.state is not PaymentState.EXPIRED:
            return payment
        reported = self.provider.status(payment.provider_id)
        self._check_matches(payment, reported)
        target = reported.state
        if not target.finished and payment.is_expired(self.clock.now()):
            reported = self.provider.cancel(payment.provider_id)  # so a late approval is refused
            self._check_matches(payment, reported)
            target = PaymentState.SUCCESS if reported.state is PaymentState.SUCCESS else PaymentState.EXPIRED
        return self._apply(payment, target)

    def _apply(self, payment: Payment, target: PaymentState) -> Payment:
        for attempt in range(RETRIES):
            if attempt:
                payment = self.payments.get(payment.dossier_code, payment.payment_id) or payment
            if target is payment.state or target not in NEXT_STATES[payment.state]:
                return payment  # already applied, or an older state reported late: nothing to do
            dossier = self._stored_dossier(payment.dossier_code)
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
