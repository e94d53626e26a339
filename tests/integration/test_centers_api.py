"""Center directory through the API: by province, by commune, nearest to a point."""

from collections import Counter

import pytest
from vietnam_provinces import Province, ProvinceCode, Ward

HOAN_KIEM_LAKE = {"lat": 21.0288, "lon": 105.8525}
NEAR_MUONG_TE = {"lat": 22.49, "lon": 102.64}  # rural Lai Châu, about 1 km from Xã Mường Tè's centroid
CUC_PHUONG_FOREST = {"lat": 20.32, "lon": 105.60}  # the national park: the nearest center is over 6 km away
CRIMINAL_RECORD = "3.000333"  # received by provincial centers only
BIRTH_REGISTRATION = "1.001193"  # received by commune centers


def _all_pages(api, variables):
    nodes, cursor = [], None
    while True:
        r = api.run("Centers", {**variables, "first": 100, "after": cursor})
        assert r.errors == []
        c = r.data["centers"]
        nodes += [e["node"] for e in c["edges"]]
        cursor = c["pageInfo"]["endCursor"]
        if not c["pageInfo"]["hasNextPage"]:
            return nodes


def nearest(api, near, **variables):
    r = api.run("NearestCenters", {"near": near, "first": 20, **variables})
    assert r.errors == []
    return r.data["centers"]["edges"]


@pytest.fixture(scope="module")
def every_center(seeded):
    """All centers, province by province, through the API's own operation."""
    from portal.api.http.app import create_app
    from portal.bootstrap import build_services
    from tests.support.graphql_client import GraphQLClient

    api = GraphQLClient(create_app(services=build_services()))
    return [n for p in Province.iter_all() for n in _all_pages(api, {"provinceCode": f"{p.code.value:02d}"})]


def test_every_province_and_every_commune_has_its_center_plus_hanoi_branches_and_reception_points(every_center):
    kinds = Counter(n["kind"] for n in every_center)
    assert kinds == {"PROVINCIAL": 34, "COMMUNE": 3321, "BRANCH": 30, "RECEPTION_POINT": 198}
    communes = {n["communeCode"] for n in every_center if n["kind"] == "COMMUNE"}
    assert communes == {f"{w.code.value:05d}" for w in Ward.iter_all()}
    assert len({n["id"] for n in every_center}) == len(every_center)


