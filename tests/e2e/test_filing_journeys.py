"""The filing journeys of issue 16 in a real browser: a draft saved as typed and resumed in another
browser after sign-in (same clientRequestId); nonsense refused next to its field; check your answers,
then one dossier however often one taps or goes Back."""

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import HttpApi, my_dossier_codes, sign_in_url
from tests.e2e.test_filing import (
    FORM,
    choose_hoan_kiem_by_area,
    discard_the_draft,
    fill_birth_registration,
    open_form_signed_in,
)

pytestmark = pytest.mark.browser


def test_a_draft_resumes_in_a_new_browser_and_nonsense_is_refused_then_one_dossier_is_filed(new_page, local_server):
    base = local_server.base_url
    api, token = HttpApi(base), local_server.issuer.mint_for("citizen")
    discard_the_draft(local_server)
    first = new_page()
    open_form_signed_in(first, base)
    first.fill("#fd-child_full_name", "x")
    first.fill("#fd-child_birth_date", "2031-01-01")
    first.fill("#fd-child_hometown", "-")
    first.fill("#fd-mother_citizen_id", "001090012345")  # the applicant's own number, a man's
    first.select_option("#fd-relationship", "Mẹ")  # the applicant is a man
    first.fill("#fd-birth_copies", "-2.5")
    first.click("#continue")
    expect(first.locator("#problems")).to_be_focused()
    for field, says in {
        "child_full_name": "Ghi đủ họ và tên",
        "child_birth_date": "Không được sau ngày hôm nay",
        "child_hometown": "tỉnh/thành phố",
        "mother_citizen_id": "người nam",
        "relationship": "không khớp với giới tính nam",
        "birth_copies": "Không được là số âm",
    }.items():
        expect(first.locator(f"#fd-{field}-error")).to_contain_text(says)
    first.fill("#fd-child_full_name", "Nguyễn Minh Khang")
    expect(first.locator("#draft-status")).to_contain_text("Đã lưu bản nháp", timeout=15_000)  # autosaved

    second = new_page()  # another device: signs in, finds the draft in "Hồ sơ của tôi"
    second.goto(sign_in_url(base, "citizen", "#/ho-so-cua-toi"))
    expect(second.locator("#drafts")).to_contain_text("Nguyễn Minh Khang")
    expect(second.locator("#drafts")).to_contain_text("Xoá tự động ngày")
    second.locator("#drafts a").first.click()
    expect(second.locator("#fd-child_full_name")).to_have_value("Nguyễn Minh Khang")
    request_id = api.run("GetDraft", {"procedureCode": "1.001193"}, token=token).data["draft"]["clientRequestId"]

    fill_birth_registration(second)
    second.fill("#fd-birth_copies", "")
    choose_hoan_kiem_by_area(second)
    second.locator("#fd-child_full_name").press("Enter")  # Enter moves nothing
    expect(second.locator("#continue")).to_be_visible()
    sent = []
    second.on(
        "request",
        lambda r: (
            sent.append(r.post_data_json["variables"]["input"]["clientRequestId"])
            if (r.post_data_json or {}).get("operationName") == "SubmitDossier"
            else None
        ),
    )
    before = set(my_dossier_codes(api, token))
    second.click("#continue")
    expect(second.locator("h1")).to_have_text("Kiểm tra thông tin trước khi nộp")
    second.locator("#check-answers [data-change='formData.child_hometown']").click()  # change one answer
    expect(second.locator("#fd-child_hometown")).to_be_focused()
    second.fill("#fd-child_hometown", "Phường Hoàn Kiếm, Thành phố Hà Nội")
    second.click("#continue")
    expect(second.locator("#check-answers")).to_contain_text("Phường Hoàn Kiếm, Thành phố Hà Nội")
    second.locator("#submit").dblclick()
    expect(second.locator("h1")).to_have_text("Nộp hồ sơ thành công")
    expect(second.locator("#receipt-subject")).to_have_text("Nguyễn Minh Khang")
    expect(second.locator("#next-steps")).to_be_visible()
    code = second.locator("#receipt-code").inner_text()
    assert set(sent) == {request_id}, "the draft's clientRequestId, from the first device"

    second.go_back()  # Back after submitting: the dossier, not a fresh form
    expect(second.locator("#view-filed")).to_have_attribute("href", f"#/ho-so/{code}")
    assert second.url.endswith(FORM)
    assert set(my_dossier_codes(api, token)) - before == {code}

    second.click("#view-filed")
    expect(second.locator("#dossier-subject")).to_have_text("Nguyễn Minh Khang")
    expect(second.locator("#filed-answers")).to_contain_text("Phường Hoàn Kiếm, Thành phố Hà Nội")
