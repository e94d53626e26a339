"""Administrative units and address resolution through the API."""

import pytest


def all_communes(api, province_code):
    nodes, cursor = [], None
    while True:
        r = api.run("Communes", {"provinceCode": province_code, "first": 100, "after": cursor})
        assert r.errors == []
        connection = r.data["communes"]
        nodes += [e["node"] for e in connection["edges"]]
        cursor = connection["pageInfo"]["endCursor"]
        if not connection["pageInfo"]["hasNextPage"]:
            return nodes, connection["totalCount"]


def test_there_are_34_provinces_and_3321_communes(api):
    provinces = api.run("Provinces").data["provinces"]
    assert len(provinces) == 34
    assert {"code": "01", "name": "Thành phố Hà Nội", "shortName": "Hà Nội", "divisionType": "CITY"} in provinces
    total = 0
    for province in provinces:
        nodes, count = all_communes(api, province["code"])
        assert len(nodes) == count and {n["provinceCode"] for n in nodes} == {province["code"]}
        total += count
    assert total == 3321


def test_the_communes_of_hanoi_are_wards_and_communes_with_their_vietnamese_names(api):
    nodes, count = all_communes(api, "01")
    assert count == 126
    assert {
        "code": "00097",
        "name": "Phường Hồng Hà",
        "shortName": "Hồng Hà",
        "divisionType": "WARD",
        "provinceCode": "01",
    } in nodes
    assert {n["divisionType"] for n in nodes} == {"WARD", "COMMUNE"}


def test_special_zones_are_their_own_division_type(api):
    nodes, _ = all_communes(api, "91")  # An Giang: Phú Quốc, Kiên Hải, Thổ Châu
    assert sorted(n["shortName"] for n in nodes if n["divisionType"] == "SPECIAL_ZONE") == [
        "Kiên Hải",
        "Phú Quốc",
        "Thổ Châu",
    ]


def test_an_old_address_of_a_split_ward_lists_every_new_ward(api):
    r = api.run("ResolveAddress", {"text": "197 Nghi Tàm, P. Yên Phụ, Q. Tây Hồ, TP. Hà Nội"})
    assert r.errors == []
    result = r.data["resolveAddress"]
    assert result["form"] == "LEGACY" and result["split"] is True and result["precision"] == "COMMUNE"
    assert [c["commune"]["name"] for c in result["candidates"]] == ["Phường Hồng Hà", "Phường Tây Hồ"]
    assert result["legacy"]["district"] == {"code": "003", "name": "Quận Tây Hồ"}
    assert result["street"] == "197 Nghi Tàm"
    assert result["message"].startswith("Xã/phường cũ đã được chia") and "divided" in result["messageEn"]


def test_a_new_form_address_resolves_to_itself(api):
    result = api.run("ResolveAddress", {"text": "phuong hong ha, ha noi"}).data["resolveAddress"]
    assert result["form"] == "CURRENT" and result["legacy"] is None
    assert [(c["commune"]["code"], c["isDefault"]) for c in result["candidates"]] == [("00097", True)]


@pytest.mark.parametrize("text", ["", "   ", "x" * 301])
def test_empty_or_too_long_text_is_a_typed_input_error(api, text):
    r = api.run("ResolveAddress", {"text": text})
    assert r.error_codes == ["BAD_USER_INPUT"]
    assert r.errors[0]["extensions"]["problems"][0]["field"] == "text"


def test_a_bad_province_code_is_a_typed_input_error(api):
    assert api.run("Communes", {"provinceCode": "1"}).error_codes == ["BAD_USER_INPUT"]
    assert api.run("Communes", {"provinceCode": "99"}).error_codes == ["BAD_USER_INPUT"]


def test_the_datasets_and_their_versions_are_published(api):
    datasets = {d["name"]: d["version"] for d in api.run("ReferenceDatasets").data["referenceDatasets"]}
    assert datasets == {"vietnam-provinces": "2025.10.1", "vietnamadminunits": "1.0.4"}
