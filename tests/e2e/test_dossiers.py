"""After filing: the citizen follows their dossiers, answers a supplement request, withdraws, and rates
the electronic result; the officer's steps are taken through the API, as from the officer's own desk."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi, act, file_birth_registration, sign_in_url
from tests.support.journeys import asking_for

pytestmark = pytest.mark.browser

CENTER = "hcc-01-00097"  # Phường Hồng Hà
RESULT = {"name": "trich-luc-khai-sinh.pdf", "contentType": "application/pdf", "sizeBytes": 48213}


@pytest.fixture
def parties(local_server):
    issuer = local_server.issuer
    return HttpApi(local_server.base_url), issuer.mint_for("citizen"), issuer.mint_for("officer", center_id=CENTER)


def test_my_dossiers_lead_to_the_dossier_and_its_result_which_the_citizen_rates(page, local_server, parties):
    api, citizen, officer = parties
    code = file_birth_registration(api, citizen, CENTER)["code"]
    act(api, officer, code, "START_PROCESSING")
    act(api, officer, code, "MARK_RESULT_READY", result=RESULT)
    act(api, officer, code, "RETURN_RESULT")

    page.goto(sign_in_url(local_server.base_url, "citizen", "#/ho-so-cua-toi"))
    expect(page.locator("h1")).to_have_text("Hồ sơ của tôi")
    card = page.locator("#dossiers li", has_text=code)
    expect(card).to_contain_text("Đã trả kết quả")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    card.locator("a").click()

    expect(page.locator("h1")).to_have_text("Đăng ký khai sinh")
    expect(page.locator("#status")).to_have_text("Đã trả kết quả")
    expect(page.locator("#result")).to_contain_text("trich-luc-khai-sinh.pdf")
    expect(page.locator("#timeline li")).to_have_count(4)
    expect(page.locator("#timeline")).to_contain_text("Bắt đầu xử lý")
    expect(page.locator("#due")).to_contain_text("Đúng hạn")
    expect(page.locator("#withdraw")).to_have_count(0)  # finished: nothing to withdraw

    page.click("#rating button[type=submit]")  # no score chosen yet
    expect(page.locator("#rating-error")).to_have_text("Vui lòng chọn một mức từ 1 đến 5.")
    page.check("#score-5")
    page.fill("#rating-comment", "Nhanh, không phải đi lại")
    page.click("#rating button[type=submit]")
    expect(page.locator("#feedback")).to_contain_text("Cảm ơn bạn đã đánh giá.")
    expect(page.locator("#rated")).to_contain_text("5/5")
    rating = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["rating"]
    assert (rating["score"], rating["comment"]) == (5, "Nhanh, không phải đi lại")


def test_the_citizen_sees_what_to_supplement_and_says_it_is_done(page, local_server, parties):
    api, citizen, officer = parties
    code = file_birth_registration(api, citizen, CENTER)["code"]
    basis = "Điều 9 Nghị định 123/2015/NĐ-CP"
    asked = asking_for("Giấy chứng sinh", others=(("Ảnh chân dung 4x6", basis),))
    act(api, officer, code, "REQUEST_SUPPLEMENT", note="Bản sao có chứng thực", supplement=asked)

    page.goto(sign_in_url(local_server.base_url, "citizen", f"#/ho-so/{code}"))
    expect(page.locator("#status")).to_have_text("Yêu cầu bổ sung")
    items = page.locator("#supplement-items li")  # exactly what is asked, the basis of what is off the list
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("Giấy chứng sinh; nếu không có")
    expect(items.nth(1)).to_contain_text("Ảnh chân dung 4x6")
    expect(items.nth(1)).to_contain_text(f"căn cứ: {basis}")
    expect(page.locator("#supplement-note")).to_have_text("Bản sao có chứng thực")
    page.fill("#supplement-text", "Đã gửi bản sao qua bưu điện")
    page.click("#provide-supplement")
    expect(page.locator("#feedback")).to_contain_text("Đã báo Trung tâm")
    expect(page.locator("#status")).to_have_text("Đang xử lý")
    expect(page.locator("#supplement")).to_have_count(0)
    last = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["timeline"][-1]
    note = "Đã gửi bản sao qua bưu điện"
    assert (last["action"], last["actor"], last["note"]) == ("provide_supplement", "APPLICANT", note)


def test_withdrawing_asks_for_confirmation_first(page, local_server, parties):
    api, citizen, _ = parties
    code = file_birth_registration(api, citizen, CENTER)["code"]
    page.goto(sign_in_url(local_server.base_url, "citizen", f"#/ho-so/{code}"))
    expect(page.locator("#status")).to_have_text("Đã tiếp nhận")

    page.click("#withdraw")
    expect(page.locator("dialog")).to_contain_text(code)
    page.keyboard.press("Escape")  # changed my mind
    expect(page.locator("dialog")).to_have_count(0)
    expect(page.locator("#status")).to_have_text("Đã tiếp nhận")

    page.click("#withdraw")
    page.click("#confirm-yes")
    expect(page.locator("#status")).to_have_text("Đã rút")
    expect(page.locator("#feedback")).to_contain_text("Hồ sơ đã được rút.")
    assert api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["status"] == "WITHDRAWN"
