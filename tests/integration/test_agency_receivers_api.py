"""A ministry's reception receives its central procedures like a center: filed online, in its officers' queue."""

from datetime import timedelta

import pytest

from tests.support.catalog import catalog_procedure
from tests.support.journeys import submit

FOREIGN_LAWYER = "1.002911"  # Cấp Giấy phép hành nghề tại Việt Nam của luật sư nước ngoài: Cục Bổ trợ tư pháp, central
FOREIGN_LOAN = "1.000111"  # central and provincial: the State Bank, and the provincial centers
JUSTICE = "bo-tu-phap"
BEN_THANH = "hcc-79-26743"
HOAN_KIEM_LAKE = {"lat": 21.0288, "lon": 105.8525}  # the ministries stand in Hanoi: still never "nearest"


@pytest.fixture(scope="module")
def lawyer_licence():
    return catalog_procedure(FOREIGN_LAWYER)


def test_a_citizen_files_a_central_procedure_online_to_the_ministry_and_its_officer_sees_it(
    api, people, lawyer_licence, clock
):
    citizen = people.citizen(pid="001090000931", sub="agency-filer")
    dossier = submit(api, citizen, JUSTICE, procedure=lawyer_licence)
    assert dossier["center"]["id"] == JUSTICE and dossier["status"] == "RECEIVED"
    assert dossier["code"].startswith("G15.000.00-260302-01")  # the ministry's code (catalog's KQ.G15.*)
    assert dossier["appointmentDate"] == (clock.now().date() + timedelta(days=28)).isoformat()  # 20 working days
    for role in ("processing", "lead"):
        queue = api.run("CenterQueue", {"first": 100}, token=people.officer(JUSTICE, role)).data["centerQueue"]
        assert dossier["code"] in {e["node"]["code"] for e in queue["edges"]}
    other = api.run("CenterQueue", {"first": 100}, token=people.officer("bo-cong-an")).data["centerQueue"]
    assert dossier["code"] not in {e["node"]["code"] for e in other["edges"]}
    assert api.run("GetDossier", {"code": dossier["code"]}, token=people.officer(JUSTICE)).errors == []


def test_a_commune_or_provincial_center_and_another_ministry_refuse_a_central_procedure(api, people, lawyer_licence):
    for center in (BEN_THANH, "hcc-01", "bo-cong-an"):
        r = api.run(
            "SubmitDossier",
            {
                "input": {
                    "clientRequestId": f"refused-{center}",
                    "procedureCode": FOREIGN_LAWYER,
                    "centerId": center,
                    "formData": {},
                }
            },
            token=people.citizen(),
        )
        refused = r.data["submitDossier"]
        assert refused["__typename"] == "InvalidInputError", (center, refused)
        assert [p["field"] for p in refused["problems"]] == ["centerId"], (center, refused)


def test_where_to_file_a_central_procedure_is_its_ministry_and_the_procedure_says_so(api):
    found = api.run("ReceivingCenters", {"procedureCode": FOREIGN_LAWYER}).data["centers"]["edges"]
    assert [(e["node"]["id"], e["node"]["kind"]) for e in found] == [(JUSTICE, "AGENCY")]
    agency = api.run("GetProcedure", {"code": FOREIGN_LAWYER}).data["procedure"]["receivingAgency"]
    assert agency == {"centerId": JUSTICE, "name": "Bộ Tư pháp", "nameEn": "Ministry of Justice"}
    assert api.run("GetProcedure", {"code": "1.001193"}).data["procedure"]["receivingAgency"] is None


def test_a_procedure_both_central_and_provincial_is_received_by_its_agency_and_the_provincial_centers(api):
    def receives(center):
        return api.run("CenterReceives", {"id": center, "procedureCode": FOREIGN_LOAN}).data["center"]["receives"]

    assert receives("ngan-hang-nha-nuoc") and receives("hcc-01") and receives("hcc-79")
    assert not receives(JUSTICE) and not receives(BEN_THANH)
    found = api.run("ReceivingCenters", {"procedureCode": FOREIGN_LOAN, "first": 100}).data["centers"]["edges"]
    kinds = [e["node"]["kind"] for e in found]
    assert kinds[0] == "AGENCY" and found[0]["node"]["id"] == "ngan-hang-nha-nuoc" and kinds.count("PROVINCIAL") == 34


def test_the_agencies_are_listed_apart_with_sourced_codes_and_never_as_the_nearest_center(api):
    agencies = api.run("Centers", {"provinceCode": "00", "first": 100}).data["centers"]["edges"]
    nodes = [e["node"] for e in agencies]
    assert len(nodes) == 16 and {n["kind"] for n in nodes} == {"AGENCY"}
    assert all(n["isSample"] and n["sampleFields"] == ["agencyCode"] for n in nodes)  # the code's tail is ours
    assert all(n["address"] == "" and n["addressNote"] and n["hotline"] == "" for n in nodes)  # no source: unknown
    justice = api.run("GetCenter", {"id": JUSTICE}).data["center"]
    assert (
        justice["agencyCode"] == "G15.000.00"
        and justice["location"] is None
        and FOREIGN_LAWYER in justice["procedureCodes"]
    )
    near = api.run("NearestCenters", {"near": HOAN_KIEM_LAKE, "radiusKm": 50, "first": 100})
    assert near.errors == [] and "AGENCY" not in {e["node"]["kind"] for e in near.data["centers"]["edges"]}
    near_central = api.run("NearestCenters", {"near": HOAN_KIEM_LAKE, "procedureCode": FOREIGN_LAWYER, "first": 20})
    assert near_central.data["centers"]["edges"] == []  # no service center receives it
