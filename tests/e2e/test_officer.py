"""The officer's workspace in a real browser: the center's queue, most urgent first, and a dossier's
steps; refusals from the server (a dossier changed meanwhile) are shown as the server words them."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi, act, file_birth_registration, sign_in_url
from tests.support.uploads import minimal_pdf

pytestmark = pytest.mark.browser

CENTER = "hcc-01-00136"  # Phường Phúc Lợi


@pytest.fixture
def parties(local_server):
    issuer = local_server.issuer
    return HttpApi(local_server.base_url), issuer.mint_for("citizen"), issuer.mint_for("officer", center_id=CENTER)


def test_an_officer_works_through_the_queue_and_starts_processing(page, local_server, parties):
    api, citizen, _ = parties
    first = file_birth_registration(api, citizen, CENTER)["code"]
    second = file_birth_registration(api, citizen, CENTER)["code"]

    page.goto(sign_in_url(local_server.base_url, "officer", "#/can-bo", center=CENTER))
    expect(page.locator("h1")).to_have_text("Không gian làm việc của cán bộ")
    expect(page.locator("#officer-of")).to_contain_text("Phường Phúc Lợi")  # the center's name, not its id
    expect(page.locator("#nav-officer")).to_be_visible()
    expect(page.locator("#queue-status")).to_have_value("NOW")  # needs me now: new, supplemented, due soon
    expect(page.locator("#queue li", has_text=first)).to_be_visible()
    codes = page.locator("#queue li .mono").all_inner_texts()
    assert codes.index(first) < codes.index(second), "same appointment date: in order of arrival"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.locator("#queue li", has_text=first).locator("a").click()
    expect(page.locator("#status")).to_have_text("Đã tiếp nhận")
    expect(page.locator("#form-data")).to_contain_text("Họ, chữ đệm và tên trẻ")
    page.click("#do-request_supplement")  # a supplement request needs its list
    expect(page.locator("#asked-error")).to_contain_text("Chọn ít nhất một giấy tờ")
    page.click("#do-start_processing")
    expect(page.locator("#officer-feedback")).to_contain_text("Đã thực hiện: Bắt đầu xử lý.")
    expect(page.locator("#status")).to_have_text("Đang xử lý")
    assert api.run("GetDossier", {"code": first}, token=citizen).data["dossier"]["status"] == "PROCESSING"

    page.set_input_files(
        "#result-file",
        files=[{"name": "trich-luc.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf(b"result")}],
    )
    expect(page.locator("#result-file-list li")).to_have_attribute("data-state", "done")  # uploaded, checked, sealed
    page.click("#do-mark_result_ready")
    expect(page.locator("#status")).to_have_text("Có kết quả")
    expect(page.locator("#result")).to_contain_text("trich-luc.pdf")

    page.click("text=← Danh sách hồ sơ")
    page.select_option("#queue-status", "RESULT_READY")
    expect(page.locator("#queue li", has_text=first)).to_be_visible()
    expect(page.locator("#queue li", has_text=second)).to_have_count(0)


def test_a_supplement_request_ticks_the_procedures_documents_and_cites_the_basis_of_anything_else(
    page, local_server, parties
):
    api, citizen, _ = parties
    code = file_birth_registration(api, citizen, CENTER)["code"]
    page.goto(sign_in_url(local_server.base_url, "officer", f"#/can-bo/ho-so/{code}", center=CENTER))
    expect(page.locator("#asked-documents")).to_contain_text("Giấy chứng sinh")  # the catalog's list, to tick
    page.locator("#asked-documents label", has_text="Giấy chứng sinh").click()
    page.click("#add-other")
    expect(page.locator("#other-what-1")).to_be_focused()
    page.fill("#other-what-1", "Ảnh chân dung 4x6")
    page.click("#do-request_supplement")
    expect(page.locator("#other-basis-1-error")).to_have_text("Nêu căn cứ pháp lý cho phép yêu cầu nội dung này.")
    expect(page.locator("#other-basis-1")).to_be_focused()

    page.fill("#other-basis-1", "theo quy định")  # names no act: the server refuses it, on its row
    page.click("#do-request_supplement")
    expect(page.locator("#other-basis-1-error")).to_contain_text("Căn cứ pháp lý phải nêu văn bản")
    expect(page.locator("#other-basis-1")).to_be_focused()
    expect(page.locator("#officer-feedback")).to_contain_text("Yêu cầu bổ sung chưa hợp lệ.")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.fill("#other-basis-1", "Điều 9 Nghị định 123/2015/NĐ-CP")
    page.fill("#note-request_supplement", "Bản chụp rõ nét")
    page.click("#do-request_supplement")
    expect(page.locator("#status")).to_have_text("Yêu cầu bổ sung")
    expect(page.locator("#timeline")).to_contain_text("Ảnh chân dung 4x6")
    last = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["timeline"][-1]
    assert [(x["what"][:15], x["legalBasis"]) for x in last["supplementItems"]] == [
        ("Giấy chứng sinh", ""),
        ("Ảnh chân dung 4", "Điều 9 Nghị định 123/2015/NĐ-CP"),
    ]
    assert last["note"] == "Bản chụp rõ nét"


def test_a_step_refused_by_the_server_is_shown_in_its_words(page, local_server, parties):
    api, citizen, officer = parties
    code = file_birth_registration(api, citizen, CENTER)["code"]
    page.goto(sign_in_url(local_server.base_url, "officer", f"#/can-bo/ho-so/{code}", center=CENTER))
    expect(page.locator("#status")).to_have_text("Đã tiếp nhận")

    act(api, officer, code, "START_PROCESSING")  # a colleague got there first
    page.click("#do-start_processing")
    feedback = page.locator("#officer-feedback")
    expect(feedback).to_contain_text("Không thực hiện được:")
    expect(feedback).to_contain_text("Không thể thực hiện «start_processing» khi hồ sơ đang ở trạng thái «processing»")
    expect(feedback.locator("[role=alert]")).to_be_focused()


def test_a_citizen_is_not_let_into_the_workspace(page, local_server):
    page.goto(sign_in_url(local_server.base_url, "citizen", "#/can-bo"))
    expect(page.locator("#main")).to_contain_text("Chức năng này dành cho cán bộ Trung tâm")
