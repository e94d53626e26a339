"""Fee exemptions the procedure lists: chosen by the applicant at filing with a stored document proving
it, then accepted or refused by the officer who examines the dossier. Pure rules.

Until the officer decides, nothing can be paid (the amount owed is not known); accepted, the fee owed is
the exemption's amount (0: «miễn»); refused, the full fee stays owed and the applicant is told why.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from portal.dossiers.fee import DossierFee, ExemptionDecision, FeeStatus, RequestedExemption
from portal.dossiers.model import Action, ActorRole, Attachment, Dossier, Status, TimelineEvent
from portal.errors import Conflict, InvalidInput
from portal.input_limits import LIMITS, check_length
from portal.procedures.model import Procedure

MAX_REASON = LIMITS["paymentNote"]
CLOSED = frozenset({Status.RETURNED, Status.REJECTED, Status.WITHDRAWN})


def requested_at_filing(
    procedure: Procedure,
    fee: DossierFee | None,
    code: str,
    proof_document_id: str,
    attachments: tuple[Attachment, ...],
) -> DossierFee | None:
    """The fee of a new dossier with the exemption its applicant chose (pending the officer's check)."""
    code = check_length("exemption.code", code.strip(), "exemptionCode")
    if not code:
        return fee
    exemption = procedure.exemption(code)
    if exemption is None:
        raise InvalidInput.for_field(
            "exemption.code",
            "Thủ tục này không có trường hợp miễn phí, lệ phí đã chọn.",
            "The procedure lists no such fee exemption.",
        )
    if fee is None or fee.status not in {FeeStatus.DUE, FeeStatus.TO_BE_SET}:
        raise InvalidInput.for_field(
            "exemption.code", "Hồ sơ này không phải nộp phí, lệ phí qua Cổng.", "This dossier owes no fee online."
        )
    if not proof_document_id or proof_document_id not in {a.document_id for a in attachments}:
        raise InvalidInput.for_field(
            "exemption.proofDocumentId",
            f"Cần đính kèm {exemption.proof[0].lower()}{exemption.proof[1:]}.",
            f"Attach the proof ({exemption.proof_en}).",
        )
    requested = RequestedExemption(exemption.code, exemption.description, exemption.amount_vnd, proof_document_id)
    return replace(fee, exemption=requested)


def filing_events(fee: DossierFee | None, at: datetime, due: date | None) -> tuple[TimelineEvent, ...]:
    """The event after RECEIVE recording the exemption asked for (none when none was)."""
    if fee is None or fee.exemption is None:
        return ()
    note = f"{fee.exemption.description} ({fee.exemption.code})"
    return (TimelineEvent(2, at, Action.EXEMPTION_REQUESTED, Status.RECEIVED, ActorRole.APPLICANT, note, due),)


def decide(dossier: Dossier, accept: bool, reason: str) -> tuple[DossierFee, Action, str]:
    """(the fee after the officer's decision, the timeline action, its note)."""
    fee = dossier.fee
    if fee is None or not fee.exemption_pending:
        raise Conflict("Không có yêu cầu miễn phí, lệ phí chờ quyết định.", "No fee exemption awaits a decision.")
    if dossier.status in CLOSED:
        raise Conflict("Hồ sơ đã kết thúc.", "The dossier is closed.")
    reason = reason.strip()
    if len(reason) > MAX_REASON:
        raise InvalidInput.for_field(
            "reason", f"Lý do tối đa {MAX_REASON} ký tự.", f"A reason is at most {MAX_REASON} characters."
        )
    exemption = fee.exemption
    if accept:
        decided = replace(exemption, decision=ExemptionDecision.ACCEPTED, reason=reason)
        owed = exemption.amount_vnd
        status = FeeStatus.DUE if owed else FeeStatus.NONE
        note = f"Miễn phí, lệ phí: {exemption.description}"
        return (
            replace(fee, amount_vnd=owed, status=status, note=note, exemption=decided),
            Action.EXEMPTION_ACCEPTED,
            note,
        )
    if not reason:
        raise InvalidInput.for_field("reason", "Cần ghi lý do không chấp nhận miễn phí.", "A refusal needs its reason.")
    decided = replace(exemption, decision=ExemptionDecision.REFUSED, reason=reason)
    return replace(fee, exemption=decided), Action.EXEMPTION_REFUSED, f"{exemption.description}: {reason}"


def check_not_pending(fee: DossierFee | None) -> None:
    if fee is not None and fee.exemption_pending:
        raise Conflict(
            "Yêu cầu miễn phí, lệ phí đang chờ cán bộ xem xét. Vui lòng chờ thông báo.",
            "The fee exemption awaits the officer's decision. Please wait for the notice.",
        )
