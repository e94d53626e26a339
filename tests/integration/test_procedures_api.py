"""Procedure lookup through the API, on the seeded national catalog in DynamoDB Local."""


def test_birth_registration_is_found_first_with_or_without_accents(api):
    for query in ("dang ky khai sinh", "Đăng ký khai sinh", "khai sinh"):
        r = api.run("SearchProcedures", {"search": query})
        assert r.errors == []
        assert r.data["procedures"]["edges"][0]["node"]["code"] == "1.001193", query


def first_code(api, query, **filters):
    r = api.run("SearchProcedures", {"search": query, "filter": filters or None, "first": 5})
    assert r.errors == []
    edges = r.data["procedures"]["edges"]
    return edges[0]["node"]["code"] if edges else None


def test_the_criminal_record_certificate_is_found_first(api):
    for query in ("ly lich tu phap", "Lý lịch tư pháp", "phieu ly lich tu phap"):
        assert first_code(api, query) == "3.000333", query


def test_one_wrong_missing_extra_or_swapped_letter_is_forgiven(api):
    assert first_code(api, "dang ky khai sonh") == "1.001193"  # wrong
    assert first_code(api, "ly lich tu phapp") == "3.000333"  # extra
    assert first_code(api, "phiu ly lich tu phap") == "3.000333"  # missing
    assert first_code(api, "dnag ky thuong tru") == "1.004222"  # swapped: permanent residence registration
    assert first_code(api, "dang ki khai sinh") == "1.001193"  # "kí" is a correct spelling of "ký"


def test_the_high_volume_procedures_of_the_seeds_are_found_by_their_names(api):
    assert first_code(api, "dang ky khai tu") == "1.000656"
    assert first_code(api, "doi giay phep lai xe") == "3.000347"
    assert first_code(api, "dang ky thanh lap ho kinh doanh") == "1.001612"


def test_filters_apply_to_a_search(api):
    r = api.run(
        "SearchProcedures", {"search": "dang ky", "filter": {"field": "Hộ tịch", "level": "COMMUNE"}, "first": 100}
    )
    nodes = [e["node"] for e in r.data["procedures"]["edges"]]
    assert nodes and all(n["field"] == "Hộ tịch" and "COMMUNE" in n["levels"] for n in nodes)
    everywhere = first_code(api, "khai sinh")
    provincial = first_code(api, "khai sinh", field="Hộ tịch", level="PROVINCE")
    assert everywhere == "1.001193" and provincial not in (None, everywhere)  # birth registration is communal
    r = api.run("SearchProcedures", {"filter": {"agency": "cong an"}, "first": 100})
    nodes = [e["node"] for e in r.data["procedures"]["edges"]]
    assert len(nodes) >= 10 and all("Công an" in n["agency"] for n in nodes)
    assert first_code(api, "khai sinh", field="Đường bộ") is None  # (long land names say "khai thác ... phát sinh")


def test_the_seeded_catalog_has_at_least_100_procedures_across_15_fields(api):
    r = api.run("SearchProcedures", {"first": 1})
    assert r.data["procedures"]["totalCount"] >= 100
    assert len(api.run("ProcedureFields").data["procedureFields"]) >= 15


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
    assert p["onlineLevel"] in {"FULL", "PARTIAL"}
    # Same day, after 15:00 the next working day: in the words of the procedure's own text.
    assert p["processingDays"] is None and p["processingTime"]["unit"] == "SAME_DAY"
    assert "sau 15 giờ" in p["processingTime"]["sourceText"]


def test_a_fee_that_is_not_fixed_is_null_not_zero(api):
    def amounts(code):
        return [f["amountVnd"] for f in api.run("GetProcedure", {"code": code}).data["procedure"]["fees"]]

    assert amounts("1.001193") == [0]  # birth registration is free
    assert amounts("1.013225") == [None]  # construction permit: set by the Provincial People's Council
    assert amounts("1.000656") == [0, None, 8000]


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


def test_the_whole_public_catalog_is_served_with_its_provenance(api):
    r = api.run("SearchProcedures", {"first": 1})
    assert r.data["procedures"]["totalCount"] >= 4_500  # national ones; each province adds its own
    listed = api.run("GetProcedure", {"code": "1.000030"}).data["procedure"]
    assert listed["detailLevel"] == "LISTED"
    assert listed["documents"] == [] and listed["fees"] == [] and listed["processingDays"] is None
    assert listed["officialUrl"].startswith("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/")
    assert (
        "suzynotsusie/data-pipeline/blob/eb4b789684c8ee6a9fafd7c282211c07a8afd7fd/main/full-data.csv"
        in listed["sourceRef"]
    )


