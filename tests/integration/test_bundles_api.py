"""Bundles (liên thông) through the API, DynamoDB Local and the session's real stream consumer: one filing
makes one linked dossier per member at its competent agency; a waiting member starts when the result it
needs is ready (the consumer reacts to the event), its due date counted from then; a retry makes nothing
twice; withdrawing withdraws what is not decided."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from tests.conftest import STACK
from tests.support.catalog import procedures_by_code
from tests.support.journeys import act, asking_for, electronic_documents
from tests.support.notifications import consumer, unique_pid, wait_for

COMMUNE = "hcc-01-00256"  # a commune center no other test files at (KPI tests count their own centers)
PROVINCIAL = "hcc-01"  # Hanoi's center: the social-insurance procedures are provincial
RESULT = {"name": "trich-luc-khai-sinh.pdf", "contentType": "application/pdf", "sizeBytes": 48213}


@pytest.fixture(autouse=True)
def _engines(seeded, jwks_server):
    assert consumer(STACK).healthy()


def _procedures(*codes: str):
    by_code = procedures_by_code()
    return [by_code[c] for c in codes]


def _documents(*codes: str) -> list[str]:
    return [name for p in _procedures(*codes) for name in electronic_documents(p)]


def birth_answers(father: str) -> dict:
    return {
        "child_full_name": "Nguyễn Minh Khang",
        "child_birth_date": "2026-02-20",
        "child_gender": "Nam",
        "child_birth_place": "Bệnh viện Phụ sản Hà Nội, Thành phố Hà Nội",
        "child_ethnicity": "Kinh",
        "child_hometown": "Phường Hoàn Kiếm, Thành phố Hà Nội",
        "mother_citizen_id": "001195012345",
        "father_citizen_id": father,
        "relationship": "Cha",
        "residence_address": "Số 12 ngõ 34 phố Tô Hiến Thành, Phường Hai Bà Trưng, Thành phố Hà Nội",
        "registration_case": "Về ở với người thân (vợ/chồng, cha/mẹ, con...)",
        "card_delivery": "Thẻ BHYT điện tử trên VNeID",
    }


def death_answers() -> dict:
    return {
        "deceased_full_name": "Nguyễn Văn Bình",
        "deceased_citizen_id": "001040012345",
        "death_date": "2026-02-25",
        "death_place": "Bệnh viện Bạch Mai, Thành phố Hà Nội",
        "relationship": "Con",
        "residence_address": "Số 5 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội",
        "deceased_insurance_number": "0140012345",
        "burial_relationship": "Thân nhân",
    }


def file_bundle(api, token: str, code: str, answers: dict, request_id: str | None = None, **extra) -> dict:
    documents = _documents("1.001193") if code == "2.000986" else _documents("1.000656")
    payload = {
        "clientRequestId": request_id or uuid.uuid4().hex,
        "bundleCode": code,
        "centerId": COMMUNE,
        "answers": answers,
        "electronicDocuments": documents,
        **extra,
    }
    r = api.run("SubmitBundle", {"input": payload}, token=token)
    assert r.errors == [], r.errors
    assert r.data["submitBundle"]["__typename"] == "BundleSubmitted", r.data
    return r.data["submitBundle"]


def get_bundle(api, token: str, bundle_id: str) -> dict:
    r = api.run("GetBundle", {"id": bundle_id}, token=token)
    assert r.errors == [], r.errors
    return r.data["bundle"]


def members(bundle: dict) -> dict[str, dict]:
    return {m["key"]: m for m in bundle["members"]}


def started(api, token: str, bundle_id: str, *keys: str) -> dict:
    def check():
        b = get_bundle(api, token, bundle_id)
        return b if all(members(b)[k]["dossier"] for k in keys) else None

    return wait_for(check, what=f"members {keys} to start")


def agency(services, center_id: str) -> str:
    return services.centers.get(center_id).agency_code


def test_a_birth_bundle_makes_linked_dossiers_at_their_agencies_as_results_come(api, people, services, clock):
    father = unique_pid()
    citizen = people.citizen(pid=father)
    filed = file_bundle(api, citizen, "2.000986", birth_answers(father))
    bundle = filed["bundle"]
    assert (bundle["code"], bundle["status"], filed["duplicate"]) == ("2.000986", "IN_PROGRESS", False)
    m = members(bundle)
    assert [x["procedureCode"] for x in bundle["members"]] == ["1.001193", "1.004222", "1.014137"]
    assert (m["birth"]["state"], m["residence"]["state"], m["card"]["state"]) == ("STARTED", "WAITING", "WAITING")
    assert (m["residence"]["after"], m["card"]["after"]) == (["birth"], ["birth"])
    assert (m["residence"]["dossier"], m["card"]["dossier"]) == (None, None)
    birth = m["birth"]["dossier"]
    assert birth["code"].startswith(agency(services, COMMUNE)) and birth["centerId"] == COMMUNE
    assert birth["appointmentDate"] == "2026-03-02"  # same day: received Monday 2 March at 09:00
    assert birth["formData"]["child_full_name"] == "Nguyễn Minh Khang" and "card_delivery" not in birth["formData"]
    dossier = api.run("GetDossier", {"code": birth["code"]}, token=citizen).data["dossier"]
    assert dossier["procedureCode"] == "1.001193"

    clock.advance(timedelta(days=2, hours=1))  # Wednesday 4 March, 10:00: the birth is registered
    officer = people.officer(COMMUNE, "processing")
    act(api, officer, birth["code"], "START_PROCESSING")
    act(api, officer, birth["code"], "MARK_RESULT_READY", result=RESULT)

    bundle = started(api, citizen, bundle["id"], "residence", "card")
    m = members(bundle)
    residence, card = m["residence"]["dossier"], m["card"]["dossier"]
    assert residence["code"].startswith(agency(services, COMMUNE)) and residence["centerId"] == COMMUNE
    assert card["code"].startswith(agency(services, PROVINCIAL)) and card["centerId"] == PROVINCIAL
    assert residence["receivedAt"].startswith("2026-03-04T10:00")  # when the birth's result was ready
    assert residence["appointmentDate"] == "2026-03-13"  # 7 working days from Thursday 5 March
    assert card["appointmentDate"] == "2026-03-11"  # 5 working days
    assert residence["formData"]["linked_birth_dossier_code"] == birth["code"]
    assert residence["formData"]["linked_birth_result"] == RESULT["name"]  # not typed again
    assert residence["formData"]["residence_address"].startswith("Số 12 ngõ 34")
    assert card["formData"]["card_delivery"] == "Thẻ BHYT điện tử trên VNeID"
    assert [e["action"] for e in residence["timeline"]] == ["receive"]
    assert bundle["status"] == "IN_PROGRESS"
    assert len({birth["code"], residence["code"], card["code"]}) == 3
    linked = api.run("GetDossier", {"code": card["code"]}, token=people.officer(PROVINCIAL, "processing"))
    assert linked.errors == [] and linked.data["dossier"]["procedureCode"] == "1.014137"


def test_a_retried_bundle_filing_makes_nothing_twice(api, people):
    father = unique_pid()
    citizen = people.citizen(pid=father)
    request_id = uuid.uuid4().hex
    first = file_bundle(api, citizen, "2.000986", birth_answers(father), request_id)
    again = file_bundle(api, citizen, "2.000986", birth_answers(father), request_id)
    assert again["duplicate"] is True
    assert again["bundle"]["id"] == first["bundle"]["id"]
    codes = [m["dossier"]["code"] for m in first["bundle"]["members"] if m["dossier"]]
    assert codes == [m["dossier"]["code"] for m in again["bundle"]["members"] if m["dossier"]]
    mine = api.run("MyBundles", token=citizen).data["myBundles"]
    assert [b["id"] for b in mine] == [first["bundle"]["id"]]
    dossiers = api.run("MyDossiers", {"first": 20}, token=citizen).data["myDossiers"]["edges"]
    assert [e["node"]["code"] for e in dossiers] == codes


def test_a_death_bundle_runs_cancellation_and_allowance_after_the_registration(api, people, services, clock):
    citizen = people.citizen(pid=unique_pid())
    bundle = file_bundle(api, citizen, "1.011537", death_answers())["bundle"]
    m = members(bundle)
    assert [x["procedureCode"] for x in bundle["members"]] == ["1.000656", "1.003197", "1.014177"]
    death = m["death"]["dossier"]
    assert death["centerId"] == COMMUNE and death["appointmentDate"] == "2026-03-02"  # same day, before 15:00
    officer = people.officer(COMMUNE, "processing")
    act(api, officer, death["code"], "START_PROCESSING")
    act(api, officer, death["code"], "MARK_RESULT_READY", result={**RESULT, "name": "trich-luc-khai-tu.pdf"})

    bundle = started(api, citizen, bundle["id"], "residence_cancellation", "burial_allowance")
    m = members(bundle)
    cancellation, allowance = m["residence_cancellation"]["dossier"], m["burial_allowance"]["dossier"]
    assert cancellation["centerId"] == COMMUNE and allowance["centerId"] == PROVINCIAL
    assert cancellation["formData"]["subject_citizen_id"] == "001040012345"  # asked once, as the deceased's
    assert cancellation["formData"]["deletion_reason"] == "Người đã chết/mất tích"
    assert allowance["formData"]["relationship"] == "Thân nhân"
    assert allowance["formData"]["linked_death_result"] == "trich-luc-khai-tu.pdf"
    assert cancellation["appointmentDate"] == (date(2026, 3, 9)).isoformat()  # 5 working days from Tuesday 3 March

    act(api, officer, cancellation["code"], "REJECT", note="Địa chỉ thường trú không khớp với Cơ sở dữ liệu cư trú")
    assert get_bundle(api, citizen, bundle["id"])["status"] == "IN_PROGRESS"  # the allowance still runs
    provincial = people.officer(PROVINCIAL, "processing")
    act(api, provincial, allowance["code"], "START_PROCESSING")
    act(api, provincial, allowance["code"], "MARK_RESULT_READY", result={**RESULT, "name": "quyet-dinh.pdf"})
    assert get_bundle(api, citizen, bundle["id"])["status"] == "PARTLY_REFUSED"


def test_a_supplement_shows_on_the_bundle_and_withdrawing_withdraws_what_is_undecided(api, people):
    father = unique_pid()
    citizen = people.citizen(pid=father)
    bundle = file_bundle(api, citizen, "2.000986", birth_answers(father))["bundle"]
    birth = members(bundle)["birth"]["dossier"]["code"]
    asked = asking_for("Giấy chứng sinh")
    officer = people.officer(COMMUNE, "processing")
    act(api, officer, birth, "REQUEST_SUPPLEMENT", note="Bản chụp rõ hơn", supplement=asked)
    shown = get_bundle(api, citizen, bundle["id"])
    assert shown["status"] == "WAITING_FOR_APPLICANT"
    assert members(shown)["birth"]["dossier"]["timeline"][-1]["note"] == "Bản chụp rõ hơn"
    last = api.run("GetDossier", {"code": birth}, token=citizen).data["dossier"]["timeline"][-1]
    assert last["supplementItems"] == [{"what": asked["documents"][0], "legalBasis": "", "listed": True}]

    r = api.run("WithdrawBundle", {"id": bundle["id"]}, token=citizen)
    withdrawn = r.data["withdrawBundle"]["bundle"]
    assert withdrawn["status"] == "WITHDRAWN" and withdrawn["withdrawnAt"]
    m = members(withdrawn)
    assert m["birth"]["dossier"]["status"] == "WITHDRAWN"
    assert (m["residence"]["state"], m["card"]["state"]) == ("CANCELLED", "CANCELLED")
    again = api.run("WithdrawBundle", {"id": bundle["id"]}, token=citizen).data["withdrawBundle"]
    assert again["__typename"] == "ConflictError"


def test_a_bundle_is_the_applicants_only_and_its_input_is_checked(api, people):
    father = unique_pid()
    citizen = people.citizen(pid=father)
    bundle = file_bundle(api, citizen, "2.000986", birth_answers(father))["bundle"]
    assert api.run("GetBundle", {"id": bundle["id"]}, token=people.other_citizen()).error_codes == ["NOT_FOUND"]
    assert api.run("GetBundle", {"id": bundle["id"]}, token=people.officer(COMMUNE)).error_codes == ["NOT_FOUND"]
    assert api.run("GetBundle", {"id": "x" * 5000}, token=citizen).error_codes == ["BAD_USER_INPUT"]
    answers = {**birth_answers(father), "child_full_name": ""}
    filing = {"clientRequestId": uuid.uuid4().hex, "bundleCode": "2.000986", "centerId": COMMUNE, "answers": answers}
    r = api.run("SubmitBundle", {"input": filing}, token=citizen)
    result = r.data["submitBundle"]
    assert result["__typename"] == "InvalidInputError"
    assert "formData.child_full_name" in {p["field"] for p in result["problems"]}
    unknown = api.run("BundleDefinition", {"code": "9.999999"}).error_codes
    assert unknown == ["NOT_FOUND"]


def test_the_definition_asks_each_question_once():
    from portal.bundles.definitions import BUNDLES
    from portal.bundles.questions import questions

    by_code = procedures_by_code()
    for definition in BUNDLES.values():
        assert definition.code in by_code, definition.code  # only catalog codes
        procedures = {c: by_code[c] for c in [definition.code, *(m.procedure_code for m in definition.members)]}
        names = [q.name for q in questions(definition, procedures)]
        assert len(names) == len(set(names))
    birth = BUNDLES["2.000986"]
    procedures = {c: by_code[c] for c in ("2.000986", "1.001193", "1.004222", "1.014137")}
    names = [q.name for q in questions(birth, procedures)]
    assert names.count("residence_address") == 1 and "card_delivery" in names
