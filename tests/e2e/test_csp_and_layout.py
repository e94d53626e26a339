"""Every screen under the exact Content-Security-Policy CloudFront sends, on a 390 px phone: nothing is
refused by the policy, no element carries a style attribute, nothing scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.contract.test_frontend import served_csp
from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi, act, file_birth_registration, sign_in_url
from tests.e2e.test_filing import start_afresh
from tests.support.journeys import asking_for

pytestmark = pytest.mark.browser

CENTER = "hcc-01-00091"  # Phường Phú Thượng
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def served_as_in_production(context, base_url):
    """The site's pages answered with the production policy header (the local server sends none)."""
    policy = served_csp()

    def with_policy(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

    context.route(f"{base_url}/", with_policy)
    context.route(f"{base_url}/index.html", with_policy)
    context.add_init_script(WATCH_VIOLATIONS)


def check_screen(page, what):
    expect(page.locator("#main h1")).to_be_visible()
    styled = page.evaluate("[...document.querySelectorAll('[style]')].map(e => e.outerHTML.slice(0, 80))")
    assert styled == [], f"{what}: style attributes {styled}"
    assert page.evaluate("window.__violations") == [], f"{what}: refused by the policy"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{what}: {width}px wide on a {PHONE['width']}px phone"


def test_every_screen_works_under_the_served_policy_on_a_phone(new_page, local_server):
    base = local_server.base_url
    page = new_page(geolocation={"latitude": 21.0288, "longitude": 105.8525}, permissions=["geolocation"])
    served_as_in_production(page.context, base)
    api, citizen = HttpApi(base), local_server.issuer.mint_for("citizen")
    officer = local_server.issuer.mint_for("officer", center_id=CENTER)
    done = file_birth_registration(api, citizen, CENTER)["code"]
    act(api, officer, done, "START_PROCESSING")
    act(api, officer, done, "REQUEST_SUPPLEMENT", supplement=asking_for("Giấy chứng sinh"))

    page.goto(f"{base}/")
    page.locator("#q").press_sequentially("khai sinh")
    expect(page.locator("#results li").first).to_be_visible()
    check_screen(page, "search")
    page.goto(f"{base}/#/thu-tuc/1.001193")
    expect(page.locator("#file-online")).to_be_visible()
    check_screen(page, "procedure")

    page.goto(sign_in_url(base, "citizen", "#/nop-ho-so/1.001193"))
    start_afresh(page)
    page.click("#continue")
    expect(page.locator("#problems")).to_be_visible()
    page.click("#near-me")
    expect(page.locator("#center-choices .choice").first).to_be_visible()
    long_name = "a-very-long-file-name-" * 4 + ".pdf"
    page.set_input_files("#files", files=[{"name": long_name, "mimeType": "application/pdf", "buffer": b"%PDF"}])
    check_screen(page, "filing form with problems, centers and a file")
    page.click("#lang")
    expect(page.locator("#main h1")).to_have_text("File a dossier online")
    check_screen(page, "filing form in English")
    page.click("#lang")

    page.goto(f"{base}/#/ho-so-cua-toi")
    expect(page.locator("#dossiers li").first).to_be_visible()
    check_screen(page, "my dossiers")
    page.goto(f"{base}/#/ho-so/{done}")
    expect(page.locator("#supplement")).to_be_visible()
    check_screen(page, "a dossier awaiting a supplement")
    page.click("#withdraw")
    expect(page.locator("dialog")).to_be_visible()
    page.click("#confirm-no")
    page.goto(f"{base}/#/ho-so/{done}/bien-nhan")
    expect(page.locator("#receipt")).to_be_visible()
    check_screen(page, "receipt")

    page.goto(f"{base}/#/trung-tam?tinh=01&xa=00070")
    expect(page.locator("#centers li")).to_have_count(1)
    check_screen(page, "centers")
    page.goto(f"{base}/#/tra-cuu-ho-so")
    check_screen(page, "tracking")
    page.goto(f"{base}/#/khong-co")
    check_screen(page, "not found")

    page.click("#sign-out")
    expect(page.locator("#sign-in")).to_be_visible()
    assert page.evaluate("sessionStorage.length") == 0, "signing out leaves nothing personal in the tab"
    page.goto(sign_in_url(base, "officer", "#/can-bo", center=CENTER))
    expect(page.locator("#queue-status")).to_be_visible()
    page.select_option("#queue-status", "SUPPLEMENT_REQUESTED")
    expect(page.locator("#queue li", has_text=done)).to_be_visible()
    check_screen(page, "officer queue")
    page.locator("#queue li", has_text=done).locator("a").click()
    expect(page.locator("#do-reject")).to_be_visible()
    check_screen(page, "officer dossier")


def test_the_policy_is_really_enforced_in_these_tests(browser, local_server):
    """The check above means something only if an inline style would be refused: it is."""
    context = browser.new_context(viewport=PHONE)
    served_as_in_production(context, local_server.base_url)
    page = context.new_page()
    page.goto(f"{local_server.base_url}/")
    expect(page.locator("#main h1")).to_be_visible()
    page.evaluate("""() => {
        const probe = document.createElement("div");
        probe.id = "probe";
        probe.setAttribute("style", "width: 1234px");
        document.body.append(probe);
    }""")
    assert page.evaluate("document.getElementById('probe').getBoundingClientRect().width") != 1234
    page.wait_for_function("window.__violations.length > 0")
    context.close()
