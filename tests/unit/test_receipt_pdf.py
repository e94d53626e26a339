"""The electronic receipt as a PDF: every fact of the receipt is in its text, Vietnamese diacritics
included, and a refund is printed on it. Pure rendering, no I/O beyond the fonts."""

from __future__ import annotations

import io
from datetime import datetime

import pytest

from portal.clock import VIETNAM
from portal.payments.model import Payment, PaymentState, Receipt, Refund, RefundReason
from portal.payments.receipt_pdf import render_receipt

PAID_AT = datetime(2026, 3, 2, 9, 5, tzinfo=VIETNAM)


def paid(**changes) -> Payment:
    receipt = Receipt(
        number="BL-20260302090000abcdef12",
        payer="Trần Thị Hồng Nhung (mẫu)",
        amount_vnd=10000,
        procedure_name="Đăng ký thường trú",
        dossier_code="H01.01-260302-010001",
        collecting_agency="Trung tâm Phục vụ hành chính công phường Hoàn Kiếm",
        issued_at=PAID_AT,
        payment_reference="sim_0123456789abcdef",
    )
    fields = {
        "payment_id": "20260302090000abcdef12",
        "dossier_code": receipt.dossier_code,
        "amount_vnd": 10000,
        "state": PaymentState.SUCCESS,
        "created_at": PAID_AT,
        "updated_at": PAID_AT,
        "idempotency_key": "k" * 16,
        "description": "Lệ phí",
        "provider_id": receipt.payment_reference,
        "receipt": receipt,
    }
    return Payment(**{**fields, **changes})


def text_of(pdf: bytes) -> str:
    import pypdf

    assert pdf.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_receipt_prints_every_fact_with_its_diacritics():
    text = text_of(render_receipt(paid(), "https://dichvucong.example/#/thanh-toan/H01.01-260302-010001"))
    for shown in (
        "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ",
        "Số: BL-20260302090000abcdef12",
        "Trần Thị Hồng Nhung (mẫu)",
        "10.000 đồng (VND)",
        "Đăng ký thường trú",
        "H01.01-260302-010001",
        "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm",
        "09 giờ 05 phút, ngày 02/03/2026",
        "sim_0123456789abcdef",
    ):
        assert shown in text, shown
    assert "Đã hoàn tiền" not in text


def test_a_refunded_payment_says_so_on_its_receipt():
    refund = Refund(10000, RefundReason.REFUSED_AT_RECEPTION, "Từ chối", "lead", PAID_AT, "ref_1")
    text = text_of(render_receipt(paid(refund=refund), "https://dichvucong.example/"))
    assert "Đã hoàn tiền" in text and "hồ sơ bị từ chối tiếp nhận" in text


def test_a_payment_without_a_receipt_has_no_pdf():
    with pytest.raises(ValueError):
        render_receipt(paid(receipt=None, state=PaymentState.STARTED), "https://dichvucong.example/")
