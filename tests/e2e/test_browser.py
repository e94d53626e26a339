"""The static site in a real browser (Debian's chromium through Playwright), on a phone-sized screen:
finding a procedure, the language switch, tracking with the receipt."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, csp_violations
from tests.e2e.helpers import HttpApi, file_birth_registration

pytestmark = pytest.mark.browser


def test_a_citizen_finds_birth_registration_typing_without_accents(page, local_server):
    page.goto(f"{local_server.base_url}/")
    page.fill("#q", "dang ky khai sinh")
    page.press("#q", "Enter")
    first = page.locator("#results li").first
    expect(first.locator(".card-title")).to_have_text("Đăng ký khai sinh")
    expect(first).to_contain_text("1.001193")
    first.locator("a").click()
    page.wait_for_selector("h1:has-text('Đăng ký khai sinh')")
    assert page.locator("h2", has_text="Thành phần hồ sơ").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling on a phone"


def test_results_come_as_you_type_without_accents_and_stale_answers_are_dropped(page, local_server):
    page.goto(f"{local_server.base_url}/")
    expect(page.locator("#results li").first).to_be_visible()
    sent = []
    page.on(
        "request",
        lambda r: (
            sent.append(r.post_data_json["variables"]["search"])
            if r.url.endswith("/graphql") and r.post_data_json.get("operationName") == "SearchProcedures"
            else None
        ),
    )
    page.locator("#q").press_sequentially("ly lich tu phap", delay=20)  # no Enter, no button
    first = page.locator("#results li").first
    expect(first.locator(".card-title")).to_contain_text("Lý lịch tư pháp")
    expect(page.locator("#summary")).to_have_text(re.compile(r"^Tìm thấy \d+ thủ tục"))  # the whole catalog
    assert sent[-1] == "ly lich tu phap" and len(sent) < 4, f"debounced: not one request per key ({sent})"
    assert "q=ly+lich+tu+phap" in page.url, "the query is kept in the address for Back and reload"

    # On a phone the first result shows above the keyboard (about the lower 300 px of 844).
    assert page.locator("#results li").first.bounding_box()["y"] < 540

    # Filters are selects, folded behind a button on a phone; choosing one searches at once.
    page.fill("#q", "")
    expect(page.locator("#f-field")).to_be_hidden()
    page.click("#filters > summary")
    page.select_option("#f-field", "Hộ tịch")
    page.select_option("#f-level", "COMMUNE")
    page.select_option("#f-online", "FULL")
    expect(page.locator("#results li", has_text="Trực tuyến một phần")).to_have_count(0)  # auto-waits for the last
    expect(page.locator("#results")).not_to_have_attribute("aria-busy", "true")
    metas = page.locator("#results li .meta").all_inner_texts()
    assert metas and all("Hộ tịch" in m and "Trực tuyến toàn trình" in m for m in metas), metas
    assert "field=" in page.url and "level=COMMUNE" in page.url and "online=FULL" in page.url


def test_a_slow_answer_for_an_older_query_never_replaces_the_newer_one(page, local_server):
    page.goto(f"{local_server.base_url}/")
    expect(page.locator("#results li").first).to_be_visible()
    held = []

    def hold_the_first(route):
        if route.request.post_data_json.get("variables", {}).get("search") == "ho chieu" and not held:
            held.append(route)  # answered only after the newer query's answer is on screen
        else:
            route.continue_()

    page.route("**/graphql", hold_the_first)
    page.fill("#q", "ho chieu")
    page.wait_for_timeout(400)
    page.fill("#q", "dang ky khai sinh")
    expect(page.locator("#results li").first.locator(".card-title")).to_have_text("Đăng ký khai sinh")
    held[0].continue_()
    page.wait_for_timeout(500)
    expect(page.locator("#results li").first.locator(".card-title")).to_have_text("Đăng ký khai sinh")


def test_the_interface_switches_to_english(page, local_server):
    page.goto(f"{local_server.base_url}/")
    page.wait_for_selector("#results li")
    page.click("#lang")
    expect(page.locator("h1")).to_have_text("Find an administrative procedure")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("#results li").first.locator(".card-title")).not_to_be_empty()


def test_anyone_with_the_receipt_tracks_a_dossier(page, local_server):
    api = HttpApi(local_server.base_url)
    dossier = file_birth_registration(api, local_server.issuer.mint_for("citizen"), "hcc-01-00070")

    page.goto(f"{local_server.base_url}/#/tra-cuu-ho-so")
    page.fill("#code", dossier["code"])
    page.fill("#secret", dossier["trackingSecret"])
    page.click("#main button[type=submit]")
    expect(page.locator("#tracking .status")).to_have_text("Đã tiếp nhận")
    expect(page.locator("#tracking")).to_contain_text("Phường Hoàn Kiếm")

    page.fill("#secret", "AAAAA-AAAAA")
    page.click("#main button[type=submit]")
    expect(page.locator("#tracking .error")).to_contain_text("Không tìm thấy hồ sơ")


def test_graphiqls_inline_script_runs_under_its_policy_and_the_sites_policy_would_block_it(browser, local_server):
    """The CDN is cut off (no network here, and aborted to be sure): the inline script then fails on the
    missing libraries, which proves it ran; served with the site's strict policy, chromium refuses it."""
    from portal.api.http.security_headers import SITE_CSP

    def open_graphiql(strict: bool):
        context = browser.new_context()
        page = context.new_page()
        page.route("https://unpkg.com/**", lambda route: route.abort())
        if strict:

            def with_site_policy(route):
                response = route.fetch()
                route.fulfill(response=response, headers={**response.headers, "content-security-policy": SITE_CSP})

            page.route(f"{local_server.base_url}/graphql", with_site_policy)
        errors, refused = [], csp_violations(page)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{local_server.base_url}/graphql")
        page.wait_for_timeout(300)
        context.close()
        return errors, refused

    errors, refused = open_graphiql(strict=False)
    assert refused == [] and any("is not defined" in e for e in errors), (errors, refused)
    errors, refused = open_graphiql(strict=True)
    assert errors == [] and any("script-src" in r for r in refused), (errors, refused)


