"""Paying a fee (the applicant), checking a payment on return, setting a fee and refunding (officers)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import ConflictError, InvalidInputError, NotFoundError
from portal.api.payments.types import (
    CheckPaymentInput,
    DecideExemptionInput,
    DossierFee,
    DossierFeeSet,
    Payment,
    PaymentStarted,
    PaymentUpdated,
    RefundPaymentInput,
    SetDossierFeeInput,
    StartPaymentInput,
)
from portal.input_limits import LIMITS

StartPaymentResult = Annotated[
    PaymentStarted | InvalidInputError | NotFoundError | ConflictError, strawberry.union("StartPaymentResult")
]
UpdatePaymentResult = Annotated[
    PaymentUpdated | InvalidInputError | NotFoundError | ConflictError, strawberry.union("UpdatePaymentResult")
]
SetDossierFeeResult = Annotated[
    DossierFeeSet | InvalidInputError | NotFoundError | ConflictError, strawberry.union("SetDossierFeeResult")
]
DecideExemptionResult = Annotated[
    DossierFeeSet | InvalidInputError | NotFoundError | ConflictError, strawberry.union("DecideExemptionResult")
]


@strawberry.type
class PaymentMutations:
    @strawberry.mutation(
        description="Pay a dossier's fee: returns the provider's page to send the citizen to. The same "
        "idempotencyKey, or a payment already in progress, returns that payment: nothing is charged twice."
    )
    def start_payment(self, info: Info[PortalContext, None], input: StartPaymentInput) -> StartPaymentResult:
        ctx = info.context
        started = ctx.services.payment_service.start(ctx.principal, input.code, input.idempotency_key)
        return PaymentStarted(payment=Payment.of(started.payment), resumed=started.resumed)

    @strawberry.mutation(description="Back from the provider: the payment as the provider reports it now.")
    def check_payment(self, info: Info[PortalContext, None], input: CheckPaymentInput) -> UpdatePaymentResult:
        ctx = info.context
        payment = ctx.services.payment_service.check(ctx.principal, input.code, input.payment_id)
        return PaymentUpdated(payment=Payment.of(payment))

    @strawberry.mutation(description="Center leads: refund a payment (refused at reception, withdrawn, paid twice).")
    def refund_payment(self, info: Info[PortalContext, None], input: RefundPaymentInput) -> UpdatePaymentResult:
        ctx = info.context
        payment = ctx.services.payment_service.refund(
            ctx.principal, input.code, input.payment_id, input.reason, input.note
        )
        return PaymentUpdated(payment=Payment.of(payment))

    @strawberry.mutation(
        description="Officers: set a fee the catalog does not fix (0 with its reason: an exemption); due at result."
    )
    def set_dossier_fee(self, info: Info[PortalContext, None], input: SetDossierFeeInput) -> SetDossierFeeResult:
        ctx = info.context
        dossier = ctx.services.payment_service.set_fee(ctx.principal, input.code, input.amount_vnd, input.note)
        return DossierFeeSet(dossier_code=dossier.code, fee=DossierFee.of(dossier.fee) if dossier.fee else None)

    @strawberry.mutation(
        description="Officers: accept (the fee owed becomes the exemption's amount) or refuse (with the reason: "
        "the full fee stays owed) the fee exemption the applicant chose."
    )
    def decide_exemption(self, info: Info[PortalContext, None], input: DecideExemptionInput) -> DecideExemptionResult:
        ctx = info.context
        reason = input.reason[: LIMITS["paymentNote"] + 1]  # longer is refused by the rules, never stored
        dossier = ctx.services.payment_service.decide_exemption(ctx.principal, input.code, input.accept, reason)
        return DossierFeeSet(dossier_code=dossier.code, fee=DossierFee.of(dossier.fee) if dossier.fee else None)
