"""What a dossier owes, and when: its fee as the catalog or an officer set it, and the exemption its
applicant asked for. The dossier owns its fee; payments settle it (portal.payments)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FeeDue(Enum):
    AT_FILING = "at_filing"
    AT_RESULT = "at_result"


class FeeStatus(Enum):
    NONE = "none"  # nothing to pay (free, or exempted by the officer)
    TO_BE_SET = "to_be_set"  # the catalog fixes no amount: the officer sets it before payment
    DUE = "due"
    PAID = "paid"
    REFUNDED = "refunded"
    AT_DESK = "at_desk"  # filed in person: collected at the desk, outside the portal


OWED = frozenset({FeeStatus.DUE, FeeStatus.PAID, FeeStatus.REFUNDED, FeeStatus.AT_DESK})


class ExemptionDecision(Enum):
    PENDING = "pending"  # chosen at filing: the officer has not checked the proof yet (nothing can be paid)
    ACCEPTED = "accepted"  # the fee owed is the exemption's amount
    REFUSED = "refused"  # the full fee stays owed; the reason is told to the applicant


@dataclass(frozen=True)
class RequestedExemption:
    """An exemption of the procedure the applicant chose, with the stored document proving it."""

    code: str
    description: str
    amount_vnd: int  # what is owed once accepted
    proof_document_id: str
    decision: ExemptionDecision = ExemptionDecision.PENDING
    reason: str = ""  # why it was refused


@dataclass(frozen=True)
class DossierFee:
    """What a dossier owes, and when (the catalog's fee for its channel, or the amount an officer set)."""

    amount_vnd: int
    due: FeeDue
    status: FeeStatus
    note: str = ""  # e.g. the exemption an officer granted, or how the amount was set
    exemption: RequestedExemption | None = None  # chosen by the applicant, decided by the officer

    @property
    def unpaid(self) -> bool:
        return self.status in {FeeStatus.DUE, FeeStatus.TO_BE_SET}

    @property
    def exemption_pending(self) -> bool:
        return self.exemption is not None and self.exemption.decision is ExemptionDecision.PENDING
