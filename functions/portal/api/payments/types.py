"""GraphQL types of fees, payments and electronic receipts (amounts in integer đồng)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portal.dossiers import fee as dossier_fee
from portal.payments import model

PaymentState = strawberry.enum(model.PaymentState, name="PaymentState", description="GOV.UK Pay-like states.")
FeeDue = strawberry.enum(dossier_fee.FeeDue, name="FeeDue")
FeeStatus = strawberry.enum(dossier_fee.FeeStatus, name="FeeStatus")
RefundReason = strawberry.enum(model.RefundReason, name="RefundReason")
ExemptionDecision = strawberry.enum(dossier_fee.ExemptionDecision, name="ExemptionDecision")


@strawberry.type(description="The fee exemption the applicant chose at filing, and the officer's decision.")
class RequestedExemption:
    code: str
    description: str
    amount_vnd: int = strawberry.field(description="What is owed once accepted (0: exempt).")
    proof_document_id: str = strawberry.field(description="The dossier's attachment proving it (its documentId).")
    decision: ExemptionDecision
    reason: str = strawberry.field(description="Why it was refused; empty otherwise.")

    @classmethod
    def of(cls, e: dossier_fee.RequestedExemption) -> RequestedExemption:
        return cls(
            code=e.code,
            description=e.description,
            amount_vnd=e.amount_vnd,
            proof_document_id=e.proof_document_id,
            decision=e.decision,
            reason=e.reason,
        )


@strawberry.type(description="What a dossier owes, and when it is due.")
class DossierFee:
    amount_vnd: int
    due: FeeDue
    status: FeeStatus
    note: str
    exemption: RequestedExemption | None = strawberry.field(
        default=None, description="Null: the applicant asked for none. Pending: nothing can be paid yet."
    )

    @classmethod
    def of(cls, fee: dossier_fee.DossierFee) -> DossierFee:
        exemption = RequestedExemption.of(fee.exemption) if fee.exemption else None
        return cls(amount_vnd=fee.amount_vnd, due=fee.due, status=fee.status, note=fee.note, exemption=exemption)


@strawberry.type(description="The electronic receipt (biên lai điện tử) of a successful payment.")
class Receipt:
    number: str
    payer: str
    amount_vnd: int
    procedure_name: str
    dossier_code: str
    collecting_agency: str
    issued_at: datetime
    payment_reference: str = strawberry.field(description="The payment provider's id of the payment.")

    @classmethod
    def of(cls, r: model.Receipt) -> Receipt:
        return cls(
            number=r.number,
            payer=r.payer,
            amount_vnd=r.amount_vnd,
            procedure_name=r.procedure_name,
            dossier_code=r.dossier_code,
            collecting_agency=r.collecting_agency,
            issued_at=r.issued_at,
            payment_reference=r.payment_reference,
        )


@strawberry.type(description="A receipt as a PDF: a link of a few minutes.")
class ReceiptDownload:
    payment_id: str
    number: str
    url: str
    expires_at: datetime


@strawberry.type
class Refund:
    amount_vnd: int
    reason: RefundReason
    note: str
    at: datetime


@strawberry.type
class Payment:
    payment_id: str
    dossier_code: str
    amount_vnd: int
    currency: str
    state: PaymentState
    finished: bool
    created_at: datetime
    expires_at: datetime
    next_url: str | None = strawberry.field(description="The provider's page to pay on, while it can be paid.")
    receipt: Receipt | None
    refund: Refund | None

    @classmethod
    def of(cls, p: model.Payment) -> Payment:
        return cls(
            payment_id=p.payment_id,
            dossier_code=p.dossier_code,
            amount_vnd=p.amount_vnd,
            currency=p.currency,
            state=p.state,
            finished=p.finished,
            created_at=p.created_at,
            expires_at=p.expires_at,
            next_url=None if p.finished else p.next_url,
            receipt=Receipt.of(p.receipt) if p.receipt else None,
            refund=Refund(amount_vnd=p.refund.amount_vnd, reason=p.refund.reason, note=p.refund.note, at=p.refund.at)
            if p.refund
            else None,
        )


@strawberry.type
class DossierPayments:
    dossier_code: str
    fee: DossierFee | None = strawberry.field(description="Null: the dossier owes nothing.")
    payments: list[Payment]


@strawberry.type
class PaymentStarted:
    payment: Payment
    resumed: bool = strawberry.field(
        description="True for a retried request or a payment already in progress (another tab): pay on its page."
    )


@strawberry.type
class PaymentUpdated:
    payment: Payment


@strawberry.type
class DossierFeeSet:
    dossier_code: str
    fee: DossierFee | None


@strawberry.input
class StartPaymentInput:
    code: str
    idempotency_key: str = strawberry.field(description="8-64 letters, digits, - or _; made once per pay button.")


@strawberry.input
class CheckPaymentInput:
    code: str
    payment_id: str


@strawberry.input
class RefundPaymentInput:
    code: str
    payment_id: str
    reason: RefundReason
    note: str


@strawberry.input
class DecideExemptionInput:
    code: str
    accept: bool = strawberry.field(description="True: the fee owed becomes the exemption's amount.")
    reason: str = strawberry.field(default="", description="Required to refuse; at most 500 characters.")


@strawberry.input(description="One of the procedure's feeExemptions, with the uploaded document proving it.")
class FeeExemptionChoiceInput:
    code: str
    proof_document_id: str = strawberry.field(description="A document from requestDocumentUpload or myDocuments.")


@strawberry.input
class SetDossierFeeInput:
    code: str
    amount_vnd: int
    note: str = ""
