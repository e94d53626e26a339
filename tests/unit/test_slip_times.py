"""The receipt (form 01) states the processing time in its unit and, without a known time, that the
receiving officer sets the appointment. Pure rendering (fpdf2), read back with pypdf."""

from __future__ import annotations

import io
from datetime import date

from portal.dossiers.slips import Issuer, Slip, render
from portal.workdays.time_limits import TimeUnit
from tests.support.factories import make_dossier

ISSUER = Issuer("Trung tâm Phục vụ hành chính công tỉnh (mẫu)", "1 Phố Mẫu", "1900 0000")


def receipt_text(**dossier) -> str:
    import pypdf

    pdf = render(make_dossier(**dossier), Slip.RECEIPT, ISSUER, "ABCDEFGHJK2", "https://example.test/#/tra-cuu")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_calendar_days_are_printed_as_days_not_working_days():
    text = receipt_text(processing_days=10, processing_unit=TimeUnit.DAYS, due=date(2026, 3, 12))
    assert "10 ngày" in text and "10 ngày làm việc" not in text and "12/03/2026" in text


def test_working_days_say_so():
    assert "5 ngày làm việc" in receipt_text(processing_days=5, processing_unit=TimeUnit.WORKING_DAYS)


def test_same_day_is_printed_with_its_cut_off():
    text = receipt_text(processing_days=0, processing_unit=TimeUnit.SAME_DAY, due=date(2026, 3, 2))
    assert "Trong ngày (tiếp nhận sau 15 giờ: ngày làm việc tiếp theo)" in text


def test_without_a_known_time_the_receipt_says_the_officer_sets_the_date():
    text = receipt_text(processing_days=0, processing_unit=None, due=None)
    assert "Chưa xác định" in text and "Sẽ do cán bộ tiếp nhận hẹn" in text
