"""Filing and following dossiers through the API, against DynamoDB Local."""

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from portal.clock import VIETNAM
from tests.support.factories import form_for
from tests.support.journeys import electronic_documents

# A Hanoi citizen files at a Ho Chi Minh City ward center: centers receive regardless of residence.
BEN_THANH = "hcc-79-26743"
BIRTH = "1.001193"


def birth_form() -> dict:
    return {"child_full_name": "Nguyễn Minh Khang", "child_birth_date": "2026-02-20"}


@pytest.fixture(scope="module")
def birth_procedure(request):
    from tests.support.catalog import catalog_procedure

    return catalog_procedure(BIRTH)


def submission(procedure, center=BEN_THANH, request_id=None, **overrides) -> dict:
    return {
        "clientRequestId": request_id or uuid.uuid4().hex,
        "procedureCode": procedure.code,
        "centerId": center,
        "formData": form_for(procedure),
        "electronicDocuments": electronic_documents(procedure),
        **overrides,
    }


def submit(api, token, procedure, **kw):
    r = api.run("SubmitDossier", {"input": submission(procedure, **kw)}, token=token)
    assert r.errors == [], r.errors
    return r.data["submitDossier"]


def test_a_citizen_files_online_at_any_center_and_gets_a_code_and_appointment(api, people, birth_procedure, clock):
    result = submit(api, people.citizen(), birth_procedure)
    assert result["__typename"] == "DossierSubmitted" and result["duplicate"] is False
    d = result["dossier"]
    assert d["code"].startswith("X79.") and "-260302-01" in d["code"]
    assert d["status"] == "RECEIVED"
    assert d["center"]["id"] == BEN_THANH
    assert d["applicant"] == {"idNumber": "001090012345", "fullName": "Nguyễn Văn An (mẫu)"}  # prefilled from identity
    assert datetime.fromisoformat(d["receivedAt"]) == clock.now()
    assert d["appointmentDate"] == "2026-03-02" and len(d["trackingSecret"]) == 11  # same day, before 15:00
    assert d["processingTime"]["unit"] == "SAME_DAY"


def test_a_retried_submit_returns_the_same_dossier_and_makes_no_second_one(api, people, birth_procedure):
    token = people.citizen(pid="001090000777", sub="retry")
    request_id = uuid.uuid4().hex
    first = submit(api, token, birth_procedure, request_id=request_id)
    again = submit(api, token, birth_procedure, request_id=request_id)
    assert again["duplicate"] is True and again["dossier"]["code"] == first["dossier"]["code"]
    mine = api.run("MyDossiers", {"first": 50}, token=token).data["myDossiers"]["edges"]
    assert [e["node"]["code"] for e in mine] == [first["dossier"]["code"]]


def test_concurrent_retries_of_one_submit_make_exactly_one_dossier(api, people, birth_procedure):
    token = people.citizen(pid="001090000888", sub="race")
    payload = submission(birth_procedure)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: api.run("SubmitDossier", {"input": payload}, token=token), range(6)))
    codes = {r.data["submitDossier"]["dossier"]["code"] for r in results}
    assert len(codes) == 1
    assert sum(not r.data["submitDossier"]["duplicate"] for r in results) == 1
    mine = api.run("MyDossiers", {"first": 50}, token=token).data["myDossiers"]["edges"]
    assert len(mine) == 1


def test_filing_needs_a_signed_in_citizen(api, people, birth_procedure):
    assert api.run("SubmitDossier", {"input": submission(birth_procedure)}).error_codes == ["UNAUTHENTICATED"]
    officer = api.run("SubmitDossier", {"input": submission(birth_procedure)}, token=people.officer(BEN_THANH))
    assert officer.error_codes == ["FORBIDDEN"]


def test_bad_submissions_get_typed_errors_and_nothing_is_written(api, people, birth_procedure):
    token = people.citizen(pid="001090000999", sub="bad")
    unknown = submit(api, token, birth_procedure, procedureCode="9.999999")
    assert unknown["__typename"] == "NotFoundError" and unknown["code"] == "NOT_FOUND"
    malformed = submit(api, token, birth_procedure, procedureCode="abc")
    assert malformed["__typename"] == "InvalidInputError" and malformed["problems"][0]["field"] == "code"
    missing = submit(api, token, birth_procedure, formData={})
    assert missing["__typename"] == "InvalidInputError"
    assert {p["field"] for p in missing["problems"]} == {
        f"formData.{f.name}" for f in birth_procedure.form_fields if f.required
    }
    wrong_center = submit(api, token, birth_procedure, center="hcc-79")  # provincial center: commune-level procedure
    assert wrong_center["__typename"] == "InvalidInputError" and wrong_center["problems"][0]["field"] == "centerId"
    bad_request_id = submit(api, token, birth_procedure, request_id="x")
    assert bad_request_id["__typename"] == "InvalidInputError"
    assert api.run("MyDossiers", {"first": 10}, token=token).data["myDossiers"]["edges"] == []


