"""Drafts through the API on DynamoDB Local: saved as typed, resumed with the same request id, listed
until submitted, and the submitted one says which dossier it made."""

import uuid

from tests.support.factories import form_for
from tests.support.journeys import birth_procedure, electronic_documents

BEN_THANH = "hcc-79-26743"


def save(api, token, **fields):
    payload = {"procedureCode": "1.001193", "formData": {}, **fields}
    r = api.run("SaveDraft", {"input": payload}, token=token)
    assert r.errors == [], r.errors
    return r.data["saveDraft"]


def test_a_draft_is_saved_resumed_listed_and_once_submitted_points_to_its_dossier(api, people):
    token = people.citizen(sub=f"drafter-{uuid.uuid4().hex[:6]}", pid="001090099999")
    fresh = api.run("GetDraft", {"procedureCode": "1.001193"}, token=token).data["draft"]
    assert fresh["saved"] is False and len(fresh["clientRequestId"]) >= 8
    request_id = fresh["clientRequestId"]

    file = {"name": "giay-chung-sinh.pdf", "contentType": "application/pdf", "sizeBytes": 1200, "document": ""}
    saved = save(
        api,
        token,
        clientRequestId=request_id,
        formData={"child_full_name": "Nguyễn Minh"},
        phone="0912",
        attachments=[file],
    )
    assert saved["__typename"] == "DraftSaved" and saved["draft"]["expiresAt"]
    again = api.run("GetDraft", {"procedureCode": "1.001193"}, token=token).data["draft"]
    assert again["saved"] and again["clientRequestId"] == request_id and again["phone"] == "0912"
    assert again["formData"] == {"child_full_name": "Nguyễn Minh"} and again["dossierCode"] is None
    assert again["attachments"] == [{**file, "documentId": "", "state": ""}]  # metadata only: no stored file
    listed = api.run("MyDrafts", {}, token=token).data["myDrafts"]
    assert [d["procedureCode"] for d in listed] == ["1.001193"]
    assert people.other_citizen() and api.run("MyDrafts", {}, token=people.other_citizen()).data["myDrafts"] == []

    form = form_for(birth_procedure())
    form["mother_citizen_id"] = "001195012345"
    r = api.run(
        "SubmitDossier",
        {
            "input": {
                "clientRequestId": request_id,
                "procedureCode": "1.001193",
                "centerId": BEN_THANH,
                "formData": form,
                "electronicDocuments": electronic_documents(birth_procedure()),
            }
        },
        token=token,
    )
    code = r.data["submitDossier"]["dossier"]["code"]
    after = api.run("GetDraft", {"procedureCode": "1.001193"}, token=token).data["draft"]
    assert after["dossierCode"] == code, "Back to the form finds the dossier, not a fresh form"
    assert api.run("MyDrafts", {}, token=token).data["myDrafts"] == []


def test_a_draft_too_large_or_with_a_bad_request_id_is_refused_and_can_be_discarded(api, people):
    token = people.citizen(sub="drafter-2", pid="001090088888")
    # One value past the request's text floor is refused before anything runs (api/graphql/text_limit.py)...
    huge = {
        "procedureCode": "1.001193",
        "clientRequestId": "req-12345678",
        "formData": {"child_full_name": "x" * 40_000},
    }
    assert api.run("SaveDraft", {"input": huge}, token=token).error_codes == ["BAD_USER_INPUT"]
    # ...and a draft too large in all is refused by the draft's own limit, on the field.
    many = {f"field_{i}": "x" * 4_000 for i in range(40)}
    big = save(api, token, clientRequestId="req-12345678", formData=many)
    assert big["__typename"] == "InvalidInputError" and big["problems"][0]["field"] == "formData"
    assert save(api, token, clientRequestId="bad id!")["__typename"] == "InvalidInputError"
    assert save(api, token, clientRequestId="req-12345678")["__typename"] == "DraftSaved"
    api.run("DiscardDraft", {"procedureCode": "1.001193"}, token=token)
    assert api.run("MyDrafts", {}, token=token).data["myDrafts"] == []
