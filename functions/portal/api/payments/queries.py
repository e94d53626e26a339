"""Reading fees, payments and receipts."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.payments.types import DossierFee, DossierPayments, Payment, Receipt, ReceiptDownload
from portal.input_limits import check_length


@strawberry.type
class PaymentQueries:
    @strawberry.field(description="What a dossier owes and its payments (the applicant, or the center's officers).")
    def dossier_payments(self, info: Info[PortalContext, None], code: str) -> DossierPayments:
        found = info.context.services.payment_service.of_dossier(info.context.principal, code)
        fee = found.dossier.fee
        return DossierPayments(
            dossier_code=found.dossier.code,
            fee=DossierFee.of(fee) if fee else None,
            payments=[Payment.of(p) for p in found.payments],
        )

    @strawberry.field(description="Your electronic receipts, newest first (at most 100).")
    def my_receipts(self, info: Info[PortalContext, None]) -> list[Receipt]:
        return [Receipt.of(r) for r in info.context.services.payment_service.receipts(info.context.principal)]

    @strawberry.field(
        description="The electronic receipts (biên lai điện tử) of a dossier's successful payments as PDFs (or of "
        "the one paymentId names), for whoever may read the dossier: links of a few minutes; none while unpaid."
    )
    def payment_receipts(
        self, info: Info[PortalContext, None], code: str, payment_id: str = ""
    ) -> list[ReceiptDownload]:
        check_length("code", code, "code")
        check_length("paymentId", payment_id, "code")
        files = info.context.services.printing.receipts(info.context.principal, code, payment_id)
        return [
            ReceiptDownload(
                payment_id=f.payment_id, number=f.number, url=f.download.url, expires_at=f.download.expires_at
            )
            for f in files
        ]
