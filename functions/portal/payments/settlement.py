"""Applying what the provider reports to a payment: is the report about this payment, and what the change
writes on the dossier (its timeline event, the fee paid) and for the citizen (the electronic receipt).
Pure functions; PaymentService decides when and records the result in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from portal.dossiers.fee import FeeStatus
from portal.dossiers.model import Action, ActorRole, Dossier, TimelineEvent
from portal.payments.model import CURRENCY, Payment, PaymentState, Receipt
from portal.payments.repository import ProviderPayment


def mismatches(payment: Payment, reported: ProviderPayment) -> list[str]:
    """What differs between the payment and the provider's report of it (reference, id, amount, currency)."""
    problems = []
    if reported.reference != payment.payment_id:
        problems.append("reference")
    if payment.provider_id and reported.provider_id != payment.provider_id:
        problems.append("provider id")
    if reported.amount_vnd != payment.amount_vnd:
        problems.append("amount")
    if reported.currency != CURRENCY:
        problems.append("currency")
    return problems


def formatted(amount_vnd: int) -> str:
    return f"{amount_vnd:,} đồng".replace(",", ".")


def payment_changed(dossier: Dossier, payment: Payment, now: datetime) -> tuple[Dossier, TimelineEvent]:
    """The dossier after `payment` reached its current state, and the timeline event recording it."""
    fee = dossier.fee
    if payment.state is PaymentState.SUCCESS and fee is not None and fee.status is FeeStatus.DUE:
        fee = replace(fee, status=FeeStatus.PAID)
    event = TimelineEvent(
        seq=len(dossier.timeline) + 1,
        at=now,
        action=Action(f"payment_{payment.state.value}"),
        status=dossier.status,
        actor=ActorRole.SYSTEM,
        note=f"{formatted(payment.amount_vnd)} · {payment.payment_id}",
        due_date=dossier.due_date,
    )
    updated = replace(dossier, fee=fee, updated_at=now, version=dossier.version + 1)
    return replace(updated, timeline=(*dossier.timeline, event)), event


def receipt_for(dossier: Dossier, payment: Payment, now: datetime, collecting_agency: str) -> Receipt:
    return Receipt(
        number=f"BL-{payment.payment_id}",
        payer=dossier.applicant.full_name,
        amount_vnd=payment.amount_vnd,
        procedure_name=dossier.procedure_name,
        dossier_code=dossier.code,
        collecting_agency=collecting_agency,
        issued_at=now,
        payment_reference=payment.provider_id,
    )
