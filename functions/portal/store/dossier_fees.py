"""A dossier's fee (and the exemption its applicant requested) in DynamoDB <-> portal.payments.model."""

from __future__ import annotations

from portal.dossiers.fee import DossierFee, ExemptionDecision, FeeDue, FeeStatus, RequestedExemption
from portal.store.dossier_items import FeeMap, RequestedExemptionMap


def fee_map(fee: DossierFee | None) -> FeeMap | None:
    if fee is None:
        return None
    e = fee.exemption
    exemption = (
        RequestedExemptionMap(
            code=e.code,
            description=e.description,
            amount_vnd=e.amount_vnd,
            proof_document_id=e.proof_document_id,
            decision=e.decision.value,
            reason=e.reason,
        )
        if e
        else None
    )
    return FeeMap(
        amount_vnd=fee.amount_vnd, due=fee.due.value, status=fee.status.value, note=fee.note, exemption=exemption
    )


def dossier_fee(item: FeeMap | None) -> DossierFee | None:
    if item is None:
        return None
    e = item.exemption
    exemption = (
        RequestedExemption(
            e.code, e.description, int(e.amount_vnd), e.proof_document_id, ExemptionDecision(e.decision), e.reason
        )
        if e
        else None
    )
    return DossierFee(int(item.amount_vnd), FeeDue(item.due), FeeStatus(item.status), item.note, exemption)
