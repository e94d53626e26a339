"""How the site is delivered: versioned modules cached for a year, the page revalidated, and a page's
modules and words loaded only when its route is opened (the officer workspace never for a citizen's first
visit), each route showing its words when it is the first one opened."""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import sign_in_url

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
    with page.expect_request(lambda r: "/text/centers.js" in r.url):  # the centers page's words, with it
        page.goto(f"{local_server.base_url}/#/trung-tam")
    assert any("/pages/centers.js" in u for u in loaded)


def shown_keys(page, keys: set[str]) -> set[str]:
    """Keys of the interface's words shown as they are (t() answers a key it has no words for)."""
    shown = page.evaluate(
        """() => [document.body.innerText, ...[...document.querySelectorAll("[aria-label], [placeholder], [title]")]
          .map((n) => ["aria-label", "placeholder", "title"].map((a) => n.getAttribute(a) || "").join(" "))]
          .join(" ")"""
    )
    return {key for key in keys if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", shown)}


def test_every_route_opened_first_shows_its_words_in_both_languages(new_page, local_server):
    """Each screen opened as the first of a visit loads only its own modules, hence only the words its
    modules add (text/<area>.js): none of it may show a key instead of words, in Vietnamese or English,
    nor write an error on the console."""
    from tests.e2e.test_accessibility import CENTER, routes
    from tests.support.site_modules import read_words

    # Keys that cannot be ordinary words of a sentence (camelCase or with "_"): "email" could be either.
    keys = {k for area in read_words().values() for k in area["vi"] if re.search(r"[A-Z_]", k)}
    found = {}
    for who, route, ready in routes(local_server) + [
        ("anonymous", "#/chi-so", "#main h1"),
        ("anonymous", "#/nha-phat-trien", "#main h1"),
        ("anonymous", "#/xac-thuc/AAAAAAAAAAAA", "#main h1"),
        ("citizen", "#/thong-bao", "#main h1"),
        ("citizen", "#/lien-thong/2.000986", "#main h1"),
        ("citizen", "#/ho-so-lien-thong/" + "0" * 32, "#main h1"),
    ]:
        page = new_page()
        console = []  # new_page fails the test on a script error; any other error on the console too
        page.on("console", lambda m, console=console: console.append(m.text) if m.type == "error" else None)
        url = (
            f"{local_server.base_url}/{route}"
            if who == "anonymous"
            else sign_in_url(local_server.base_url, who, route, center=CENTER if who == "officer" else None)
        )
        page.goto(url)
        expect(page.locator(ready).first).to_be_visible()
        page.wait_for_load_state("networkidle")
        for lang in ("vi", "en"):
            if shown := shown_keys(page, keys):
                found[f"{route} ({lang})"] = sorted(shown)
            if lang == "vi":
                page.click("#lang")
                expect(page.locator("html")).to_have_attribute("lang", "en")
                page.wait_for_load_state("networkidle")
        if console:
            found[f"{route} (console)"] = console
        page.context.close()
    assert found == {}
