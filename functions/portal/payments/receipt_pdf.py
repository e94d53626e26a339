"""The electronic receipt (biên lai điện tử) as a PDF: number, payer, amount (in figures, đồng), procedure,
dossier code, collecting agency, time of payment, the provider's payment reference, and a refund when one
was made. Set like the official slips (portal.dossiers.slips): DejaVu Sans embedded and subset by fpdf2,
so the Vietnamese text reads and extracts the same everywhere; a QR code (segno) to the dossier's payment
page. fpdf2 and segno are imported only when a receipt is rendered: the cold start does not pay for them."""

from __future__ import annotations

import io

from portal.dossiers.pdf_page import PdfPage
from portal.payments.model import Payment, RefundReason
from portal.payments.settlement import formatted

TITLE = "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ"
REFUND_REASONS = {
    RefundReason.REFUSED_AT_RECEPTION: "hồ sơ bị từ chối tiếp nhận",
    RefundReason.WITHDRAWN_BEFORE_PROCESSING: "hồ sơ được rút trước khi xử lý",
    RefundReason.PAID_TWICE: "thanh toán trùng",
}


def render_receipt(payment: Payment, page_url: str) -> bytes:
    """The PDF of `payment`'s receipt (the payment must have one: it succeeded)."""
    import segno

    receipt = payment.receipt
    if receipt is None:
        raise ValueError(f"payment {payment.payment_id} has no receipt")
    page = PdfPage(TITLE, receipt.collecting_agency, size=10, line_height=5.5, label_end=":")
    pdf, width, line, row = page.pdf, page.width, page.line, page.row

    line(receipt.collecting_agency.upper(), 9, "B")
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 10, "B", "C")
    line("Độc lập - Tự do - Hạnh phúc", 10, "B", "C")
    pdf.ln(3)
    line(TITLE, 13, "B", "C")
    line(f"Số: {receipt.number}", 10, align="C")
    pdf.ln(2)
    row("Người nộp", receipt.payer)
    row("Số tiền", f"{formatted(receipt.amount_vnd)} ({payment.currency})")
    row("Nội dung", f"Phí, lệ phí thủ tục «{receipt.procedure_name}»")
    row("Mã hồ sơ", receipt.dossier_code)
    row("Đơn vị thu", receipt.collecting_agency)
    row("Thời điểm thanh toán", f"{receipt.issued_at:%H giờ %M phút, ngày %d/%m/%Y}")
    row("Hình thức", "Thanh toán trực tuyến qua Cổng Dịch vụ công quốc gia")
    row("Mã giao dịch thanh toán", receipt.payment_reference)
    if payment.refund is not None:
        r = payment.refund
        row("Đã hoàn tiền", f"{formatted(r.amount_vnd)} ngày {r.at:%d/%m/%Y} ({REFUND_REASONS[r.reason]})")
    pdf.ln(3)
    qr = io.BytesIO()
    segno.make(page_url, error="m").save(qr, kind="png", scale=4, border=2)
    top = pdf.get_y()
    pdf.image(qr, x=pdf.l_margin, y=top, w=26, h=26)
    pdf.set_xy(pdf.l_margin + 30, top + 6)
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(width - 30, 4.5, f"Biên lai điện tử do hệ thống phát hành; xem lại tại: {page_url}")
    return bytes(pdf.output())
