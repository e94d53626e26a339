"""Uploading files for real from a phone-sized page: a camera photo (JPEG) and a PDF go to storage with
progress, a file whose upload fails is retried, a renamed program is refused on its content, and the
dossier carries the stored documents the officer can open."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi
from tests.e2e.test_filing import (
    choose_hoan_kiem_by_area,
    discard_the_draft,
    fill_birth_registration,
    open_form_signed_in,
)
from tests.support.uploads import EXECUTABLE, JPEG, PDF

pytestmark = pytest.mark.browser


def test_a_citizen_uploads_a_camera_photo_retries_a_failed_file_and_files_with_them(page, local_server):
    base = local_server.base_url
    discard_the_draft(local_server)  # an earlier test's draft (its files kept by id) would come back
    open_form_signed_in(page, base)
    fill_birth_registration(page)
    choose_hoan_kiem_by_area(page)

    failures = {"left": 1}

    def flaky(route):  # the first post to storage is lost (a dropped mobile connection)
        if failures["left"]:
            failures["left"] -= 1
            route.abort()
        else:
            route.continue_()

    page.route("**/storage", flaky)
    page.set_input_files("#files", files=[{"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": JPEG}])
    first = page.locator("#files-list li").nth(0)
    expect(first).to_have_attribute("data-state", "failed")
    first.get_by_role("button", name="Thử lại").click()
    expect(first).to_have_attribute("data-state", "done")
    expect(first).to_contain_text("Đã tải lên")

    page.set_input_files(
        "#files",
        files=[
            {"name": "to-khai.pdf", "mimeType": "application/pdf", "buffer": PDF + b"to khai"},
            {"name": "giay-to.pdf", "mimeType": "application/pdf", "buffer": EXECUTABLE},  # a renamed program
        ],
    )
    expect(page.locator("#files-list li").nth(1)).to_have_attribute("data-state", "done")
    renamed = page.locator("#files-list li").nth(2)
    expect(renamed).to_have_attribute("data-state", "rejected")
    expect(renamed).to_contain_text("không phải PDF")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.click("#continue")  # a rejected file stops the filing (before the check page) until it is removed
    expect(page.locator("#problems")).to_be_visible()
    renamed.get_by_role("button", name="Bỏ").click()
    page.click("#continue")  # check your answers, then submit from there
    page.click("#submit")
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ thành công")
    code = page.locator("#receipt-code").inner_text()

    api = HttpApi(base)
    officer = local_server.issuer.mint_for("officer", center_id="hcc-01-00070")
    d = api.run("GetDossier", {"code": code}, token=officer).data["dossier"]
    assert [(a["name"], a["contentType"], a["state"]) for a in d["attachments"]] == [
        ("IMG_0001.jpg", "image/jpeg", "clean"),
        ("to-khai.pdf", "application/pdf", "clean"),
    ]
    link = api.run(
        "DocumentDownload", {"documentId": d["attachments"][0]["documentId"], "dossierCode": code}, token=officer
    )
    assert link.errors == [] and link.data["documentDownload"]["url"]


def test_anyone_verifies_an_electronic_result_on_the_page_its_qr_code_opens(page, local_server):
    from tests.support.journeys import submit
    from tests.support.uploads import upload

    base, issuer = local_server.base_url, local_server.issuer
    api = HttpApi(base)
    center = "hcc-01-00070"
    citizen, processing = issuer.mint_for("citizen"), issuer.mint_for("officer", center_id=center)  # a lead
    code = submit(api, citizen, center)["code"]
    api.run("ActOnDossier", {"input": {"code": code, "action": "START_PROCESSING"}}, token=processing)
    result = PDF + b"ket qua dien tu"
    upload(api, processing, result, purpose="RESULT", dossierCode=code, fileName="ket-qua.pdf")
    verification = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["result"]["verificationCode"]

    page.goto(f"{base}/#/xac-thuc/{verification}")  # not signed in
    expect(page.locator("h1")).to_have_text("Xác thực kết quả điện tử")
    expect(page.locator("#verdict")).to_have_attribute("data-verdict", "issued")
    page.set_input_files(
        "#verify-file", files=[{"name": "ket-qua.pdf", "mimeType": "application/pdf", "buffer": result}]
    )
    expect(page.locator("#verdict")).to_have_attribute("data-verdict", "genuine")
    altered = result + b" sua"
    page.set_input_files(
        "#verify-file", files=[{"name": "ket-qua.pdf", "mimeType": "application/pdf", "buffer": altered}]
    )
    expect(page.locator("#verdict")).to_have_attribute("data-verdict", "different")
    assert "001090012345" not in page.content() and "Nguyễn Văn An" not in page.content()  # nothing personal


def test_the_officer_opens_a_file_and_the_citizen_downloads_the_receipt_pdf(page, local_server):
    from tests.e2e.helpers import sign_in_url
    from tests.support.journeys import submit
    from tests.support.uploads import upload

    base, issuer = local_server.base_url, local_server.issuer
    api = HttpApi(base)
    center = "hcc-01-00070"
    citizen = issuer.mint_for("citizen")
    document = upload(api, citizen, PDF + b"mo tep", procedureCode="1.001193", fileName="giay-chung-sinh.pdf")
    code = submit(api, citizen, center, documents=[{"documentId": document["id"]}])["code"]

    page.goto(sign_in_url(base, "officer", f"#/can-bo/ho-so/{code}", center))
    with page.expect_download() as opened:
        page.click(f"#open-{document['id']}")
    assert opened.value.suggested_filename == "giay-chung-sinh.pdf"
    trail = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["accessLog"]
    assert [r["actor"] for r in trail] == ["OFFICER"]  # the opening is on the audit trail

    page.goto(sign_in_url(base, "citizen", f"#/ho-so/{code}"))
    with page.expect_download() as receipt:
        page.click("#slip-receipt")
    assert receipt.value.suggested_filename == f"receipt-{code}.pdf"
    assert receipt.value.path().read_bytes().startswith(b"%PDF-")


def test_reception_digitizes_the_papers_of_a_walk_in_dossier_from_the_desk_page(page, local_server):
    import uuid

    from portal.dossiers.files import required_documents
    from tests.e2e.helpers import sign_in_url
    from tests.support.factories import form_for
    from tests.support.journeys import birth_procedure

    base, issuer = local_server.base_url, local_server.issuer
    api, center, birth = HttpApi(base), "hcc-01-00070", birth_procedure()
    reception = issuer.mint_for("officer", center_id=center, center_role="reception")
    walk_in = {
        "clientRequestId": uuid.uuid4().hex,
        "procedureCode": birth.code,
        "centerId": center,
        "formData": form_for(birth),
        "applicant": {"idNumber": "001090004322", "fullName": "Người nộp tại quầy (mẫu)"},
    }
    code = api.run("ReceiveDossier", {"input": walk_in}, token=reception).data["receiveDossier"]["dossier"]["code"]

    page.goto(sign_in_url(base, "officer", f"#/can-bo/ho-so/{code}", center))
    expect(page.locator("#desk-scan")).to_be_visible()
    for i, slot in enumerate(required_documents([d.name for d in birth.documents])):
        page.select_option("#scan-slot", slot)
        page.set_input_files(
            "#scan", files=[{"name": f"scan-{i}.pdf", "mimeType": "application/pdf", "buffer": PDF + f"{i}".encode()}]
        )
        expect(page.locator("#officer-feedback")).to_contain_text("Đã số hóa")
        expect(page.get_by_text(f"scan-{i}.pdf")).to_be_visible()
    expect(page.locator("#digitized")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_citizen_uploads_what_a_supplement_request_asks_for(page, local_server):
    from tests.e2e.helpers import sign_in_url
    from tests.support.journeys import act, asking_for, submit

    base, issuer = local_server.base_url, local_server.issuer
    api, center = HttpApi(base), "hcc-01-00070"
    citizen, officer = issuer.mint_for("citizen"), issuer.mint_for("officer", center_id=center)
    code = submit(api, citizen, center)["code"]
    act(api, officer, code, "REQUEST_SUPPLEMENT", note="Có chứng thực", supplement=asking_for("Giấy chứng sinh"))

    page.goto(sign_in_url(base, "citizen", f"#/ho-so/{code}"))
    page.set_input_files(
        "#supplement-files", files=[{"name": "ban-sao.pdf", "mimeType": "application/pdf", "buffer": PDF + b"bs"}]
    )
    expect(page.locator("#supplement-files-list li").first).to_have_attribute("data-state", "done")
    page.fill("#supplement-text", "Đã tải bản sao lên")
    page.click("#provide-supplement")
    expect(page.locator("#status")).to_have_text("Đang xử lý")
    d = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]
    assert [(a["name"], a["state"]) for a in d["attachments"]] == [("ban-sao.pdf", "clean")]
    assert [e["actor"] for e in d["timeline"] if e["action"] == "attach_document"] == ["APPLICANT"]
