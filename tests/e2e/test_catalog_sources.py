"""A procedure page tells the citizen what the procedure is, not where the catalog read it: no crawl
references ("bản crawl của …") and no per-detail sources, which belong to data quality
(docs/catalog/data-quality.md; the API keeps serving Procedure.provenance and sourceRef,
tests/integration/test_procedures_api.py). It shows a fee in its own currency, and marks an editorial fee
as such (issue 26)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi

pytestmark = pytest.mark.browser

PROVENANCE_WORDS = ("crawl", "Nguồn dữ liệu", "Nguồn của từng thông tin", "cach_thuc_thuc_hien", ".json")


def _shows_no_provenance(page) -> None:
    main = page.locator("#main")
    expect(main.locator("h1")).to_be_visible()
    expect(page.locator("#sources")).to_have_count(0)
    text = main.inner_text()
    assert not [w for w in PROVENANCE_WORDS if w in text], text
    links = main.locator("a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert not [h for h in links if h and ("crawl" in h or "github" in h)], links


def test_a_procedure_page_shows_a_fee_in_its_currency_and_no_crawl_sources(page, local_server):
    from tests.e2e.test_accessibility import axe_problems

    page.goto(f"{local_server.base_url}/#/thu-tuc/1.003358")  # temporary residence card: fees in USD
    expect(page.locator("#main")).to_contain_text("145 USD")
    _shows_no_provenance(page)
    assert axe_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto(f"{local_server.base_url}/#/thu-tuc/1.000656")  # hand-checked: the copy fee is editorial
    expect(page.locator("#main")).to_contain_text("biên tập (không có trong nguồn, không dùng để thu)")
    _shows_no_provenance(page)

    page.goto(f"{local_server.base_url}/#/thu-tuc/1.010824")  # its time has no source file in the crawl
    expect(page.locator("#processing-time")).to_be_visible()
    _shows_no_provenance(page)


def test_the_sources_stay_served_for_data_quality(local_server):
    procedure = HttpApi(local_server.base_url).run("GetProcedure", {"code": "1.003358"}).data["procedure"]
    assert "crawl" in procedure["sourceRef"]
    assert any(s["field"] == "fees" and "145 USD" in s["text"] for s in procedure["provenance"])
