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


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


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
