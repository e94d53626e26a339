"""The supplement loop has content, officers see it arrived, and public tracking carries no free text."""

from tests.support.journeys import act, asking_for, submit


def test_an_empty_supplement_is_refused_and_a_real_one_is_flagged_for_the_officers(api, people):
    center = "hcc-01-00103"
    citizen, officer = people.citizen(), people.officer(center, "processing")
    d = submit(api, citizen, center)
    act(api, officer, d["code"], "REQUEST_SUPPLEMENT", supplement=asking_for("Giấy chứng sinh"))
    empty = act(api, citizen, d["code"], "PROVIDE_SUPPLEMENT", note="  ")
    assert empty["__typename"] == "InvalidInputError" and empty["problems"][0]["field"] == "note"
    act(api, citizen, d["code"], "PROVIDE_SUPPLEMENT", note="Đã gửi bản sao qua bưu điện (mẫu)")

    queue = api.run("CenterQueue", {"status": "PROCESSING", "first": 100}, token=officer).data["centerQueue"]
    mine = next(e["node"] for e in queue["edges"] if e["node"]["code"] == d["code"])
    assert mine["supplementReceived"] is True and mine["subject"] == "Nguyễn Minh Khang"


def test_tracking_with_the_receipt_shows_states_and_dates_but_no_officer_text(api, people):
    center = "hcc-01-00103"
    citizen, officer = people.citizen(), people.officer(center, "processing")
    d = submit(api, citizen, center)
    asked = asking_for("Giấy chứng sinh", others=(("Giấy xác nhận của chị Nguyễn Thị Lan", "Luật Hộ tịch 2014"),))
    act(api, officer, d["code"], "REQUEST_SUPPLEMENT", note="Của chị Nguyễn Thị Lan", supplement=asked)
    secret = api.run("GetDossier", {"code": d["code"]}, token=citizen).data["dossier"]["trackingSecret"]
    query = (
        "query($c: String!, $s: String!) { trackDossier(code: $c, trackingSecret: $s) "
        "{ timeline { action note supplementItems { what } } } }"
    )
    r = api.query(query, {"c": d["code"], "s": secret})
    timeline = r.data["trackDossier"]["timeline"]
    assert [e["action"] for e in timeline] == ["receive", "request_supplement"]
    assert all(e["note"] == "" and e["supplementItems"] == [] for e in timeline)


def test_a_birth_registration_without_the_birth_certificate_is_refused(api, people):
    from tests.support.factories import form_for
    from tests.support.journeys import birth_procedure

    payload = {
        "clientRequestId": "no-certificate-1",
        "procedureCode": "1.001193",
        "centerId": "hcc-01-00103",
        "formData": form_for(birth_procedure()),
    }
    r = api.run("SubmitDossier", {"input": payload}, token=people.citizen())
    result = r.data["submitDossier"]
    assert result["__typename"] == "InvalidInputError" and result["problems"][0]["field"] == "attachments"