def test_what_is_derived_is_marked_sample_in_the_data_with_the_datasets_it_came_from(every_center, api):
    assert all(n["isSample"] == bool(n["sampleFields"]) for n in every_center)
    assert all(n["isSample"] for n in every_center if n["kind"] in ("BRANCH", "RECEPTION_POINT"))
    by_kind: dict[str, list[str]] = {}
    for n in every_center:
        by_kind.setdefault(n["kind"], []).append(n["id"])
    for ids in by_kind.values():  # the datasets come with one center (GetCenter), not with each page
        for center_id in ids[:: max(1, len(ids) // 5)]:
            center = api.run("GetCenter", {"id": center_id}).data["center"]
            versions = {d["name"]: d["version"] for d in center["datasets"]}
            assert versions["vietnam-provinces"] == "2025.10.1" and versions["vietnamadminunits"] == "1.0.4"


def test_a_province_lists_its_provincial_center_and_every_commune_center(api):
    nodes = _all_pages(api, {"provinceCode": "04"})  # Cao Bằng: no branches, no reception points
    kinds = Counter(n["kind"] for n in nodes)
    assert kinds == {"PROVINCIAL": 1, "COMMUNE": len(list(Ward.iter_by_province(ProvinceCode.P_04)))}


def test_the_hanoi_seat_is_the_published_address_resolved_to_its_new_ward(api):
    from infra.reference.hanoi_centers import SEAT_OLD_ADDRESS

    seat = api.run("GetCenter", {"id": "hcc-01"}).data["center"]
    resolved = api.run("ResolveAddress", {"text": SEAT_OLD_ADDRESS}).data["resolveAddress"]
    ward = resolved["candidates"][0]["commune"]["name"]
    assert resolved["split"] and ward == "Phường Hồng Hà"
    assert seat["address"].startswith(f"Số 197 Nghi Tàm, {ward}, Thành phố Hà Nội")
    assert "phường Yên Phụ, quận Tây Hồ" in seat["address"]
    assert "seed-004 kinhtedothi.vn" in {d["name"] for d in seat["datasets"]}
    assert set(seat["sampleFields"]) >= {"location", "hotline"}


def test_a_commune_lists_its_own_center(api):
    nodes = _all_pages(api, {"communeCode": "00070"})
    assert [n["name"] for n in nodes] == ["Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm"]


def test_a_commune_lists_its_reception_points_with_its_center(api):
    nodes = _all_pages(api, {"communeCode": "00376"})  # Xã Sóc Sơn, Hanoi: merged from several communes
    center = next(n for n in nodes if n["kind"] == "COMMUNE")
    points = [n for n in nodes if n["kind"] == "RECEPTION_POINT"]
    assert points and all(p["parentId"] == center["id"] and p["communeCode"] == "00376" for p in points)
    assert all(p["name"].startswith("Điểm tiếp nhận") and p["isSample"] for p in points)


def test_in_hoan_kiem_the_nearest_centers_come_nearest_first_within_the_radius(api):
    edges = nearest(api, HOAN_KIEM_LAKE, radiusKm=5, procedureCode=BIRTH_REGISTRATION)
    distances = [e["distanceKm"] for e in edges]
    assert edges and distances == sorted(distances) and distances[-1] <= 5
    assert edges[0]["node"]["name"] == "Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm"
    assert edges[0]["distanceKm"] < 1


def test_a_procedure_filter_keeps_only_the_centers_that_receive_it(api):
    provincial = nearest(api, HOAN_KIEM_LAKE, radiusKm=5, procedureCode=CRIMINAL_RECORD)
    assert provincial and {e["node"]["kind"] for e in provincial} == {"BRANCH", "PROVINCIAL"}
    assert "hcc-01" in {e["node"]["id"] for e in provincial}  # the seat, in Yên Phụ, about 3 km away
    anything = nearest(api, HOAN_KIEM_LAKE, radiusKm=5)
    assert {e["node"]["kind"] for e in anything} >= {"COMMUNE", "BRANCH"}


def test_in_the_countryside_the_nearest_center_is_the_communes_own(api):
    edges = nearest(api, NEAR_MUONG_TE, radiusKm=10, procedureCode=BIRTH_REGISTRATION)
    assert edges[0]["node"]["id"] == "hcc-12-03445" and edges[0]["distanceKm"] < 2
    assert edges[0]["node"]["name"] == "Trung tâm Phục vụ hành chính công Xã Mường Tè"


def test_far_from_any_center_the_answer_is_empty_not_an_error(api):
    r = api.run("NearestCenters", {"near": CUC_PHUONG_FOREST, "radiusKm": 5})
    assert r.errors == [] and r.data["centers"]["edges"] == []
    wider = nearest(api, CUC_PHUONG_FOREST, radiusKm=10)
    assert wider and wider[0]["node"]["name"].endswith("Xã Cúc Phương") and wider[0]["distanceKm"] > 5


def test_one_center_by_id(api):
    c = api.run("GetCenter", {"id": "hcc-01"}).data["center"]
    assert c["kind"] == "PROVINCIAL" and c["provinceCode"] == "01" and c["procedureCodes"]


def test_commune_centers_stand_at_their_own_communes_centroid(api):
    """vietnamadminunits' codes for 131 wards differ from the official ones; positions follow names."""
    kim_lien = api.run("GetCenter", {"id": "hcc-01-00226"}).data["center"]
    assert kim_lien["name"].endswith("Phường Kim Liên")
    assert kim_lien["location"] == {"lat": 21.0057, "lon": 105.832}  # not Văn Miếu's, which has that code there


def test_bad_center_queries_are_typed_input_errors(api):
    assert api.run("GetCenter", {"id": "NOT A ID"}).error_codes == ["BAD_USER_INPUT"]
    assert api.run("GetCenter", {"id": "hcc-99"}).error_codes == ["NOT_FOUND"]
    assert api.run("Centers", {}).error_codes == ["BAD_USER_INPUT"]
    assert api.run("Centers", {"provinceCode": "1"}).error_codes == ["BAD_USER_INPUT"]
    too_far = api.run("NearestCenters", {"near": HOAN_KIEM_LAKE, "radiusKm": 500})
    assert too_far.error_codes == ["BAD_USER_INPUT"]


def test_a_commune_center_has_the_headquarters_the_merger_map_publishes(api):
    c = api.run("GetCenter", {"id": "hcc-01-00004"}).data["center"]  # Phường Ba Đình
    assert c["address"] == "Số 2, phố Trúc Bạch, phường Ba Đình, Thành phố Hà Nội"
    assert "address" not in c["sampleFields"] and "location" not in c["sampleFields"]
    assert "sapnhap.bando.com.vn" in {d["name"] for d in c["datasets"]}


def test_a_center_lists_the_procedures_it_receives(api):
    commune = api.run("CenterProcedures", {"id": "hcc-01-00004", "first": 100}).data["center"]["procedures"]
    provincial = api.run("CenterProcedures", {"id": "hcc-01", "first": 100}).data["center"]["procedures"]
    assert commune["totalCount"] > 500 and provincial["totalCount"] > 500
    assert all("COMMUNE" in e["node"]["levels"] for e in commune["edges"])
    assert all("PROVINCE" in e["node"]["levels"] for e in provincial["edges"])
    assert commune["edges"][0]["node"]["detailLevel"] == "CHECKED"  # the most used first
    assert all(e["node"]["provinceCode"] in (None, "01") for e in commune["edges"])
    other = api.run("CenterProcedures", {"id": "hcc-79", "first": 1}).data["center"]["procedures"]
    assert other["totalCount"] != provincial["totalCount"]  # Hanoi's own procedures are Hanoi's only


def test_a_center_says_whether_it_receives_a_procedure(api):
    def receives(center, code):
        return api.run("CenterReceives", {"id": center, "procedureCode": code}).data["center"]["receives"]

    assert receives("hcc-01-00004", "1.001193") and not receives("hcc-01", "1.001193")  # birth: commune
    assert receives("hcc-79-26506", "1.001193")  # wherever the applicant lives
    assert receives("hcc-01", "1.115136")  # Hanoi's own provincial procedure
    assert not receives("hcc-79", "1.115136")  # Hanoi's own procedure, not Ho Chi Minh City's


def test_where_can_i_file_this(api):
    passport = api.run("ReceivingCenters", {"procedureCode": "1.001456", "first": 100}).data["centers"]["edges"]
    assert len(passport) == 34 and all(e["node"]["kind"] == "PROVINCIAL" for e in passport)
    birth = api.run("ReceivingCenters", {"procedureCode": "1.001193"})
    assert birth.error_codes == ["BAD_USER_INPUT"]  # every commune center: say where
    in_hanoi = api.run("ReceivingCenters", {"procedureCode": "1.001193", "provinceCode": "01", "first": 50})
    nodes = [e["node"] for e in in_hanoi.data["centers"]["edges"]]
    assert nodes and all(n["provinceCode"] == "01" and n["kind"] in ("COMMUNE", "RECEPTION_POINT") for n in nodes)