def test_a_missing_required_graphql_field_is_a_clear_error(api, people):
    r = api.run("SubmitDossier", {"input": {"procedureCode": BIRTH}}, token=people.citizen())
    assert r.data is None and set(r.error_codes) == {"GRAPHQL_VALIDATION_FAILED"}
    messages = " ".join(e["message"] for e in r.errors)
    assert all(name in messages for name in ("clientRequestId", "centerId", "formData"))


def test_the_applicant_and_the_centers_officers_see_the_dossier_others_do_not(api, people, birth_procedure):
    code = submit(api, people.citizen(), birth_procedure)["dossier"]["code"]
    mine = api.run("GetDossier", {"code": code}, token=people.citizen()).data["dossier"]
    assert mine["timeline"][0]["action"] == "receive" and mine["formData"]["child_full_name"]
    assert api.run("GetDossier", {"code": code}, token=people.officer(BEN_THANH)).data["dossier"]["code"] == code
    for outsider in (people.other_citizen(), people.officer("hcc-01")):
        r = api.run("GetDossier", {"code": code}, token=outsider)
        assert r.error_codes == ["NOT_FOUND"], "an outsider learns nothing, not even that it exists"
    assert api.run("GetDossier", {"code": code}).error_codes == ["UNAUTHENTICATED"]


def test_anyone_with_the_receipt_follows_the_dossier_without_personal_data(api, people, birth_procedure):
    d = submit(api, people.citizen(), birth_procedure)["dossier"]
    tracked = api.run("TrackDossier", {"code": d["code"], "trackingSecret": d["trackingSecret"].lower()})
    assert tracked.data["trackDossier"]["status"] == "RECEIVED"
    assert tracked.data["trackDossier"]["timeline"][0]["status"] == "RECEIVED"
    wrong = api.run("TrackDossier", {"code": d["code"], "trackingSecret": "AAAAA-AAAAA"})
    assert wrong.error_codes == ["NOT_FOUND"]
    leak = api.query(
        "query($c:String!,$s:String!){ trackDossier(code:$c, trackingSecret:$s)"
        "{ ... on Dossier { applicant { idNumber } } } }",
        {"c": d["code"], "s": d["trackingSecret"]},
    )
    assert leak.error_codes == ["GRAPHQL_VALIDATION_FAILED"]


def test_a_same_day_dossier_filed_after_15h_is_due_the_next_working_day(api, people, birth_procedure, clock):
    clock.current = datetime(2026, 3, 6, 16, 0, tzinfo=VIETNAM)  # Friday, after the cut-off
    d = submit(api, people.citizen(), birth_procedure)["dossier"]
    assert d["appointmentDate"] == "2026-03-09"  # "sau 15 giờ thì ngày làm việc tiếp theo": Monday


def test_a_same_day_dossier_filed_at_15h_exactly_is_due_that_day(api, people, birth_procedure, clock):
    clock.current = datetime(2026, 3, 6, 15, 0, 0, tzinfo=VIETNAM)  # 15:00:00 is not after 15:00
    d = submit(api, people.citizen(), birth_procedure)["dossier"]
    assert d["appointmentDate"] == "2026-03-06"


def test_my_dossiers_pages_newest_first(api, people, birth_procedure, clock):
    from datetime import timedelta

    token = people.citizen(pid="001090000555", sub="pager")
    codes = []
    for _ in range(5):
        codes.append(submit(api, token, birth_procedure)["dossier"]["code"])
        clock.advance(timedelta(minutes=1))
    seen, cursor = [], None
    while True:
        c = api.run("MyDossiers", {"first": 2, "after": cursor}, token=token).data["myDossiers"]
        seen += [e["node"]["code"] for e in c["edges"]]
        cursor = c["pageInfo"]["endCursor"]
        if not c["pageInfo"]["hasNextPage"]:
            break
    assert seen == list(reversed(codes))
