"""Paying a fee on a phone: from the dossier to the provider's page (the local simulator), approve, back to
the portal, which asks the provider and shows the electronic receipt; the notification lands too."""

import re
import time
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi, sign_in_url, vietnamese_in_monospace
from tests.support import journeys
from tests.support.payments import WARD, Simulator, provider_id, residence_procedure

pytestmark = pytest.mark.browser


def test_a_citizen_pays_a_fee_on_a_phone_through_the_providers_page(page, local_server):
    api = HttpApi(local_server.base_url)
    token = local_server.issuer.mint_for("citizen")
    code = journeys.submit(api, token, WARD, procedure=residence_procedure())["code"]

    page.goto(sign_in_url(local_server.base_url, "citizen", f"#/ho-so/{code}"))
    expect(page.locator("#fee-notice")).to_contain_text("10.000")
    assert vietnamese_in_monospace(page) == []
    page.click("#go-pay")
    expect(page.locator("#fee-amount")).to_have_text("10.000 đồng")
    expect(page.locator("#fee-status")).to_have_text("Chưa thanh toán")
    expect(page.locator("#main .mono", has_text=code)).to_have_text(code)  # the code alone in monospace
    assert vietnamese_in_monospace(page) == []
    delivered = Simulator().control()["delivered"]
    page.click("#pay")

    page.wait_for_url(re.compile(r"/pay/sim_[0-9a-f]+$"))  # the provider's own page (another origin)
    expect(page.locator("#amount")).to_have_text("10.000 VND")
    page.click("#approve")

    page.wait_for_url(re.compile(rf"#/thanh-toan/{re.escape(code)}/\d{{14}}[0-9a-f]{{8}}$"))
    expect(page.locator("#pay-result")).to_contain_text("Thanh toán thành công")
    expect(page.locator("#receipt-amount")).to_have_text("10.000 đồng")
    expect(page.locator("#receipt-number")).to_have_text(re.compile(r"^BL-\d{14}[0-9a-f]{8}$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scroll
    with page.expect_download() as receipt:  # the electronic receipt as a PDF
        page.click("text=Tải biên lai (PDF)")
    assert receipt.value.suggested_filename.startswith("bien-lai-BL-")
    assert receipt.value.path().read_bytes().startswith(b"%PDF-")

    page.click("text=← Về hồ sơ")
    expect(page.locator("#timeline")).to_contain_text("Đã thanh toán")
    expect(page.locator("#fee-notice")).to_be_hidden()
    # The provider's notifications (submitted, success) reached /payments/notify too and changed nothing more.
    deadline = time.monotonic() + 10
    while Simulator().control()["delivered"] < delivered + 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert Simulator().control()["delivered"] >= delivered + 2
    timeline = api.run("GetDossier", {"code": code}, token=token).data["dossier"]["timeline"]
    assert [e["action"] for e in timeline].count("payment_success") == 1
    receipts = api.run("MyReceipts", token=token).data["myReceipts"]
    assert any(r["dossierCode"] == code for r in receipts)


def test_a_lead_sees_the_payment_and_refunds_a_dossier_refused_at_reception(new_page, local_server):
    api = HttpApi(local_server.base_url)
    citizen = local_server.issuer.mint_for("citizen")
    lead = local_server.issuer.mint_for("officer", center_id=WARD)
    code = journeys.submit(api, citizen, WARD, procedure=residence_procedure())["code"]
    r = api.run("StartPayment", {"input": {"code": code, "idempotencyKey": uuid.uuid4().hex}}, token=citizen)
    payment = r.data["startPayment"]["payment"]
    assert Simulator().decide(provider_id(payment)) == 303
    api.run("CheckPayment", {"input": {"code": code, "paymentId": payment["paymentId"]}}, token=citizen)
    journeys.act(api, lead, code, "REJECT", note="Không thuộc thẩm quyền (mẫu)")

    page = new_page()
    page.goto(sign_in_url(local_server.base_url, "officer", f"#/can-bo/ho-so/{code}", center=WARD))
    section = page.locator("#officer-payments")
    expect(section).to_contain_text("Thành công")
    expect(section).to_contain_text("BL-")
    with page.expect_download() as receipt:  # the officer downloads the receipt too
        page.click(f"#receipt-pdf-{payment['paymentId']}")
    assert receipt.value.path().read_bytes().startswith(b"%PDF-")
    page.select_option(f"#refund-reason-{payment['paymentId']}", "REFUSED_AT_RECEPTION")
    page.fill(f"#refund-note-{payment['paymentId']}", "Hồ sơ bị từ chối tiếp nhận")
    page.click("#officer-payments button.danger")
    expect(page.locator("#officer-fee")).to_contain_text("Đã hoàn tiền")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_fee_exemption_is_offered_at_filing_and_the_officer_accepts_it(page, new_page, local_server):
    from tests.e2e.test_accessibility import axe_problems
    from tests.support.catalog import catalog_procedure
    from tests.support.uploads import PDF, upload

    procedure = catalog_procedure("2.001263")  # 400.000 đồng, published exemptions
    api = HttpApi(local_server.base_url)
    citizen = local_server.issuer.mint_for("citizen")
    page.goto(sign_in_url(local_server.base_url, "citizen", f"#/nop-ho-so/{procedure.code}"))
    fieldset = page.locator("#exemption")
    expect(fieldset).to_contain_text("Cha dượng hoặc mẹ kế nhận con riêng")
    expect(page.locator("#exemption-proof-box")).to_be_hidden()
    page.check("#exemption-cha-duong-me-ke")
    expect(page.locator("#exemption-proof-box")).to_be_visible()
    expect(page.locator("#exemption-proof-what")).to_contain_text("Giấy tờ chứng minh")
    page.set_input_files(  # the proof goes up through the portal's upload path, like any document
        "#exemption-proof", files=[{"name": "hop-dong.pdf", "mimeType": "application/pdf", "buffer": PDF + b"proof"}]
    )
    expect(page.locator("#exemption-proof-list li").nth(0)).to_have_attribute("data-state", "done")
    assert axe_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    proof = upload(api, citizen, PDF + uuid.uuid4().bytes, procedureCode=procedure.code, fileName="hop-dong.pdf")
    code = journeys.submit(
        api,
        citizen,
        WARD,
        procedure=procedure,
        exemption={"code": "cha-duong-me-ke", "proofDocumentId": proof["id"]},
    )["code"]
    page.goto(sign_in_url(local_server.base_url, "citizen", f"#/ho-so/{code}"))
    expect(page.locator("#exemption-pending")).to_contain_text("chờ cán bộ xem xét")

    officer = new_page()
    officer.goto(sign_in_url(local_server.base_url, "officer", f"#/can-bo/ho-so/{code}", center=WARD))
    expect(officer.locator("#exemption-request")).to_contain_text("Chờ cán bộ xem xét")
    officer.click("#exemption-accept")
    expect(officer.locator("#officer-fee")).to_contain_text("Không phải nộp")
    expect(officer.locator("#exemption-request")).to_contain_text("Đã chấp nhận")
    assert axe_problems(officer) == []
