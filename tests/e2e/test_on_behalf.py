"""Issue 18 in a real browser on a phone (390x844): a citizen files for someone else as their authorized
person (their identity typed, the authorization attached through the ordinary upload); the principal then
finds the dossier in "Hồ sơ của tôi", the filer in their own list, and the officer sees who filed it.
Reception records a dossier that came by post with its postmark."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi, my_dossier_codes, sign_in_url
from tests.e2e.test_accessibility import axe_problems
from tests.e2e.test_filing import (
    choose_hoan_kiem_by_area,
    discard_the_draft,
    fill_birth_registration,
    open_form_signed_in,
)
from tests.support.uploads import minimal_pdf

pytestmark = pytest.mark.browser


def vietnam_today():
    from datetime import datetime

    from portal.clock import VIETNAM

    return datetime.now(VIETNAM).date()


PRINCIPAL = {"pid": "001088034567", "name": "Trần Văn Bình (mẫu)", "sub": "sample-principal-e2e"}


def test_a_citizen_files_for_someone_else_who_then_follows_the_dossier_as_does_the_officer(new_page, local_server):
    base, api = local_server.base_url, HttpApi(local_server.base_url)
    discard_the_draft(local_server)
    page = new_page()
    open_form_signed_in(page, base)
    page.check("#on-behalf")
    expect(page.locator("#on-behalf-fields")).to_be_visible()
    page.fill("#ob-idNumber", "001090012345")  # one's own number is refused next to the field
    page.locator("#ob-idNumber").blur()
    expect(page.locator("#ob-idNumber-error")).to_contain_text("số định danh của bạn")
    page.fill("#ob-idNumber", PRINCIPAL["pid"])
    page.fill("#ob-fullName", PRINCIPAL["name"])
    page.fill("#ob-dateOfBirth", "1988-04-02")
    fill_birth_registration(page)
    choose_hoan_kiem_by_area(page)
    page.click("#continue")  # no authorization attached yet: said, and nothing sent
    expect(page.locator("#problems")).to_contain_text("Giấy ủy quyền")
    page.set_input_files(
        "#files",
        files=[{"name": "giay-uy-quyen.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf(b"uy quyen")}],
    )
    expect(page.locator("#files-list li").first).to_have_attribute("data-state", "done")
    page.select_option("#files-doc-0", "Giấy ủy quyền")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_problems(page) == []
    page.click("#continue")
    expect(page.locator("h1")).to_have_text("Kiểm tra thông tin trước khi nộp")
    expect(page.locator("#check-on-behalf")).to_contain_text(PRINCIPAL["name"])
    expect(page.locator("#check-on-behalf")).to_contain_text(PRINCIPAL["pid"])
    page.click("#submit")
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ thành công")
    code = page.locator("#receipt-code").inner_text()

    principal = local_server.issuer.mint(
        {**PRINCIPAL, "birthdate": "1988-04-02", "address": {"formatted": "Phường Ba Đình, Thành phố Hà Nội"}}
    )
    assert code in my_dossier_codes(api, principal)  # the principal's "Hồ sơ của tôi"
    page.goto(f"{base}/#/ho-so-cua-toi")
    expect(page.locator("#filed-on-behalf")).to_contain_text(code)
    expect(page.locator("#filed-on-behalf")).to_contain_text(f"Nộp thay cho {PRINCIPAL['name']}")
    page.goto(f"{base}/#/ho-so/{code}")
    expect(page.locator("#filed-by")).to_contain_text("Nộp bởi người được ủy quyền: Nguyễn Văn An (mẫu)")

    officer = new_page()
    officer.goto(sign_in_url(base, "officer", f"#/can-bo/ho-so/{code}", center="hcc-01-00070"))
    expect(officer.locator("#filed-by")).to_have_text(
        "Nộp bởi người được ủy quyền: Nguyễn Văn An (mẫu) (số định danh 001090012345)"
    )


def test_reception_records_a_dossier_that_came_by_post_with_its_postmark(new_page, local_server):
    page = new_page()
    page.goto(sign_in_url(local_server.base_url, "officer", "#/can-bo/tiep-nhan", center="hcc-01-00070"))
    expect(page.locator("h1")).to_have_text("Tiếp nhận hồ sơ tại quầy")
    expect(page.locator("#rc-fd-child_full_name")).to_be_visible()  # the procedure's form, loaded
    page.select_option("#rc-channel", "POST")
    expect(page.locator("#rc-postmark")).to_be_visible()
    page.fill("#rc-id", PRINCIPAL["pid"])
    page.fill("#rc-name", PRINCIPAL["name"])
    page.fill("#rc-fd-child_full_name", "Trần Minh Châu")
    page.fill("#rc-fd-child_birth_date", "2026-02-20")
    page.select_option("#rc-fd-child_gender", "Nữ")
    page.fill("#rc-fd-child_birth_place", "Bệnh viện Phụ sản Hà Nội")
    page.fill("#rc-fd-child_ethnicity", "Kinh")
    page.fill("#rc-fd-child_hometown", "Hà Nội")
    page.fill("#rc-fd-mother_citizen_id", "001195012345")
    page.select_option("#rc-fd-relationship", "Cha")
    page.click("#receive")  # no postmark: the server says so
    expect(page.locator("#reception-problems")).to_contain_text("dấu bưu điện")
    assert axe_problems(page) == []
    posted = vietnam_today() - timedelta(days=5)  # the browser tests run on the real clock
    page.fill("#rc-postmark", posted.isoformat())
    page.click("#receive")
    expect(page.locator("#postmark")).to_have_text(f"Nhận qua bưu chính — dấu bưu điện ngày {posted:%d/%m/%Y}")
    expect(page.locator("#desk-scan")).to_be_visible()  # the papers of a postal dossier are digitized too
