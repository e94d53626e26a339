"""The static site in a real browser (Debian's chromium through Playwright), on a phone-sized screen."""

import json
import shutil
import urllib.request
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def csp_violations(page) -> list[str]:
    """What chromium refused under the page's content security policy (it reports each on the console)."""
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    return refused


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    refused = csp_violations(page)
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
    assert refused == [], f"the site breaks its own content security policy: {refused}"


def test_a_citizen_finds_birth_registration_typing_without_accents(page, local_server):
    page.goto(f"{local_server.base_url}/")
    page.fill("#q", "dang ky khai sinh")
    page.press("#q", "Enter")
    first = page.locator("#results li").first
    expect(first.locator("h3")).to_have_text("Đăng ký khai sinh")
    expect(first).to_contain_text("1.001193")
    first.locator("a").click()
    page.wait_for_selector("h1:has-text('Đăng ký khai sinh')")
    assert page.locator("h2", has_text="Thành phần hồ sơ").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling on a phone"


def test_the_interface_switches_to_english(page, local_server):
    page.goto(f"{local_server.base_url}/")
    page.wait_for_selector("#results li")
    page.click("#lang")
    expect(page.locator("h1")).to_have_text("Find an administrative procedure")
    assert page.locator("html").get_attribute("lang") == "en"


def test_anyone_with_the_receipt_tracks_a_dossier(page, local_server):
    from infra.reference.catalog import load_catalog
    from tests.support.factories import form_for

    birth = next(p for p in load_catalog()[1] if p.code == "1.001193")
    mutation = (
        "mutation($i: SubmitDossierInput!){ submitDossier(input:$i){ "
        "... on DossierSubmitted { dossier { code trackingSecret } } } }"
    )
    payload = {
        "query": mutation,
        "variables": {
            "i": {
                "clientRequestId": uuid.uuid4().hex,
                "procedureCode": birth.code,
                "centerId": "hcc-01-00070",
                "formData": form_for(birth),
            }
        },
    }
    request = urllib.request.Request(
        f"{local_server.base_url}/graphql",
        data=json.dumps(payload).encode(),
        headers={
            "content-type": "application/json",
            "authorization": f"Bearer {local_server.issuer.mint_for('citizen')}",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as r:  # noqa: S310
        dossier = json.loads(r.read())["data"]["submitDossier"]["dossier"]

    page.goto(f"{local_server.base_url}/#/tra-cuu-ho-so")
    page.fill("#code", dossier["code"])
    page.fill("#secret", dossier["trackingSecret"])
    page.click("button[type=submit]")
    expect(page.locator("#tracking .status")).to_have_text("Đã tiếp nhận")
    expect(page.locator("#tracking")).to_contain_text("Phường Hoàn Kiếm")

    page.fill("#secret", "AAAAA-AAAAA")
    page.click("button[type=submit]")
    expect(page.locator("#tracking .error")).to_contain_text("Không tìm thấy hồ sơ")


def test_graphiqls_inline_script_runs_under_its_policy_and_the_sites_policy_would_block_it(browser, local_server):
    """The CDN is cut off (no network here, and aborted to be sure): the inline script then fails on the
    missing libraries, which proves it ran; served with the site's strict policy, chromium refuses it."""
    from portal.api.security_headers import SITE_CSP

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
