"""A procedure page says where each detail comes from (nguồn) or who decided it (biên tập), shows a fee in
its own currency and the notes of the documents table apart from the documents (issue 26)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.browser


def test_a_procedure_page_shows_each_details_source_and_a_fee_in_its_currency(page, local_server):
    from tests.e2e.test_accessibility import axe_problems

    page.goto(f"{local_server.base_url}/#/thu-tuc/1.003358")  # temporary residence card: fees in USD
    expect(page.locator("#main")).to_contain_text("145 USD")
    sources = page.locator("#sources")
    sources.locator("summary").click()
    expect(sources).to_contain_text("cach_thuc_thuc_hien")
    expect(sources).to_contain_text("145 USD/thẻ")
    assert axe_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto(f"{local_server.base_url}/#/thu-tuc/1.000656")  # hand-checked: the copy fee is editorial
    expect(page.locator("#main")).to_contain_text("biên tập (không có trong nguồn, không dùng để thu)")
    page.locator("#sources summary").click()
    expect(page.locator("#sources")).to_contain_text("Biên tập")
