"""The coverage report (#/do-phu) on a phone: the nation's figures, the SVG map, the tables of provinces and
of the communes falling short, all from the assets/coverage.json `make coverage` writes; axe finds nothing."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.test_accessibility import axe_problems

pytestmark = pytest.mark.browser

DOC = json.loads((Path(__file__).resolve().parents[2] / "frontend" / "assets" / "coverage.json").read_text("utf-8"))


def pct(share):
    return f"{share * 100:.1f}%".replace(".", ",")


def test_the_coverage_page_shows_the_figures_the_report_computed_and_passes_axe(page, local_server):
    page.goto(f"{local_server.base_url}/#/do-phu")
    expect(page.locator("h1")).to_have_text("Độ phủ điểm tiếp nhận hồ sơ")
    for measure in ("km5", "walk", "motorbike", "bar"):
        expect(page.locator(f"#cov-national-{measure}")).to_have_text(pct(DOC["national"]["shares"][measure]))
    failing = DOC["national"]["failing"]["bar"]
    expect(page.locator("#cov-failing-count")).to_contain_text(f"{failing} xã, phường")
    expect(page.locator("#cov-provinces-table tbody tr")).to_have_count(34)
    expect(page.locator("#cov-failing-table tbody tr")).to_have_count(failing)
    first = DOC["failing"][0]
    expect(page.locator("#cov-failing-table tbody tr").first.locator("th")).to_have_text(first["name"])
    # one disc per commune on the mainland map, hidden from screen readers (the tables say the same)
    chart = page.locator("#cov-map")
    expect(chart).to_have_attribute("aria-hidden", "true")
    assert chart.locator("circle").count() > 3200
    expect(page.locator("#cov-method")).to_contain_text("1.3")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_problems(page) == []
