"""The English site says nothing in Vietnamese that it knows in English: every route, switched to English,
is read (text, options, labels) for the Vietnamese the interface or the catalog's translations cover. Data
stays as it is (people's and places' names, a center's name, a procedure the catalog has no English for)."""

import json
import subprocess
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from infra.dev_issuer import SAMPLE_CITIZEN
from tests.e2e.helpers import HttpApi, file_birth_registration, sign_in_url
from tests.support.notifications import unique_pid

pytestmark = pytest.mark.browser

ASSETS = Path(__file__).resolve().parents[2] / "frontend" / "assets"
CENTER = "hcc-01-00070"
# Words of the interface, never data: seen in English, each is a sentence left untranslated.
INTERFACE_VI = (
    "Tìm kiếm", "Hồ sơ của tôi", "Đăng nhập", "Đăng xuất", "Tiếp tục", "Quay lại", "Nộp hồ sơ", "ngày làm việc",
    "bản chính", "bản sao", "Thành phần hồ sơ", "Trạng thái", "Ngày hẹn", "Bắt buộc", "Thay đổi", "Tra cứu",
    "Mã hồ sơ", "Lệ phí", "Miễn phí", "Giấy tờ", "Bộ lọc", "Kết quả", "Chọn ",
)  # fmt: skip
# Everything the page shows or says (text, option labels, placeholders, accessible names), except what it
# marks as Vietnamese (lang="vi": the catalog's free text, which has no English).
SHOWN = """() => [
  ...[...document.querySelectorAll("[lang=vi]")].map((e) => { e.hidden = true; return ""; }),
  document.body.innerText,
  ...[...document.querySelectorAll("option")].map((o) => o.textContent),
  ...[...document.querySelectorAll("[placeholder],[aria-label],[title]")].map(
    (e) => [e.getAttribute("placeholder"), e.getAttribute("aria-label"), e.getAttribute("title")].join("\\n")),
].join("\\n")"""


def _catalog_english() -> tuple[dict[str, str], dict[str, str]]:
    script = "import('./catalog-en.js').then((m) => console.log(JSON.stringify([m.optionsEn, m.notesEn])))"
    out = subprocess.run(["node", "-e", script], cwd=ASSETS, capture_output=True, text=True, check=True).stdout
    options, notes = json.loads(out)
    return options, notes


def _untranslated(shown: str, options: dict[str, str], notes: dict[str, str]) -> list[str]:
    lines = {line.strip() for line in shown.splitlines()}
    found = [w for w in INTERFACE_VI if w in shown]
    found += [v for v, en in options.items() if v != en and v in lines]  # an option shown as its value
    found += [n for n in notes if n in shown]
    return found


def _own_citizen(local_server) -> str:
    """A citizen of this test's own (not the shared sample one): their inbox holds only what this test made,
    whatever other tests left for the sample citizen before it (in a random order)."""
    return local_server.issuer.mint({**SAMPLE_CITIZEN, "sub": f"english-{uuid.uuid4().hex[:8]}", "pid": unique_pid()})


def routes(local_server, citizen: str) -> list[tuple[str, str, str]]:
    api = HttpApi(local_server.base_url)
    code = file_birth_registration(api, citizen, CENTER)["code"]
    procedures = ("1.004222", "3.000346", "2.000821")  # residence, driving licence, survivor benefit: rare options
    return [
        ("anonymous", "#/", "#results li"),
        ("anonymous", "#/thu-tuc/1.001193", "#file-online"),
        *[("anonymous", f"#/thu-tuc/{p}", "#file-online") for p in procedures],
        ("anonymous", "#/trung-tam", "#main h1"),
        ("anonymous", "#/tra-cuu-ho-so", "#main h1"),
        ("anonymous", "#/chi-so", "#main h1"),
        *[("citizen", f"#/nop-ho-so/{p}", "#continue, #file-again") for p in procedures[:2]],
        ("citizen", "#/ho-so-cua-toi", "#dossiers li"),
        ("citizen", f"#/ho-so/{code}", "#status"),
        ("citizen", f"#/ho-so/{code}/bien-nhan", "#receipt-code"),
        ("citizen", "#/thong-bao", "#main h1"),
        ("officer", "#/can-bo", "#queue-status"),
        ("officer", f"#/can-bo/ho-so/{code}", "#status"),
    ]


def test_every_route_in_english_shows_no_vietnamese_the_site_has_english_for(new_page, local_server):
    options, notes = _catalog_english()
    found = {}
    citizen = _own_citizen(local_server)
    for who, route, ready in routes(local_server, citizen):
        page = new_page()
        if who == "anonymous":
            url = f"{local_server.base_url}/{route}"
        elif who == "citizen":  # as the dev issuer's sign-in returns to the site, with their own token
            url = f"{local_server.base_url}/#access_token={quote(citizen)}&next={quote(route, safe='')}"
        else:
            url = sign_in_url(local_server.base_url, who, route, center=CENTER)
        page.goto(url)
        expect(page.locator(ready).first).to_be_visible()
        page.click("#lang")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        page.wait_for_timeout(300)  # the page draws again in English
        untranslated = _untranslated(page.evaluate(SHOWN), options, notes)
        if untranslated:
            found[route] = untranslated
        page.context.close()
    assert found == {}, "\n".join(f"{route}: {words}" for route, words in found.items())
