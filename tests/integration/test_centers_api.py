"""Center directory through the API: by province, by commune, nearest to a point."""

from vietnam_provinces import ProvinceCode, Ward

HOAN_KIEM_LAKE = {"lat": 21.0288, "lon": 105.8525}


def _all_pages(api, variables):
    nodes, cursor = [], None
    while True:
        r = api.run("Centers", {**variables, "first": 50, "after": cursor})
        assert r.errors == []
        c = r.data["centers"]
        nodes += [e["node"] for e in c["edges"]]
        cursor = c["pageInfo"]["endCursor"]
        if not c["pageInfo"]["hasNextPage"]:
            return nodes


def test_a_province_lists_its_provincial_center_and_every_commune_center(api):
    nodes = _all_pages(api, {"provinceCode": "01"})
    kinds = [n["kind"] for n in nodes]
    assert kinds.count("PROVINCIAL") == 1
    assert kinds.count("COMMUNE") == len(list(Ward.iter_by_province(ProvinceCode.P_01)))


def test_a_commune_lists_its_own_center(api):
    nodes = _all_pages(api, {"communeCode": "00070"})
    assert [n["name"] for n in nodes] == ["Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm"]


def test_the_nearest_centers_receiving_a_procedure_come_nearest_first_within_the_radius(api):
    r = api.run("NearestCenters", {"near": HOAN_KIEM_LAKE, "radiusKm": 5, "procedureCode": "1.001193", "first": 10})
    edges = r.data["centers"]["edges"]
    distances = [e["distanceKm"] for e in edges]
    assert edges and distances == sorted(distances) and distances[-1] <= 5
    assert edges[0]["node"]["name"].endswith("Hoàn Kiếm")


def test_one_center_by_id(api):
    c = api.run("GetCenter", {"id": "hcc-01"}).data["center"]
    assert c["kind"] == "PROVINCIAL" and c["provinceCode"] == "01" and c["procedureCodes"]


def test_bad_center_queries_are_typed_input_errors(api):
    assert api.run("GetCenter", {"id": "NOT A ID"}).error_codes == ["BAD_USER_INPUT"]
    assert api.run("GetCenter", {"id": "hcc-99"}).error_codes == ["NOT_FOUND"]
    assert api.run("Centers", {}).error_codes == ["BAD_USER_INPUT"]
    assert api.run("Centers", {"provinceCode": "1"}).error_codes == ["BAD_USER_INPUT"]
    too_far = api.run("NearestCenters", {"near": HOAN_KIEM_LAKE, "radiusKm": 500})
    assert too_far.error_codes == ["BAD_USER_INPUT"]