def test_an_imported_procedure_has_its_times_per_channel_and_its_result(api):
    p = api.run("GetProcedure", {"code": "1.014064"}).data["procedure"]  # hand-checked: its values stay
    assert p["detailLevel"] == "CHECKED" and p["formFields"] and p["processingDays"] == 7
    assert {t["channel"] for t in p["processingTimes"]} == {"ONLINE", "IN_PERSON", "POST"}
    assert all(t["unit"] == "WORKING_DAYS" for t in p["processingTimes"])
    assert p["results"] == ["Thẻ căn cước"] and p["applicants"] and p["decision"]
    d = api.run("GetProcedure", {"code": "2.002043"}).data["procedure"]  # joint-stock company registration
    assert d["detailLevel"] == "DETAILED" and d["documents"] and d["legalBasis"] and d["formFields"] == []
    assert {(f["channel"], f["amountVnd"]) for f in d["fees"]} >= {("ONLINE", 100_000)}


def test_the_issues_three_sentences_find_their_procedure_first(api):
    assert first_code(api, "Tôi muốn cấp lại căn cước vì bị mất thẻ") == "1.014064"
    assert first_code(api, "doi bang lai xe") == "3.000347"
    assert first_code(api, "the bhyt tre em") in {"2.001023", "2.000986"}


def test_a_provinces_own_procedures_are_served_for_that_province_only(api):
    name = api.run("GetProcedure", {"code": "1.115242"}).data["procedure"]["name"]  # Hanoi's own
    assert first_code(api, name) != "1.115242"
    assert first_code(api, name, provinceCode="01") == "1.115242"
    r = api.run("SearchProcedures", {"search": "x", "filter": {"provinceCode": "Hà Nội"}})
    assert r.error_codes == ["BAD_USER_INPUT"]


def test_life_events_list_their_procedures(api):
    events = {e["id"]: e for e in api.run("LifeEvents").data["lifeEvents"]}
    birth = [p["code"] for p in events["sinh-con"]["procedures"]]
    assert "1.001193" in birth and "2.000986" in birth
    assert {"nguoi-than-qua-doi", "xay-nha", "khoi-nghiep", "giay-phep-lai-xe", "dat-dai"} <= set(events)


def test_a_detail_cites_its_source_text_and_a_fee_its_currency(api):
    card = api.run("GetProcedure", {"code": "1.003358"}).data["procedure"]  # temporary residence card
    assert {(f["amount"], f["currency"], f["amountVnd"]) for f in card["fees"]} >= {(145.0, "USD", None)}
    sources = {s["field"]: s for s in card["provenance"]}
    assert sources["fees"]["file"].endswith("/1.003358.json") and "145 USD/thẻ" in sources["fees"]["text"]
    death = api.run("GetProcedure", {"code": "1.000656"}).data["procedure"]  # hand-checked
    copy_fee = next(f for f in death["fees"] if f["amountVnd"] == 8000)
    assert copy_fee["editorial"]  # no source states it: labelled, never charged
    assert any(s["field"] == "online_level" and s["editorial"] and not s["file"] for s in death["provenance"])
    superseded = api.run("GetProcedure", {"code": "1.010385"})  # a district variant, superseded on 1 July 2025
    assert superseded.error_codes == ["NOT_FOUND"]


def test_with_nothing_typed_the_most_filed_procedures_come_first_not_customs(api):
    nodes = [e["node"] for e in api.run("SearchProcedures", {"first": 20}).data["procedures"]["edges"]]
    codes = [n["code"] for n in nodes]
    assert {"1.001193", "1.000656"} <= set(codes)  # birth and death registration
    assert not any(n["field"] == "Hải quan" for n in nodes)


def test_fields_and_agencies_are_browsed_with_the_counts_their_filters_list(api):
    data = api.run("BrowseCatalog").data
    fields = {g["name"]: g for g in data["procedureFieldCounts"]}
    agencies = {g["name"]: g for g in data["procedureAgencyCounts"]}
    counts = [g["count"] for g in data["procedureFieldCounts"]]
    assert counts == sorted(counts, reverse=True), "the largest first"
    civil_status = fields["Hộ tịch"]
    listed = api.run("SearchProcedures", {"filter": {"field": "Hộ tịch"}, "first": 1}).data["procedures"]
    assert listed["totalCount"] == civil_status["count"] > 20
    commune = agencies["Ủy ban nhân dân cấp xã"]
    assert commune["nameEn"] == "Commune People's Committee"
    listed = api.run("SearchProcedures", {"filter": {"agency": commune["name"]}, "first": 1}).data["procedures"]
    assert listed["totalCount"] == commune["count"]


def test_each_result_says_which_variant_it_is(api):
    r = api.run("SearchProcedures", {"search": "dang ky khai sinh", "first": 10})
    notes = {
        e["node"]["code"]: (e["node"]["variantNote"], e["node"]["variantNoteEn"]) for e in r.data["procedures"]["edges"]
    }
    assert notes["2.000528"] == ("Có yếu tố nước ngoài", "With a foreign element")
    assert notes["1.001193"] == ("Không có yếu tố nước ngoài", "No foreign element")
    r = api.run("SearchProcedures", {"search": "dang ky thanh lap ho kinh doanh", "first": 1})
    assert r.data["procedures"]["edges"][0]["node"]["variantNote"] is None  # no other shares its name
