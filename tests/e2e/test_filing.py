"""Filing a dossier online in a real browser, as a citizen on a phone: sign in, the prefilled identity,
the procedure's form, a receiving center, attachments, the receipt; and what happens when things go
wrong (a double click, a lost answer, a problem only the server sees)."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi, my_dossier_codes, sign_in_url
from tests.support.uploads import minimal_pdf

pytestmark = pytest.mark.browser

BIRTH = "1.001193"
FORM = "#/nop-ho-so/1.001193"
CODE = re.compile(r"^X01\.\d{3}\.00-\d{6}-\d{6,}$")  # the receiving commune's agency code, date, sequence


def fill_birth_registration(page):
    page.fill("#fd-child_full_name", "Nguyễn Minh Khang")
    page.fill("#fd-child_birth_date", "2026-02-20")
    page.select_option("#fd-child_gender", "Nam")
    page.fill("#fd-child_birth_place", "Bệnh viện Phụ sản Hà Nội")
    page.select_option("#fd-child_ethnicity", "Kinh")  # one of the 54 official groups
    page.fill("#fd-child_hometown", "Hà Nội")
    page.fill("#fd-mother_citizen_id", "001195012345")
    page.select_option("#fd-relationship", "Cha")
    page.check("#electronic-0")  # the hospital issued the birth certificate electronically: no file needed


def choose_hoan_kiem_by_area(page):
    page.select_option("#province", "01")
    expect(page.locator("#center-status")).to_contain_text("hãy chọn xã, phường")  # not "no center"
    page.select_option("#commune", label="Phường Hoàn Kiếm")
    center = page.locator("#center-hcc-01-00070")
    expect(center).to_be_enabled()  # asked: it receives birth registration
    expect(page.locator("#center-hcc-01")).to_be_disabled()  # the provincial center does not (a commune procedure)
    center.check()


def start_afresh(page):
    """The sample citizen's last filing of this procedure was submitted by an earlier test: the form says
    so (and links the dossier) until they choose to file a new one."""
    expect(page.locator("#continue, #file-again").first).to_be_visible()
    if page.locator("#file-again").count():
        page.click("#file-again")
        expect(page.locator("#continue")).to_be_visible()


def discard_the_draft(local_server):
    """Drafts live on the server: a test that wants an empty form discards what an earlier one left."""
    token = local_server.issuer.mint_for("citizen")
    assert HttpApi(local_server.base_url).run("DiscardDraft", {"procedureCode": BIRTH}, token=token).errors == []


def open_form_signed_in(page, base_url):
    page.goto(sign_in_url(base_url, "citizen", FORM))
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ trực tuyến")
    start_afresh(page)


def submissions(page):
    """Every SubmitDossier the page sends: its clientRequestId."""
    sent = []
    page.on(
        "request",
        lambda r: (
            sent.append(r.post_data_json["variables"]["input"]["clientRequestId"])
            if r.url.endswith("/graphql") and (r.post_data_json or {}).get("operationName") == "SubmitDossier"
            else None
        ),
    )
    return sent


def test_a_citizen_signs_in_files_birth_registration_and_gets_the_receipt(located_page, local_server):
    discard_the_draft(local_server)
    page, base = located_page, local_server.base_url
    api, token = HttpApi(base), local_server.issuer.mint_for("citizen")
    before = set(my_dossier_codes(api, token))

    page.goto(f"{base}/#/thu-tuc/{BIRTH}")
    page.click("#file-online")  # not signed in: through the identity provider and back to the form
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ trực tuyến")
    assert page.url.endswith(FORM) and "access_token" not in page.url, "the token leaves the address at once"
    expect(page.locator("#signed-in-as")).to_have_text("Nguyễn Văn An (mẫu)")
    start_afresh(page)

    identity = page.locator("#identity")  # prefilled from the national identity, read-only
    for shown in ("Nguyễn Văn An (mẫu)", "001090012345", "17/05/1990", "Số 12 phố Hàng Bạc"):
        expect(identity).to_contain_text(shown)
    assert identity.locator("input, textarea, select").count() == 0
    expect(page.locator("#contact-phone")).to_have_value("0912345678")
    expect(page.locator("label[for=fd-child_full_name]")).to_contain_text("*")

    fill_birth_registration(page)
    page.click("#near-me")
    nearest = page.locator("#center-choices .choice").first
    expect(nearest).to_contain_text("Phường Hoàn Kiếm")
    expect(nearest).to_contain_text("km")
    nearest.locator("input").check()
    page.set_input_files(
        "#files",
        files=[{"name": "giay-chung-sinh.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf(b"sample")}],
    )
    expect(page.locator("#files-list")).to_contain_text("giay-chung-sinh.pdf")
    expect(page.locator("#files-list li").first).to_have_attribute("data-state", "done")  # uploaded and checked
    page.select_option("#files-doc-0", index=2)  # stands for the birth certificate
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    sent = submissions(page)
    page.click("#continue")  # check your answers: nothing is sent yet
    expect(page.locator("h1")).to_have_text("Kiểm tra thông tin trước khi nộp")
    expect(page.locator("#check-answers")).to_contain_text("Nguyễn Minh Khang")
    expect(page.locator("#check-files")).to_contain_text("giay-chung-sinh.pdf")
    assert sent == []
    page.locator("#submit").dblclick()  # an impatient double tap
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ thành công")
    code = page.locator("#receipt-code").inner_text()
    assert CODE.match(code), code
    receipt = page.locator("#receipt")
    for shown in ("Đăng ký khai sinh (1.001193)", "001090012345", "Phường Hoàn Kiếm", "18001096", "giay-chung-sinh"):
        expect(receipt).to_contain_text(shown)
    expect(page.locator("#receipt-secret")).to_have_text(re.compile(r"\S{6,}"))
    expect(page.locator("#receipt-due")).to_have_text(re.compile(r"^\d{2}/\d{2}/\d{4}$"))
    assert page.url.endswith(f"#/ho-so/{code}/bien-nhan")

    after = set(my_dossier_codes(api, token))
    assert after - before == {code}, "one dossier, however many taps"
    assert len(set(sent)) == 1, "every attempt carried the same clientRequestId"
    d = api.run("GetDossier", {"code": code}, token=token).data["dossier"]
    assert d["centerId"] == "hcc-01-00070" and d["channel"] == "ONLINE"
    assert d["formData"]["child_full_name"] == "Nguyễn Minh Khang"
    assert [(a["name"], a["contentType"], a["state"]) for a in d["attachments"]] == [
        ("giay-chung-sinh.pdf", "application/pdf", "clean")
    ]
    assert d["attachments"][0]["documentId"]  # a stored file, not declared metadata

    page.emulate_media(media="print")  # the slip prints without the site's header, footer and buttons
    expect(page.locator(".banner")).to_be_hidden()
    expect(page.locator("#print")).to_be_hidden()
    expect(page.locator("#receipt")).to_be_visible()
    page.emulate_media(media="screen")

    page.reload()  # the receipt is there again, from the server
    expect(page.locator("#receipt-code")).to_have_text(code)


def test_when_the_answer_to_a_submission_is_lost_the_retry_makes_no_second_dossier(page, local_server):
    discard_the_draft(local_server)
    base = local_server.base_url
    api, token = HttpApi(base), local_server.issuer.mint_for("citizen")
    before = set(my_dossier_codes(api, token))
    open_form_signed_in(page, base)
    fill_birth_registration(page)
    choose_hoan_kiem_by_area(page)

    ids = []

    def lose_the_first_answer(route):
        body = route.request.post_data_json or {}
        if body.get("operationName") != "SubmitDossier":
            return route.continue_()
        ids.append(body["variables"]["input"]["clientRequestId"])
        if len(ids) == 1:
            route.fetch()  # the server receives the dossier and files it...
            return route.abort("connectionreset")  # ...but the answer never reaches the phone
        return route.continue_()

    page.route("**/graphql", lose_the_first_answer)
    page.click("#continue")
    page.click("#submit")
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ thành công")
    expect(page.locator("#main")).to_contain_text("không có hồ sơ thứ hai")
    code = page.locator("#receipt-code").inner_text()
    assert len(ids) == 2 and ids[0] == ids[1], ids
    assert set(my_dossier_codes(api, token)) - before == {code}


def test_problems_are_shown_next_to_their_fields_whether_the_browser_or_the_server_finds_them(page, local_server):
    discard_the_draft(local_server)
    base = local_server.base_url
    api, token = HttpApi(base), local_server.issuer.mint_for("citizen")
    before = set(my_dossier_codes(api, token))
    open_form_signed_in(page, base)
    sent = submissions(page)

    page.click("#continue")  # nothing filled: the browser's own checks, nothing sent
    expect(page.locator("#problems")).to_be_focused()
    expect(page.locator("#fd-child_full_name-error")).to_have_text("Bắt buộc phải nhập.")
    expect(page.locator("#center-error")).to_have_text("Vui lòng chọn nơi tiếp nhận hồ sơ.")
    page.fill("#fd-mother_citizen_id", "12345")
    page.locator("#fd-mother_citizen_id").blur()
    expect(page.locator("#fd-mother_citizen_id-error")).to_have_text("Số định danh cá nhân gồm đúng 12 chữ số.")
    assert sent == []

    fill_birth_registration(page)
    choose_hoan_kiem_by_area(page)
    expect(page.locator("#fd-mother_citizen_id-error")).to_be_hidden()

    def as_if_the_checks_were_bypassed(route):
        body = route.request.post_data_json or {}
        if body.get("operationName") == "SubmitDossier":
            body["variables"]["input"]["formData"]["mother_citizen_id"] = "12345"
            return route.continue_(post_data=json.dumps(body))
        return route.continue_()

    page.route("**/graphql", as_if_the_checks_were_bypassed)
    page.click("#continue")
    page.click("#submit")
    error = page.locator("#fd-mother_citizen_id-error")
    expect(error).to_have_text("Số định danh cá nhân của mẹ: phải gồm đúng 12 chữ số.")  # the server's words
    expect(page.locator("#fd-mother_citizen_id")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#problems")).to_contain_text("Số định danh cá nhân của mẹ")
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ trực tuyến")
    assert set(my_dossier_codes(api, token)) == before


def test_the_filing_form_switches_to_english_and_keeps_what_was_typed(page, local_server):
    discard_the_draft(local_server)
    open_form_signed_in(page, local_server.base_url)
    page.fill("#fd-child_full_name", "Nguyễn Minh Khang")
    page.select_option("#fd-child_gender", "Nữ")
    page.select_option("#province", "01")
    expect(page.locator("#commune")).to_be_enabled()

    page.click("#lang")
    expect(page.locator("h1")).to_have_text("File a dossier online")
    expect(page.locator("label[for=fd-child_full_name]")).to_contain_text("Child's full name")
    expect(page.locator("#who")).to_have_text("Applicant")
    expect(page.locator("#continue")).to_have_text("Continue: check your answers")
    expect(page.locator("#fd-child_full_name")).to_have_value("Nguyễn Minh Khang")
    expect(page.locator("#fd-child_gender")).to_have_value("Nữ")
    expect(page.locator("#province")).to_have_value("01")
    assert page.locator("html").get_attribute("lang") == "en"

    page.click("#continue")
    expect(page.locator("#fd-child_birth_date-error")).to_have_text("This is required.")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_short_answers_get_short_boxes_on_a_phone(page, local_server):
    """A date or an ID number in a box as wide as the page reads as a long answer: theirs fit their length."""
    page.goto(sign_in_url(local_server.base_url, "citizen", FORM))
    start_afresh(page)  # whichever test filed before it
    name = page.locator("#fd-child_full_name")
    expect(name).to_be_visible()
    full = name.bounding_box()["width"]
    for short in ("#fd-child_birth_date", "#fd-mother_citizen_id"):
        width = page.locator(short).bounding_box()["width"]
        assert width <= 16 * 16 < full, (short, width, full)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
