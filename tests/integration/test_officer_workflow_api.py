"""Officers process dossiers, applicants supplement and rate, each step audited and counted in KPIs."""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from portal.clock import VIETNAM
from tests.support.journeys import act, asking_for, birth_procedure, submit

RESULT = {"name": "trich-luc-khai-sinh.pdf", "contentType": "application/pdf", "sizeBytes": 48213}


def test_a_dossier_goes_from_online_filing_to_a_rated_electronic_result(api, people, clock):
    center = "hcc-01-00004"  # Phường Ba Đình
    citizen = people.citizen()
    d = submit(api, citizen, center)
    processing, reception = people.officer(center, "processing"), people.officer(center, "reception")

    assert act(api, processing, d["code"], "START_PROCESSING")["dossier"]["status"] == "PROCESSING"
    items = asking_for("Giấy chứng sinh")
    asked = act(api, processing, d["code"], "REQUEST_SUPPLEMENT", note="Bản sao có chứng thực", supplement=items)
    assert asked["dossier"]["timeline"][-1]["note"] == "Bản sao có chứng thực"
    assert [x["what"] for x in asked["dossier"]["timeline"][-1]["supplementItems"]] == items["documents"]
    clock.advance(timedelta(hours=2))
    assert (
        act(api, citizen, d["code"], "PROVIDE_SUPPLEMENT", note="Đã tải bản sao giấy chứng sinh (mẫu)")["dossier"][
            "status"
        ]
        == "PROCESSING"
    )
    ready = act(api, processing, d["code"], "MARK_RESULT_READY", result=RESULT)["dossier"]
    assert ready["status"] == "RESULT_READY" and ready["result"]["name"] == RESULT["name"] and ready["late"] is False
    assert act(api, reception, d["code"], "RETURN_RESULT")["dossier"]["status"] == "RETURNED"
    rated = api.run("RateDossier", {"input": {"code": d["code"], "score": 5, "comment": "Nhanh"}}, token=citizen)
    assert rated.data["rateDossier"]["dossier"]["rating"]["score"] == 5

    timeline = api.run("GetDossier", {"code": d["code"]}, token=citizen).data["dossier"]["timeline"]
    assert [e["action"] for e in timeline] == [
        "receive",
        "start_processing",
        "request_supplement",
        "provide_supplement",
        "mark_result_ready",
        "return_result",
        "rate",
    ]
    assert [e["actor"] for e in timeline][1:4] == ["OFFICER", "OFFICER", "APPLICANT"]

    k = api.run("Kpis", {"fromMonth": "2026-03", "toMonth": "2026-03", "centerId": center}, token=people.admin()).data[
        "kpis"
    ]
    assert (k["received"], k["online"], k["finished"], k["onTime"], k["late"]) == (1, 1, 1, 1, 0)
    assert (k["supplementRequests"], k["electronicResults"], k["ratings"], k["satisfactionRate"]) == (1, 1, 1, 1.0)
    assert k["meetsSatisfactionTarget"] is True


def test_who_may_do_what_is_checked_before_the_state(api, people):
    center = "hcc-01-00008"
    code = submit(api, people.citizen(), center)["code"]

    def outcome(token, action):
        return api.run("ActOnDossier", {"input": {"code": code, "action": action}}, token=token).outcome("actOnDossier")

    assert outcome(people.officer(center, "reception"), "START_PROCESSING") == "FORBIDDEN"  # wrong role, right center
    assert outcome(people.officer("hcc-01"), "START_PROCESSING") == "NOT_FOUND"  # another center learns nothing
    assert outcome(people.citizen(), "START_PROCESSING") == "FORBIDDEN"  # the applicant, but an officer's step
    assert outcome(people.other_citizen(), "WITHDRAW") == "NOT_FOUND"
    assert (
        outcome(people.app("public:read dossiers:read", for_citizen=True), "WITHDRAW") == "FORBIDDEN"
    )  # no write scope
    assert outcome(None, "WITHDRAW") == "UNAUTHENTICATED"
    assert outcome(people.officer(center, "processing"), "START_PROCESSING") == "OK"


def test_a_second_supplement_request_and_a_wrong_step_are_typed_conflicts(api, people):
    center = "hcc-01-00025"
    citizen, officer = people.citizen(), people.officer(center, "processing")
    code = submit(api, citizen, center)["code"]
    act(api, officer, code, "REQUEST_SUPPLEMENT", note="Tờ khai có chữ ký", supplement=asking_for("Tờ khai"))
    act(api, citizen, code, "PROVIDE_SUPPLEMENT", note="Đã bổ sung (mẫu)")
    again = act(api, officer, code, "REQUEST_SUPPLEMENT", supplement=asking_for("Giấy chứng sinh"))
    assert again["__typename"] == "ConflictError" and "only once" in again["messageEn"]
    no_note = act(api, officer, code, "REJECT")
    assert no_note["__typename"] == "InvalidInputError" and no_note["problems"][0]["field"] == "note"
    assert act(api, people.officer(center, "lead"), code, "RETURN_RESULT")["__typename"] == "ConflictError"


def test_two_officers_acting_at_once_change_the_dossier_once(api, people):
    center = "hcc-01-00073"
    code = submit(api, people.citizen(), center)["code"]
    officer = people.officer(center, "processing")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: act(api, officer, code, "MARK_RESULT_READY"), range(4)))
    assert [r["__typename"] for r in results].count("DossierUpdated") <= 1  # received -> result ready is not allowed
    results = list(
        ThreadPoolExecutor(max_workers=4).map(lambda _: act(api, officer, code, "START_PROCESSING"), range(4))
    )
    assert [r["__typename"] for r in results].count("DossierUpdated") == 1
    assert {r["__typename"] for r in results} == {"DossierUpdated", "ConflictError"}
    timeline = api.run("GetDossier", {"code": code}, token=officer).data["dossier"]["timeline"]
    assert [e["action"] for e in timeline] == ["receive", "start_processing"]


