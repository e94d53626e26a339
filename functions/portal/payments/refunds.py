"""Who may be refunded and why: a refund is owed when the dossier was refused at reception, withdrawn
before processing began, or the same fee was paid twice. Pure rules."""

from __future__ import annotations

from portal.dossiers.model import Action, Dossier, Status
from portal.errors import Conflict
from portal.payments.model import Payment, PaymentState, RefundReason


def check_refund(dossier: Dossier, payment: Payment, reason: RefundReason, payments: tuple[Payment, ...]) -> None:
    """A refund is owed when the dossier was refused at reception, withdrawn before processing began, or the
    same fee was paid twice; never twice, never for a payment that did not succeed."""
    if payment.state is not PaymentState.SUCCESS:
        raise Conflict("Chỉ hoàn tiền khoản đã thanh toán thành công.", "Only a successful payment can be refunded.")
    if payment.refund is not None:
        raise Conflict("Khoản thanh toán này đã được hoàn tiền.", "This payment was already refunded.")
    processed = any(e.action is Action.START_PROCESSING for e in dossier.timeline)
    if reason is RefundReason.REFUSED_AT_RECEPTION and not (dossier.status is Status.REJECTED and not processed):
        raise Conflict(
            "Hồ sơ không bị từ chối tiếp nhận.", "The dossier was not refused at reception (before processing)."
        )
    if reason is RefundReason.WITHDRAWN_BEFORE_PROCESSING and not (
        dossier.status is Status.WITHDRAWN and not processed
    ):
        raise Conflict(
            "Hồ sơ không được rút trước khi xử lý.", "The dossier was not withdrawn before processing began."
        )
    if reason is RefundReason.PAID_TWICE:
        others = [p for p in payments if p.payment_id != payment.payment_id]
        if not any(p.state is PaymentState.SUCCESS and p.refund is None for p in others):
            raise Conflict(
                "Không có khoản thanh toán thứ hai cho lệ phí này.", "No other successful payment covers this fee."
            )
