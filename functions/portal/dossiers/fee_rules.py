"""What a dossier owes and when, who may be refunded and why: pure rules over the catalog's fee lines.

The catalog lists a procedure's fee lines as published (Cổng DVCQG), some for one channel only
("nộp trực tuyến" / "nộp trực tiếp"), some optional ("nếu có", "nếu yêu cầu"), some without an amount
(set by the Provincial People's Council, by vehicle type...). The portal charges at filing only what is
unambiguous: exactly one fixed, non-optional line with a sourced amount in đồng for the dossier's channel
(a fee in US dollars, or an editorial line no source gives, is never charged by the portal). Anything
else is set by the officer who examines the dossier (an exemption the procedure lists is an amount of
0 with its reason), and is then due when the result is ready: a result is not returned unpaid.
"""

from __future__ import annotations

import re
from dataclasses import replace

from portal.dossiers.fee import DossierFee, FeeDue, FeeStatus
from portal.dossiers.fee_exemptions import check_not_pending
from portal.dossiers.model import Channel, Dossier, Status
from portal.errors import Conflict, InvalidInput
from portal.input_limits import LIMITS
from portal.procedures.model import Fee, Procedure

ONLINE_ONLY = re.compile(r"trực tuyến", re.IGNORECASE)
IN_PERSON_ONLY = re.compile(r"trực tiếp", re.IGNORECASE)
OPTIONAL = re.compile(r"\bnếu\b", re.IGNORECASE)
MAX_FEE_VND = 100_000_000  # far above any fee in the catalog; a typo guard for officer-set amounts
MAX_NOTE = LIMITS["paymentNote"]


def applies_to(fee: Fee, channel: Channel) -> bool:
    if ONLINE_ONLY.search(fee.description):
        return channel is Channel.ONLINE
    if IN_PERSON_ONLY.search(fee.description):
        return channel is not Channel.ONLINE
    return True


def assess(procedure: Procedure, channel: Channel) -> DossierFee | None:
    """The fee a new dossier owes (None: nothing to pay)."""
    lines = [f for f in procedure.fees if applies_to(f, channel) and not OPTIONAL.search(f.description)]
    charged = [f for f in lines if f.amount_vnd]
    if len(charged) == 1 and all(f.is_fixed for f in lines) and charged[0].chargeable:
        return DossierFee(charged[0].amount_vnd, FeeDue.AT_FILING, FeeStatus.DUE, charged[0].description)
    if charged or any(not f.is_fixed for f in lines):
        return DossierFee(0, FeeDue.AT_RESULT, FeeStatus.TO_BE_SET)
    return None


def fee_at_filing(procedure: Procedure, channel: Channel) -> DossierFee | None:
    """Online, the dossier owes the assessed fee through the portal; in person it is collected at the desk."""
    fee = assess(procedure, channel)
    if fee is None or channel is Channel.ONLINE:
        return fee
    return replace(fee, status=FeeStatus.AT_DESK)


def set_fee(dossier: Dossier, amount_vnd: int, note: str) -> DossierFee:
    """An officer sets the amount the catalog does not fix (0 with its reason: an exemption)."""
    if dossier.status in {Status.RETURNED, Status.REJECTED, Status.WITHDRAWN}:
        raise Conflict("Hồ sơ đã kết thúc, không thể đặt lệ phí.", "The dossier is closed: no fee can be set.")
    if dossier.fee is not None and dossier.fee.status in {FeeStatus.PAID, FeeStatus.REFUNDED}:
        raise Conflict("Lệ phí của hồ sơ đã được thanh toán.", "The dossier's fee was already paid.")
    check_not_pending(dossier.fee)  # the exemption is decided first: it says what is owed
    if not 0 <= amount_vnd <= MAX_FEE_VND:
        raise InvalidInput.for_field(
            "amountVnd", "Số tiền từ 0 đến 100.000.000 đồng.", "The amount is from 0 to 100,000,000 đồng."
        )
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InvalidInput.for_field("note", "Ghi chú tối đa 500 ký tự.", "A note is at most 500 characters.")
    if amount_vnd == 0 and not note:
        raise InvalidInput.for_field(
            "note",
            "Cần ghi rõ căn cứ miễn lệ phí.",
            "An exemption needs its reason (which rule exempts the applicant).",
        )
    due = dossier.fee.due if dossier.fee is not None else FeeDue.AT_RESULT
    return DossierFee(amount_vnd, due, FeeStatus.DUE if amount_vnd else FeeStatus.NONE, note)


def check_payable(dossier: Dossier) -> DossierFee:
    fee = dossier.fee
    check_not_pending(fee)
    if fee is None or fee.status is FeeStatus.NONE:
        raise Conflict("Hồ sơ này không phải nộp phí, lệ phí.", "This dossier owes no fee.")
    if fee.status is FeeStatus.TO_BE_SET:
        raise Conflict(
            "Cán bộ chưa xác định số tiền lệ phí. Vui lòng chờ thông báo.",
            "The officer has not set the fee yet. Please wait for the notice.",
        )
    if fee.status is not FeeStatus.DUE:
        raise Conflict("Lệ phí của hồ sơ đã được thanh toán.", "The dossier's fee was already paid.")
    if dossier.status in {Status.REJECTED, Status.WITHDRAWN, Status.RETURNED}:
        raise Conflict("Hồ sơ đã kết thúc, không cần thanh toán.", "The dossier is closed: nothing to pay.")
    return fee


def blocks(dossier: Dossier, action_value: str) -> bool:
    """Whether an unpaid fee holds the dossier back: processing waits for a fee due at filing, and a result
    is not returned while any fee is unpaid."""
    fee = dossier.fee
    if fee is None or not fee.unpaid:
        return False
    if action_value == "return_result":
        return True
    return action_value == "start_processing" and fee.due is FeeDue.AT_FILING
