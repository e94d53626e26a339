"""Feedback in a real browser: from their dossier's page a citizen reports, in one tap, documents demanded
beyond the catalog; the center answers; the published answer shows on the feedback page, without the
reporter's words or the dossier's code."""

import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import HttpApi, file_birth_registration, sign_in_url

pytestmark = pytest.mark.browser

CENTER = "hcc-01-00136"  # Phường Phúc Lợi


def test_a_citizen_reports_from_the_dossier_page_and_sees_the_published_answer(page, local_server):
    issuer = local_server.issuer
    api = HttpApi(local_server.base_url)
    citizen = issuer.mint_for("citizen")
    officer = issuer.mint_for("officer", center_id=CENTER)
    code = file_birth_registration(api, citizen, CENTER)["code"]
    words = f"Cán bộ đòi thêm giấy xác nhận cư trú ngoài danh mục ({uuid.uuid4().hex[:6]})."

    page.goto(sign_in_url(local_server.base_url, "citizen", f"#/ho-so/{code}"))
    page.click("#report-extra")
    expect(page.locator("h1")).to_have_text("Phản ánh, kiến nghị")
    expect(page.locator("#fb-category")).to_have_value("EXTRA_DOCUMENTS")  # prefilled
    expect(page.locator("#fb-dossier")).to_have_value(code)
    page.fill("#fb-text", words)
    page.check("#fb-consent")
    page.click("#fb-form button[type=submit]")
    expect(page.locator("#fb-result")).to_contain_text("Đã tiếp nhận phản ánh PA")
    report_id = page.locator("#fb-result").inner_text().split("phản ánh ")[1].split(".")[0]

    summary = f"Bị yêu cầu giấy tờ ngoài danh mục ({report_id})."
    r = api.run(
        "AnswerFeedback",
        {"id": report_id, "text": "Trung tâm đã chấn chỉnh cán bộ tiếp nhận.", "publicSummary": summary},
        token=officer,
    )
    assert r.data["answerFeedback"]["__typename"] == "FeedbackAnswered", r.body

    page.goto(f"{local_server.base_url}/#/phan-anh")
    answer = page.locator("#fb-answers li", has_text=summary)
    expect(answer).to_contain_text("Trung tâm đã chấn chỉnh cán bộ tiếp nhận.")
    expect(answer).to_contain_text("Đúng hạn")
    assert words not in answer.inner_text() and code not in answer.inner_text()
