"""Finding a Public Administration Service Center on a phone: nearest to me, or by province and commune."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.browser


def test_centers_by_province_then_commune(page, local_server):
    page.goto(f"{local_server.base_url}/#/trung-tam")
    expect(page.locator("h1")).to_have_text("Trung tâm Phục vụ hành chính công")
    page.select_option("#c-province", label="Thành phố Hà Nội")
    provincial = page.locator("#centers li").first
    expect(provincial.locator(".card-title")).to_have_text("Trung tâm Phục vụ hành chính công Thành phố Hà Nội")
    expect(provincial).to_contain_text("Cấp tỉnh")
    expect(provincial).to_contain_text("Dữ liệu mẫu")  # derived details are flagged as such
    expect(provincial).to_contain_text("Thứ Hai – Thứ Sáu")
    expect(provincial.locator("a[href='tel:18001096']")).to_have_text("18001096")
    expect(page.locator("#centers-status")).to_contain_text("Chọn xã, phường")
    names = page.locator("#c-commune option").evaluate_all("os => os.filter(o => o.value).map(o => [o.value, o.text])")
    assert len(names) == len({v for v, _ in names}) == 126, "every ward of Hanoi once, under its own name"
    assert all(n.startswith(("Phường ", "Xã ")) for _, n in names), [n for _, n in names][:5]

    page.select_option("#c-commune", label="Phường Hoàn Kiếm")
    expect(page.locator("#centers li")).to_have_count(1)
    expect(page.locator("#centers li .card-title")).to_have_text("Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm")
    assert "tinh=01" in page.url and "xa=00070" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.reload()  # the choice is kept in the address
    expect(page.locator("#centers li .card-title")).to_have_text("Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm")
    page.click("#lang")
    expect(page.locator("h1")).to_have_text("Public Administration Service Centers")
    expect(page.locator("#centers li")).to_contain_text("Opening hours")


def test_the_nearest_centers_come_with_their_distance(located_page, local_server):
    page = located_page
    page.goto(f"{local_server.base_url}/#/trung-tam")
    page.click("#near-me")
    nearest = page.locator("#centers li").first
    expect(nearest.locator(".card-title")).to_contain_text(
        "Hoàn Kiếm"
    )  # the ward's center or the branch of the former district
    expect(nearest.locator(".distance")).to_have_text(re.compile(r"^\d+(,\d)? km$"))  # 0,4 km in Vietnamese
    shown = page.locator("#centers .distance").all_inner_texts()
    distances = [float(d.replace(" km", "").replace(",", ".")) for d in shown]
    assert distances == sorted(distances) and len(distances) > 1


def test_without_location_the_province_choice_is_offered(page, local_server):
    page.goto(f"{local_server.base_url}/#/trung-tam")
    page.click("#near-me")  # this phone does not share its position
    expect(page.locator("#centers-status")).to_contain_text("chọn tỉnh và xã")
    expect(page.locator("#c-province")).to_be_focused()


def test_the_ministries_receptions_are_a_group_of_their_own_and_a_central_procedure_says_where_it_goes(
    page, local_server
):
    page.goto(f"{local_server.base_url}/#/trung-tam")
    page.select_option("#c-province", label="Bộ, ngành trung ương")
    expect(page.locator("#centers li")).to_have_count(16)
    expect(page.locator("#centers-status")).to_contain_text("16 bộ, ngành")
    justice = page.locator("#centers li", has_text="Bộ Tư pháp")
    expect(justice).to_contain_text("Bộ, ngành")
    expect(justice).to_contain_text("Chưa có nguồn công khai cho địa chỉ")  # unknown, never invented
    expect(page.locator("#c-commune")).to_be_disabled()
    page.goto(f"{local_server.base_url}/#/thu-tuc/1.002911")  # a foreign lawyer's licence: Bộ Tư pháp
    expect(page.locator(".notice", has_text="gửi tới Bộ Tư pháp")).to_be_visible()
    expect(page.locator("#main a[href='#/trung-tam']")).to_have_count(0)  # no service center receives it
    page.goto(f"{local_server.base_url}/#/thu-tuc/2.002798")  # a court's: the catalog's counter, no receiver
    expect(page.locator(".notice", has_text="không nộp tại Trung tâm")).to_contain_text("Tòa án")
