"""Procedure lookup through the API, on the seeded national catalog in DynamoDB Local."""


def test_birth_registration_is_found_first_with_or_without_accents(api):
    for query in ("dang ky khai sinh", "Đăng ký khai sinh", "khai sinh"):
        r = api.run("SearchProcedures", {"search": query})
        assert r.errors == []
        assert r.data["procedures"]["edges"][0]["node"]["code"] == "1.001193", query


def test_the_whole_catalog_pages_through_without_repeats(api):
    seen, cursor = [], None
    while True:
        r = api.run("SearchProcedures", {"first": 25, "after": cursor})
        connection = r.data["procedures"]
        seen += [e["node"]["code"] for e in connection["edges"]]
        cursor = connection["pageInfo"]["endCursor"]
        if not connection["pageInfo"]["hasNextPage"]:
            break
    assert len(seen) == len(set(seen)) == connection["totalCount"] >= 100


def test_filters_narrow_the_list(api):
    r = api.run("SearchProcedures", {"filter": {"level": "PROVINCE", "onlineLevel": "FULL"}, "first": 100})
    nodes = [e["node"] for e in r.data["procedures"]["edges"]]
    assert nodes and all("PROVINCE" in n["levels"] and n["onlineLevel"] == "FULL" for n in nodes)


def test_one_procedure_has_everything_its_page_shows(api):
    p = api.run("GetProcedure", {"code": "1.001193"}).data["procedure"]
    assert p["name"] == "Đăng ký khai sinh"
    assert p["documents"] and p["legalBasis"] and p["formFields"]
    assert p["processingDays"] >= 0 and p["onlineLevel"] in {"FULL", "PARTIAL"}


def test_a_malformed_code_is_a_typed_input_error(api):
    r = api.run("GetProcedure", {"code": "khai-sinh"})
    assert r.data is None
    assert r.error_codes == ["BAD_USER_INPUT"]
    assert r.errors[0]["extensions"]["problems"][0]["field"] == "code"
    assert "N.NNNNNN" in r.errors[0]["extensions"]["messageEn"]


def test_an_unknown_code_is_not_found(api):
    r = api.run("GetProcedure", {"code": "9.999999"})
    assert r.error_codes == ["NOT_FOUND"]


def test_fields_are_listed_for_filters(api):
    fields = api.run("ProcedureFields").data["procedureFields"]
    assert "Hộ tịch" in fields and len(fields) >= 15
