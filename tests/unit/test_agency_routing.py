"""Central procedures go to the ministry or central agency that decides them (portal.centers.routing)."""

import pytest

from portal.centers.agencies import AGENCIES, BY_ID
from portal.centers.model import CENTER_ID_PATTERN, CENTRAL_SCOPE, Center, CenterKind
from portal.centers.routing import Routing, receiving_agency, route
from portal.procedures.model import Level
from tests.support.factories import make_procedure
from tests.support.memory import commune_center


def central(agency: str, issuing_body: str = "", levels=(Level.CENTRAL,)):
    return make_procedure(code="1.009999", levels=levels, agency=agency, issuing_body=issuing_body).summary()


def agency_center(agency_id: str) -> Center:
    agency = BY_ID[agency_id]
    return Center(
        id=agency.id,
        kind=CenterKind.AGENCY,
        name=agency.name,
        name_en=agency.name_en,
        agency_code="G15.000.00",
        province_code=CENTRAL_SCOPE,
        commune_code=None,
        address="",
        hotline="",
        opening_hours="",
        location=None,
        is_sample=True,
    )


def provincial_center() -> Center:
    return commune_center("hcc-01", kind=CenterKind.PROVINCIAL, province_code="01", commune_code=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bộ Tư pháp", "bo-tu-phap"),
        ("Bộ trưởng Bộ Nông nghiệp và Môi trường", "bo-nong-nghiep-moi-truong"),
        ("Cục Chăn nuôi và Thú y - Bộ NN và MT", "bo-nong-nghiep-moi-truong"),  # the catalog's abbreviation
        ("Cục quản lý xuất nhập cảnh", "bo-cong-an"),  # a department that does not name its ministry
        ("Cục Hàng hải và Đường thủy Việt Nam", "bo-xay-dung"),
        ("Cảng vụ hàng không miền Bắc", "bo-xay-dung"),
        ("Ủy ban Chứng khoán Nhà nước - Bộ tài chính", "bo-tai-chinh"),
        ("Bộ Kế hoạch và Đầu tư", "bo-tai-chinh"),  # merged into the Ministry of Finance in 2025
        ("Ngân hàng Nhà nước Việt Nam; Ngân hàng Nhà nước Khu vực", "ngan-hang-nha-nuoc"),
        ("Cục Quân y/Tổng cục Hậu cần - Kỹ thuật", "bo-quoc-phong"),
        ("Cục cảnh sát giao thông, Công an cấp Xã, Công an tỉnh", "bo-cong-an"),  # the central part decides
    ],
)
def test_an_agency_or_one_of_its_departments_named_in_the_agency_text_receives_it(text, expected):
    found = route(text, "")
    assert found.how is Routing.NAMED and found.agency is not None and found.agency.id == expected


def test_several_agencies_named_go_to_the_publishing_one_or_to_none():
    several = "Bộ Công an, Bộ Quốc phòng, Bộ Xây dựng"
    assert route(several, "Bộ xây dựng (Giao thông vận tải cũ)").agency == BY_ID["bo-xay-dung"]
    assert route(several, "Bộ xây dựng (Giao thông vận tải cũ)").how is Routing.PUBLISHER_NAMED
    assert route("Bộ Công an, Bộ Quốc phòng", "Bộ Xây dựng") == route("Bộ Công an, Bộ Quốc phòng", "")
    assert route("Bộ Công an, Bộ Quốc phòng", "").how is Routing.SEVERAL


def test_the_head_of_government_or_an_unnamed_unit_goes_to_the_ministry_that_published_it():
    for text in ("Thủ tướng Chính phủ", "Chủ tịch nước", "Cục Kỹ thuật an toàn và Môi trường công nghiệp", ""):
        found = route(text, "Bộ Công thương")
        assert found.how is Routing.PUBLISHER and found.agency == BY_ID["bo-cong-thuong"]
    assert route("Thủ tướng Chính phủ", "").how is Routing.NO_AGENCY  # no publisher: no receiver


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Ủy ban nhân dân cấp tỉnh", Routing.LOCAL),
        ("Công an tỉnh", Routing.LOCAL),  # not the Ministry of Public Security
        ("Sở Tư pháp", Routing.LOCAL),  # not the Ministry of Justice
        ("Phòng cảnh sát quản lý hành chính về trật tự xã hội", Routing.LOCAL),
        ("Tòa án nhân dân; Tòa án nhân dân_old", Routing.OWN_COUNTER),
        ("Cơ quan đại diện Việt Nam ở nước ngoài", Routing.OWN_COUNTER),
        ("Tập đoàn Điện lực Việt Nam", Routing.OWN_COUNTER),
        ("Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", Routing.ANY_MINISTRY),
    ],
)
def test_a_text_naming_only_a_local_body_a_court_or_any_ministry_has_no_receiver_whoever_published_it(text, why):
    assert route(text, "Bộ Tư pháp") == route(text, "") and route(text, "Bộ Tư pháp").how is why
    assert route(text, "Bộ Tư pháp").agency is None


def test_an_agency_receives_its_central_procedures_whatever_their_other_levels_and_no_others():
    justice = agency_center("bo-tu-phap")
    assert justice.receives(central("Cục Bổ trợ tư pháp", "Bộ Tư pháp"))
    assert justice.receives(central("Bộ Tư pháp", levels=(Level.CENTRAL, Level.PROVINCE)))
    assert not justice.receives(central("Bộ Công an"))  # another ministry's
    assert not justice.receives(central("Bộ Tư pháp", levels=(Level.PROVINCE,)))  # not central: the centers'
    assert not justice.receives(central("Ủy ban nhân dân cấp tỉnh", "Bộ Tư pháp"))  # no receiver


def test_centers_refuse_a_central_procedure_and_both_receive_one_that_is_also_provincial():
    only_central, both = central("Bộ Tư pháp"), central("Bộ Tư pháp", levels=(Level.CENTRAL, Level.PROVINCE))
    assert not commune_center().receives(only_central) and not provincial_center().receives(only_central)
    assert provincial_center().receives(both) and agency_center("bo-tu-phap").receives(both)
    assert receiving_agency(make_procedure().summary()) is None  # a commune procedure has no central receiver


def test_every_agency_has_a_center_id_and_names_in_both_languages():
    assert len({a.id for a in AGENCIES}) == len(AGENCIES)
    assert all(CENTER_ID_PATTERN.match(a.id) and a.name and a.name_en for a in AGENCIES)
