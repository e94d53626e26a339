"""The public service index (#/chi-so) on a phone, on a month of counters with known figures
(tests/support/index_month.py): the summary, the SVG charts drawn by the site and the tables behind them."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.support.index_month import MONTH, seed_index_month

pytestmark = pytest.mark.browser


@pytest.fixture
def index_page(page, local_server):
    seed_index_month()
    page.goto(f"{local_server.base_url}/#/chi-so?thang={MONTH}")
    expect(page.locator("h1")).to_have_text("Chỉ số phục vụ người dân, doanh nghiệp")
    expect(page.locator("#idx-status")).to_have_text("Chỉ số của Toàn quốc, tháng 09/2025.")
    return page


def table_rows(page, table_id):
    return page.locator(f"#{table_id} tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.children].map(c => c.textContent))"
    )


def test_the_national_month_ranks_the_provinces_in_a_chart_and_a_table(index_page):
    page = index_page
    expect(page.locator("#idx-summary")).to_contain_text("180 hồ sơ tiếp nhận, 80 hồ sơ trực tuyến")
    ranking = table_rows(page, "idx-ranking-table")
    assert len(ranking) == 34
    assert ranking[0] == ["Thành phố Hồ Chí Minh", "1", "97,6%", "80/82", "100"]
    assert ranking[1] == ["Thành phố Hà Nội", "2", "57,8%", "37/64", "80"]
    assert ranking[2][1:4] == ["—", "—", "—"]
    # The chart has one bar per ranked province, as long as its score, and is hidden from screen readers.
    chart = page.locator("#idx-ranking-chart")
    expect(chart).to_have_attribute("aria-hidden", "true")
    bars = chart.locator("rect.bar")
    expect(bars).to_have_count(2)
    assert [float(v) for v in bars.evaluate_all("bs => bs.map(b => b.dataset.value)")] == [0.9756, 0.5781]
    widths = bars.evaluate_all("bs => bs.map(b => b.getBBox().width)")
    assert widths[0] > widths[1] > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_province_shows_its_groups_trend_and_communes_and_the_choice_is_kept(index_page):
    page = index_page
    page.select_option("#idx-province", label="Thành phố Hồ Chí Minh")
    expect(page.locator("#idx-rank")).to_have_text("Xếp hạng 1/168")
    expect(page.locator("#idx-points")).to_have_text("80/82")
    # under the lead's "100 điểm", a score on 82 points says it is not out of 100
    expect(page.locator("#idx-scale")).to_have_text("Chấm trên 82 của thang 100 điểm: nhóm chưa đo được không tính.")
    assert "tinh=79" in page.url and f"thang={MONTH}" in page.url
    assert table_rows(page, "idx-groups-table") == [
        ["Công khai, minh bạch", "—", "—"],
        ["Tiến độ, kết quả giải quyết", "90%", "18/20"],
        ["Số hóa hồ sơ, kết quả", "100%", "22/22"],
        ["Cung cấp dịch vụ trực tuyến", "60%", "22/22"],
        ["Mức độ hài lòng", "90%", "18/18"],
    ]
    trend = table_rows(page, "idx-trend-table")
    assert len(trend) == 12 and trend[-1][0] == "09/2025" and trend[-2] == ["08/2025", "29,4%", "18,8/64", "50"]
    expect(page.locator("#idx-trend-chart rect.bar")).to_have_count(2)  # two months with figures
    expect(page.locator("#idx-ranking-title")).to_have_text("Xếp hạng các xã, phường")
    assert table_rows(page, "idx-ranking-table")[0][:2] == ["Phường Bến Thành", "1"]

    page.select_option("#idx-commune", label="Phường Bến Thành")
    expect(page.locator("#idx-summary h2")).to_have_text("Phường Bến Thành")
    expect(page.locator("#idx-points")).to_have_text("22/22")
    page.reload()
    expect(page.locator("#idx-summary h2")).to_have_text("Phường Bến Thành")
    page.click("#lang")
    expect(page.locator("h1")).to_have_text("Public service index")
    expect(page.locator("#idx-groups-table caption")).to_have_text("Points by group for Phường Bến Thành, 09/2025")


def test_an_empty_month_says_nothing_is_ranked_yet(index_page):
    page = index_page
    page.fill("#idx-month", "2024-01")
    page.dispatch_event("#idx-month", "change")
    expect(page.locator("#idx-status")).to_have_text("Chỉ số của Toàn quốc, tháng 01/2024.")
    expect(page.locator("#idx-ranking-title + p")).to_have_text("Chưa có đơn vị nào có số liệu trong tháng này.")