def test_a_walk_in_applicant_is_received_at_the_desk_without_electronic_identity(api, people):
    center = "hcc-01-00091"
    reception = people.officer(center, "reception")
    birth = birth_procedure()
    from tests.support.factories import form_for

    payload = {
        "clientRequestId": "desk-0001-abc",
        "procedureCode": birth.code,
        "centerId": center,
        "formData": form_for(birth),
        "applicant": {"idNumber": "036090001234", "fullName": "Hoàng Văn Em (mẫu)", "dateOfBirth": "1990-01-01"},
        "attachments": [
            {"name": "to-khai.pdf", "contentType": "application/pdf", "sizeBytes": 120000, "document": "Tờ khai"}
        ],
    }
    first = api.run("ReceiveDossier", {"input": payload}, token=reception).data["receiveDossier"]
    assert first["__typename"] == "DossierSubmitted" and first["dossier"]["channel"] == "IN_PERSON"
    assert first["dossier"]["applicant"]["fullName"] == "Hoàng Văn Em (mẫu)"
    again = api.run("ReceiveDossier", {"input": payload}, token=reception).data["receiveDossier"]
    assert again["duplicate"] is True and again["dossier"]["code"] == first["dossier"]["code"]
    other_center = api.run(
        "ReceiveDossier",
        {"input": {**payload, "centerId": "hcc-01"}},
        token=people.officer("hcc-01-00091", "reception"),
    )
    assert other_center.error_codes == ["FORBIDDEN"]
    not_reception = api.run("ReceiveDossier", {"input": payload}, token=people.officer(center, "processing"))
    assert not_reception.error_codes == ["FORBIDDEN"]
    assert api.run("ReceiveDossier", {"input": payload}, token=people.citizen()).error_codes == ["FORBIDDEN"]


def test_the_queue_shows_only_the_officers_center_most_urgent_first(api, people, clock):
    center = "hcc-01-00103"
    citizen = people.citizen()
    codes = []
    for _ in range(3):
        codes.append(submit(api, citizen, center)["code"])
        clock.advance(timedelta(days=1))
    officer = people.officer(center, "processing")
    queue = api.run("CenterQueue", {"status": "RECEIVED", "first": 2}, token=officer).data["centerQueue"]
    seen = [e["node"]["code"] for e in queue["edges"]]
    nxt = api.run(
        "CenterQueue", {"status": "RECEIVED", "first": 2, "after": queue["pageInfo"]["endCursor"]}, token=officer
    )
    seen += [e["node"]["code"] for e in nxt.data["centerQueue"]["edges"]]
    assert seen == codes  # earliest appointment first
    others = api.run("CenterQueue", {"first": 50}, token=people.officer("hcc-01-00127")).data["centerQueue"]["edges"]
    assert not set(codes) & {e["node"]["code"] for e in others}
    assert api.run("CenterQueue", {}, token=citizen).error_codes == ["FORBIDDEN"]


def test_only_the_lead_sets_a_new_appointment_date_once(api, people, clock):
    center = "hcc-01-00130"
    clock.current = datetime(2026, 3, 2, 9, tzinfo=VIETNAM)
    from infra.reference.catalog import load_catalog

    # Permanent residence registration: 7 working days (a same-day birth registration leaves no day to apologize).
    residence = next(p for p in load_catalog()[1] if p.code == "1.004222")
    d = submit(api, people.citizen(), center, procedure=residence)
    code, due = d["code"], d["appointmentDate"]
    assert due == "2026-03-11"
    new_date = "2026-03-13"
    request = {"input": {"code": code, "newDueDate": new_date, "reason": "Chờ kết quả xác minh"}}
    assert api.run("ExtendDossierDeadline", request, token=people.officer(center, "processing")).error_codes == [
        "FORBIDDEN"
    ]
    extended = api.run("ExtendDossierDeadline", request, token=people.officer(center, "lead")).data[
        "extendDossierDeadline"
    ]
    assert extended["__typename"] == "DossierUpdated", extended
    assert extended["dossier"]["appointmentDate"] == new_date != due and extended["dossier"]["deadlineExtensions"] == 1
    twice = api.run("ExtendDossierDeadline", request, token=people.officer(center, "lead")).data[
        "extendDossierDeadline"
    ]
    assert twice["__typename"] == "ConflictError"


def test_kpis_are_for_admins_and_the_centers_own_lead(api, people):
    month = {"fromMonth": "2026-01", "toMonth": "2026-12"}
    national = api.run("Kpis", month, token=people.admin()).data["kpis"]
    province = api.run("Kpis", {**month, "provinceCode": "01"}, token=people.admin()).data["kpis"]
    assert national["received"] >= province["received"] >= 1
    assert api.run("Kpis", {**month, "centerId": "hcc-01"}, token=people.officer("hcc-01", "lead")).errors == []
    assert api.run("Kpis", {**month, "centerId": "hcc-02"}, token=people.officer("hcc-01", "lead")).error_codes == [
        "FORBIDDEN"
    ]
    assert api.run(
        "Kpis", {**month, "centerId": "hcc-01"}, token=people.officer("hcc-01", "processing")
    ).error_codes == ["FORBIDDEN"]
    assert api.run("Kpis", month, token=people.citizen()).error_codes == ["FORBIDDEN"]
    assert api.run("Kpis", month).error_codes == ["UNAUTHENTICATED"]
    assert api.run("Kpis", {"fromMonth": "2026-13", "toMonth": "2026-12"}, token=people.admin()).error_codes == [
        "BAD_USER_INPUT"
    ]
