"""Reading fees, payments and receipts."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.payments.types import DossierFee, DossierPayments, Payment, Receipt
from portal.bootstrap import payment_service


@strawberry.type
class PaymentQueries:
    @strawberry.field(description="What a dossier owes and its payments (the applicant, or the center's officers).")
    def dossier_payments(self, info: Info, code: str) -> DossierPayments:
        found = payment_service(info.context.services).of_dossier(info.context.principal, code)
        fee = found.dossier.fee
        return DossierPayments(
            dossier_code=found.dossier.code,
            fee=DossierFee.of(fee) if fee else None,
            payments=[Payment.of(p) for p in found.payments],
        )

    @strawberry.field(description="Your electronic receipts, newest first (at most 100).")
    def my_receipts(self, info: Info) -> list[Receipt]:
        return [Receipt.of(r) for r in payment_service(info.context.services).receipts(info.context.principal)]
