"""Every route, on a phone and on a desktop, checked by axe-core (loaded by the test through the
DevTools protocol, so the page keeps its Content-Security-Policy) with no serious, critical or moderate
violation; and the layout shift measured while each route renders stays under 0.05."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import HttpApi, file_birth_registration, sign_in_url

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "infra" / "node_modules" / "axe-core" / "axe.min.js"
CENTER = "hcc-01-00070"
DESKTOP = {"width": 1280, "height": 800}
BLOCKING = {"critical", "serious", "moderate"}
# Layout shifts since the page started loading, as chromium records them (buffered).
CLS = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 500);
})"""


def axe_problems(page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")  # not a <script>: the CSP still holds
    result = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def routes(local_server) -> list[tuple[str, str, str]]:
    """(who, route, what to wait for) for every screen of the site."""
    api = HttpApi(local_server.base_url)
    citizen = local_server.issuer.mint_for("citizen")
    code = file_birth_registration(api, citizen, CENTER)["code"]
    return [
        ("anonymous", "#/", "#results li"),
        ("anonymous", "#/thu-tuc/1.001193", "#file-online"),
        ("anonymous", "#/trung-tam", "#main h1"),
        ("anonymous", "#/do-phu", "#main h1"),
        ("anonymous", "#/phan-anh", "#main h1"),
        ("anonymous", "#/tra-cuu-ho-so", "#main h1"),
        ("anonymous", "#/khong-co", "#main h1"),
        ("citizen", "#/nop-ho-so/1.001193", "#continue, #file-again"),
        ("citizen", "#/ho-so-cua-toi", "#dossiers li"),
        ("citizen", f"#/ho-so/{code}", "#status"),
        ("citizen", f"#/ho-so/{code}/bien-nhan", "#receipt-code"),
        ("officer", "#/can-bo", "#queue-status"),
        ("officer", f"#/can-bo/ho-so/{code}", "#status"),
        ("officer", "#/can-bo/tiep-nhan", "#rc-fd-child_full_name"),
    ]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_every_route_has_no_serious_or_moderate_accessibility_problem_and_no_layout_shift(
    new_page, local_server, viewport
):
    found, shifts = {}, {}
    for who, route, ready in routes(local_server):
        page = new_page() if viewport == "phone" else new_page(viewport=DESKTOP)
        url = (
            f"{local_server.base_url}/{route}"
            if who == "anonymous"
            else sign_in_url(local_server.base_url, who, route, center=CENTER if who == "officer" else None)
        )
        page.goto(url)
        expect(page.locator(ready).first).to_be_visible()
        shifts[route] = page.evaluate(CLS)
        problems = axe_problems(page)
        if problems:
            found[route] = problems
        page.context.close()
    assert found == {}, "\n".join(f"{route}: {p}" for route, problems in found.items() for p in problems)
    assert {route: cls for route, cls in shifts.items() if cls >= 0.05} == {}, "cumulative layout shift"
