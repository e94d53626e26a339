"""The official slips of Circular 03/2025 (Annex I) as PDFs: form 01, the receipt and appointment slip;
form 02, the supplement request; form 04, the apology with a new appointment date.

Vietnamese text is set in DejaVu Sans (Debian's fonts-dejavu-core; functions/Makefile copies it into the
Lambda package), embedded and subset by fpdf2, so the slip reads the same everywhere and its text can be
extracted. A QR code (segno) points at the portal's page for following the dossier. fpdf2 and segno are
imported only when a slip is rendered: the cold start does not pay for them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import Enum

from portal.dossiers.lifecycle import EXTEND, Action
from portal.dossiers.model import Channel, Dossier, TimelineEvent
from portal.dossiers.pdf_page import PdfPage
from portal.dossiers.supplement_rules import asked_lines
from portal.errors import Conflict


class Slip(Enum):
    RECEIPT = "receipt"  # form 01
    SUPPLEMENT_REQUEST = "supplement_request"  # form 02
    APOLOGY = "apology"  # form 04


TITLES = {
    Slip.RECEIPT: ("Mẫu số 01", "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    Slip.SUPPLEMENT_REQUEST: ("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    Slip.APOLOGY: ("Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
}


@dataclass(frozen=True)
class Issuer:
    """The receiving center as printed on the slip."""

    name: str
    address: str
    hotline: str


CHANNEL_NAMES = {
    Channel.ONLINE: "Trực tuyến",
    Channel.IN_PERSON: "Trực tiếp tại Trung tâm",
    Channel.POST: "Qua dịch vụ bưu chính",
}


def _due(dossier: Dossier) -> str:
    return f"{dossier.due_date:%d/%m/%Y}" if dossier.due_date else "Sẽ do cán bộ tiếp nhận hẹn"


def _last_note(dossier: Dossier, action: Action) -> tuple[str, object]:
    for event in reversed(dossier.timeline):
        if event.action is action:
            return event.note, event.at
    return "", None


def _last_request(dossier: Dossier) -> TimelineEvent:
    return next(e for e in reversed(dossier.timeline) if e.action is Action.REQUEST_SUPPLEMENT)


def check_available(dossier: Dossier, slip: Slip) -> None:
    if slip is Slip.SUPPLEMENT_REQUEST and not _last_note(dossier, Action.REQUEST_SUPPLEMENT)[1]:
        raise Conflict("Hồ sơ chưa có yêu cầu bổ sung.", "No supplement was requested for this dossier.")
    if slip is Slip.APOLOGY and not _last_note(dossier, EXTEND)[1]:
        raise Conflict("Hồ sơ chưa có phiếu xin lỗi, hẹn lại.", "No apology and new date was issued for this dossier.")


def render(dossier: Dossier, slip: Slip, issuer: Issuer, tracking_secret: str, tracking_url: str) -> bytes:
    import segno

    check_available(dossier, slip)
    page = PdfPage(TITLES[slip][1], issuer.name, size=11, line_height=6, label_end=": ")
    pdf, width, line, row = page.pdf, page.width, page.line, page.row

    line(f"{TITLES[slip][0]} — Thông tư 03/2025/TT-VPCP", 9, align="R")
    line(issuer.name.upper(), 10, "B")
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11, "B", "C")
    line("Độc lập - Tự do - Hạnh phúc", 11, "B", "C")
    pdf.ln(4)
    line(TITLES[slip][1], 14, "B", "C")
    pdf.ln(2)
    a = dossier.applicant
    row("Mã hồ sơ", dossier.code)
    row("Người nộp", f"{a.full_name} — số định danh {a.id_number}")
    contacts = " · ".join(x for x in (a.phone, a.email) if x)
    if contacts:
        row("Liên hệ", contacts)
    if dossier.filer is not None:
        row("Nộp bởi người được ủy quyền", f"{dossier.filer.full_name} — số định danh {dossier.filer.id_number}")
    row("Thủ tục", f"{dossier.procedure_name} ({dossier.procedure_code})")
    if slip is Slip.RECEIPT:
        row("Hình thức nộp", CHANNEL_NAMES[dossier.channel])
        if dossier.postmarked_on is not None:
            row("Ngày dấu bưu điện", f"{dossier.postmarked_on:%d/%m/%Y}")
        row("Thời điểm tiếp nhận", f"{dossier.received_at:%H giờ %M phút, ngày %d/%m/%Y}")
        limit = dossier.time_limit
        row("Thời gian giải quyết", limit.label_vi() if limit else "Chưa xác định (cán bộ tiếp nhận hẹn)")
        row("Ngày hẹn trả kết quả", _due(dossier))
        received = [f"{x.document or x.name} ({x.name})" for x in dossier.attachments]
        row("Thành phần hồ sơ đã nhận", "\n".join(f"- {x}" for x in received) or "Hồ sơ điện tử")
        row("Nơi trả kết quả", f"{issuer.name}, {issuer.address}")
        row("Mã tra cứu", tracking_secret)
    elif slip is Slip.SUPPLEMENT_REQUEST:
        asked = _last_request(dossier)
        row("Ngày yêu cầu", f"{asked.at:%d/%m/%Y}")
        listed = [f"- {line}" for line in asked_lines(x for x in asked.asked if x.listed)]
        others = [f"- {line}" for line in asked_lines(x for x in asked.asked if not x.listed)]
        if listed:
            row("Giấy tờ cần bổ sung (theo thành phần hồ sơ của thủ tục)", "\n".join(listed))
        if others:
            row("Nội dung khác cần bổ sung (kèm căn cứ pháp lý)", "\n".join(others))
        if asked.note:  # the officer's explanations; a request of old is its note alone
            row("Ghi chú" if asked.asked else "Nội dung cần bổ sung (một lần, đầy đủ)", asked.note)
        line("Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết.", 10)
    else:
        note, at = _last_note(dossier, EXTEND)
        line(f"{issuer.name} xin lỗi Ông/Bà vì hồ sơ chưa được giải quyết đúng hẹn.", 11)
        row("Lý do", note)
        row("Ngày hẹn trả kết quả mới", _due(dossier))
    row("Đường dây nóng", issuer.hotline)
    pdf.ln(4)
    qr = io.BytesIO()
    segno.make(tracking_url, error="m").save(qr, kind="png", scale=4, border=2)
    top = pdf.get_y()
    pdf.image(qr, x=pdf.l_margin, y=top, w=30, h=30)
    pdf.set_xy(pdf.l_margin + 34, top + 8)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(width - 34, 5, f"Quét mã để theo dõi hồ sơ: {tracking_url}")
    return bytes(pdf.output())
