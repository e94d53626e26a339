"""The bell and the message thread in the browser: the citizen writes to the center from the dossier's
page, the officer answers from the workspace, the citizen reads the answer in the inbox and marks it read."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import HttpApi, file_birth_registration, sign_in_url
from tests.support.notifications import wait_for

pytestmark = pytest.mark.browser

CENTER = "hcc-01-00187"


def test_a_question_and_its_answer_reach_each_side_and_the_bell(page, new_page, local_server):
    from tests.e2e.test_accessibility import axe_problems

    api = HttpApi(local_server.base_url)
    citizen = local_server.issuer.mint_for("citizen")
    code = file_birth_registration(api, citizen, CENTER)["code"]

    page.goto(sign_in_url(local_server.base_url, "citizen", f"#/ho-so/{code}"))
    expect(page.locator("h2", has_text="Trao đổi với Trung tâm")).to_be_visible()
    page.fill(".thread-form textarea", "Có cần mang bản gốc không?")
    page.click("#send-message")
    expect(page.locator("#thread li")).to_have_count(1)
    expect(page.locator("#thread")).to_contain_text("Người nộp")

    officer = new_page()
    officer.goto(sign_in_url(local_server.base_url, "officer", f"#/can-bo/ho-so/{code}", center=CENTER))
    expect(officer.locator("#thread")).to_contain_text("Có cần mang bản gốc không?")
    officer.fill(".thread-form textarea", "Có, khi nhận kết quả.")
    officer.click("#send-message")
    expect(officer.locator("#thread li")).to_have_count(2)

    def answered():
        r = api.run("MyNotifications", {"first": 20}, token=citizen).data["myNotifications"]["edges"]
        return [e for e in r if e["node"]["dossierCode"] == code and e["node"]["action"] == "post_message"]

    wait_for(answered, what="the answer in the citizen's inbox")
    page.goto(f"{local_server.base_url}/#/thong-bao")
    expect(page.locator("h1")).to_have_text("Thông báo")
    expect(page.locator("#bell-count")).to_be_visible()
    expect(page.locator("#notifications")).to_contain_text("Có, khi nhận kết quả.")
    # "Xem" says what it opens to a screen reader: the dossier, by its code
    answer = page.locator("#notifications li", has_text="Có, khi nhận kết quả.").first
    expect(answer.get_by_role("link")).to_have_accessible_name(f"Xem hồ sơ {code}")
    expect(answer.get_by_role("link")).to_have_text(re.compile(r"^Xem"))
    # the inbox's headings go down one level at a time: h1, then each notification and the preferences
    levels = page.locator("#main").locator("h1, h2, h3, h4").evaluate_all("(hs) => hs.map((h) => +h.tagName[1])")
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert axe_problems(page) == []
    page.click("#mark-all-read")
    expect(page.locator("#bell-count")).to_be_hidden()
    expect(page.locator("#mark-all-read")).to_be_hidden()
    expect(page.locator("#prefs")).to_be_visible()


def test_the_bell_is_a_drawn_icon_named_by_its_words_not_an_emoji(page, local_server):
    """An emoji bell is a box on a phone without an emoji font: the bell is inline SVG, hidden from screen
    readers, and the link is named by its words."""
    page.goto(sign_in_url(local_server.base_url, "citizen", "#/thong-bao"))
    bell = page.locator("#bell")
    expect(bell).to_be_visible()
    icon = bell.locator("svg.bell-icon")
    expect(icon).to_be_visible()
    expect(icon).to_have_attribute("aria-hidden", "true")
    box = icon.bounding_box()
    assert box and 16 <= box["width"] <= 28 and 16 <= box["height"] <= 28, box
    expect(bell).to_have_accessible_name(re.compile(r"^Thông báo"))
    assert not [c for c in bell.inner_text() if ord(c) >= 0x2600], bell.inner_text()  # no emoji, no symbol