def test_the_home_page_lists_the_most_filed_first_then_browsing_by_event_field_and_agency(page, local_server):
    from tests.e2e.test_accessibility import axe_problems

    page.goto(f"{local_server.base_url}/")
    cards = page.locator("#results li")
    expect(cards.first).to_be_visible()
    expect(page.locator("#most-filed-title")).to_have_text("Thủ tục được nộp nhiều nhất")
    fields = cards.locator(".meta").all_inner_texts()
    everyday = [
        i
        for i, m in enumerate(fields)
        if any(f in m for f in ("Hộ tịch", "Đăng ký, quản lý cư trú", "Cấp, quản lý căn cước"))
    ]
    customs = [i for i, m in enumerate(fields) if "Hải quan" in m]
    assert everyday and (not customs or everyday[0] < customs[0]), fields
    # browsing follows the list, in this order, and every part of the page passes axe on a phone
    sections = page.locator("#browse > section > h2").all_inner_texts()
    assert sections == ["Theo sự kiện trong đời", "Theo lĩnh vực", "Theo cơ quan giải quyết"], sections
    assert axe_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling on a phone"

    # each fold says what it unfolds, not a bare "Xem tất cả"
    expect(page.locator("#browse-fields > summary")).to_have_text(re.compile(r"^Xem tất cả \d+ lĩnh vực$"))
    expect(page.locator("#browse-agencies > summary")).to_have_text(re.compile(r"^Xem tất cả \d+ cơ quan$"))
    page.click("#browse-fields > summary")
    civil_status = page.locator("#browse-fields a", has_text="Hộ tịch").first
    count = int(re.search(r"\((\d+)\)", civil_status.inner_text()).group(1))
    civil_status.click()
    expect(page.locator("#summary")).to_have_text(f"Tìm thấy {count} thủ tục")
    expect(page.locator("#f-field")).to_have_value("Hộ tịch")
    metas = page.locator("#results li .meta").all_inner_texts()
    assert metas and all("Hộ tịch" in m for m in metas), metas
    expect(page.locator("#browse")).to_be_hidden()


def test_an_agency_link_lists_its_procedures_and_the_filter_can_be_removed(page, local_server):
    page.goto(f"{local_server.base_url}/")
    expect(page.locator("#results li").first).to_be_visible()
    page.click("#browse-agencies > summary")
    page.locator("#browse-agencies a", has_text="Ủy ban nhân dân cấp xã").first.click()
    expect(page.locator("#agency-filter")).to_contain_text("Ủy ban nhân dân cấp xã")
    expect(page.locator("#summary")).to_have_text(re.compile(r"^Tìm thấy \d+ thủ tục"))
    assert "agency=" in page.url
    page.click("#agency-filter a")
    expect(page.locator("#most-filed-title")).to_be_visible()


def test_each_search_result_says_which_variant_it_is(page, local_server):
    page.goto(f"{local_server.base_url}/#/?q=dang+ky+khai+sinh")
    card = page.locator("#results li", has_text="2.000528")
    expect(card.locator(".variant-note")).to_have_text("Có yếu tố nước ngoài")
    expect(page.locator("#results li").first.locator(".variant-note")).to_have_text("Không có yếu tố nước ngoài")
    page.click("#lang")
    expect(card.locator(".variant-note")).to_have_text("With a foreign element")
