"""The electronic receipt (biên lai điện tử) of a paid fee as a PDF, against the local payment simulator,
DynamoDB Local and SeaweedFS: its Vietnamese text extracts as printed, and it is handed out like any other
file of the dossier (the applicant and the center's officers; no one else; none before the payment)."""

from __future__ import annotations

import io

import httpx2
import pytest

from tests.support.payments import WARD, Simulator, check, owing_dossier, provider_id, started_payment


@pytest.fixture
def simulator(services):
    sim = Simulator()
    sim.control(down=False, delivery="never")
    yield sim
    sim.control(down=False, delivery="normal")


def receipt_link(api, token, code, payment_id=None):
    variables = {"code": code} if payment_id is None else {"code": code, "paymentId": payment_id}
    return api.run("PaymentReceipts", variables, token=token)


def receipt_url(answer) -> str:
    assert answer.errors == [], answer.errors
    files = answer.data["paymentReceipts"]
    assert len(files) == 1, files
    return files[0]["url"]


def pdf_text(url: str) -> str:
    import pypdf

    fetched = httpx2.get(url, timeout=10)
    assert fetched.status_code == 200 and fetched.content.startswith(b"%PDF-")
    assert "bien-lai-BL-" in fetched.headers.get("content-disposition", "")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(fetched.content)).pages)


def test_a_paid_fee_has_its_receipt_as_a_pdf_for_the_applicant_and_the_centers_officers(api, people, simulator):
    citizen, officer = people.citizen(), people.officer(WARD, "processing")
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    assert receipt_link(api, citizen, code, payment["paymentId"]).data["paymentReceipts"] == []  # not paid yet
    assert receipt_link(api, citizen, code).data["paymentReceipts"] == []

    simulator.decide(provider_id(payment))
    receipt = check(api, citizen, code, payment["paymentId"])["payment"]["receipt"]
    text = pdf_text(receipt_url(receipt_link(api, citizen, code, payment["paymentId"])))
    for shown in (
        "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ",
        f"Số: {receipt['number']}",
        receipt["payer"],
        "10.000 đồng",
        "Đăng ký thường trú",
        code,
        receipt["collectingAgency"],
        "ngày 02/03/2026",
        provider_id(payment),
        "Mã giao dịch thanh toán",
        "Người nộp",
    ):
        assert shown in text, shown

    listed = receipt_link(api, officer, code)  # the officer sees the dossier's receipts
    assert listed.data["paymentReceipts"][0]["number"] == receipt["number"]
    assert receipt["number"] in pdf_text(receipt_url(listed))
    assert receipt_link(api, people.other_citizen(), code, payment["paymentId"]).error_codes == ["NOT_FOUND"]
    assert receipt_link(api, people.officer("hcc-01"), code, payment["paymentId"]).error_codes == ["NOT_FOUND"]
    assert receipt_link(api, None, code, payment["paymentId"]).error_codes == ["UNAUTHENTICATED"]
    assert receipt_link(api, citizen, code, "0" * 22).error_codes == ["NOT_FOUND"]
    assert receipt_link(api, citizen, code, "x" * 65).error_codes == ["BAD_USER_INPUT"]
