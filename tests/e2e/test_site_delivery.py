"""How the site is delivered: versioned modules cached for a year, the page revalidated, and a page's
modules loaded only when its route is opened (the officer workspace never for a citizen's first visit)."""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def get(url: str) -> tuple[dict[str, str], str]:
    with urllib.request.urlopen(url, timeout=10) as r:
        return {k.lower(): v for k, v in r.headers.items()}, r.read().decode()


def test_versioned_assets_are_cached_for_a_year_and_the_page_is_revalidated(local_server):
    headers, html = get(f"{local_server.base_url}/")
    assert headers["cache-control"] == "no-cache"
    app = re.search(r'src="(/assets/app\.js\?v=\w+)"', html)[1]
    headers, source = get(f"{local_server.base_url}{app}")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    version = app.split("?v=")[1]
    assert f'"./router.js?v={version}"' in source, "imports carry the same version"
    assert get(f"{local_server.base_url}/config.json")[0]["cache-control"] == "no-cache"


def test_the_first_visit_loads_only_the_modules_of_its_page(page, local_server):
    loaded = []
    page.on("request", lambda r: loaded.append(r.url) if r.resource_type == "script" else None)
    page.goto(f"{local_server.base_url}/#/")
    expect(page.locator("#results li").first).to_be_visible()
    names = {re.sub(r"\?.*", "", u.split("/assets/", 1)[1]) for u in loaded}
    assert {"pages/search.js", "text/common.js", "text/catalog.js"} <= names, names
    assert not names & {"pages/officer.js", "pages/file-dossier.js", "pages/dossier.js", "pages/centers.js"}, names
    assert not names & {"text/officers.js", "text/filing.js", "text/payments.js"}, "a page's words load with the page"
    page.goto(f"{local_server.base_url}/#/trung-tam")
    expect(page.locator("h1")).to_be_visible()
    assert any("/pages/centers.js" in u for u in loaded)
    assert any("/text/centers.js" in u for u in loaded)
