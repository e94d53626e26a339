"""A retried filing is answered with its dossier only to a caller who may read that dossier: the
idempotency marker is keyed by an id number anyone can type and a request id apps choose, so access is
checked before the duplicate answer, and anyone else gets the refusal of any reused request id."""

import json
import uuid

import pytest

from infra.dev_issuer import SAMPLE_CITIZEN
from tests.support.factories import form_for
from tests.support.journeys import electronic_documents

BIRTH = "1.001193"
CENTER_A = "hcc-79-26743"
CENTER_B = "hcc-01-00091"


@pytest.fixture(scope="module")
def birth():
    from tests.support.catalog import catalog_procedure

    return catalog_procedure(BIRTH)


@pytest.fixture
def filed(api, people, birth):
    """Citizen A's dossier, filed online at center A with a request id the attacker has learnt."""
    request_id = f"app-{uuid.uuid4().hex[:12]}"
    payload = {
        "clientRequestId": request_id,
        "procedureCode": birth.code,
        "centerId": CENTER_A,
        "formData": {**form_for(birth), "child_full_name": "Tên Bí Mật Của Trẻ"},
        "phone": "0987654321",
        "electronicDocuments": electronic_documents(birth),
    }
    result = api.run("SubmitDossier", {"input": payload}, token=people.citizen()).data["submitDossier"]
    assert result["__typename"] == "DossierSubmitted" and result["duplicate"] is False
    return payload, result["dossier"]


def reveals_nothing(response, dossier) -> None:
    text = json.dumps(response.body, ensure_ascii=False)
    for secret in (dossier["code"], dossier["trackingSecret"], "Tên Bí Mật Của Trẻ", "0987654321"):
        assert secret not in text
    result = next(iter(response.data.values()))
    assert result["__typename"] == "ConflictError" and result["code"] == "CONFLICT"


def test_an_officer_of_another_center_replaying_the_request_at_the_desk_learns_nothing(api, people, birth, filed):
    payload, dossier = filed
    desk = {
        **payload,
        "centerId": CENTER_B,
        "applicant": {"idNumber": SAMPLE_CITIZEN["pid"], "fullName": "Ai đó"},
    }
    desk.pop("phone")
    desk.pop("electronicDocuments")  # at the desk the officer sees the papers themselves
    replay = api.run("ReceiveDossier", {"input": desk}, token=people.officer(CENTER_B, "reception"))
    reveals_nothing(replay, dossier)
    assert api.run("GetDossier", {"code": dossier["code"]}, token=people.officer(CENTER_B)).error_codes == ["NOT_FOUND"]


def test_an_app_that_may_file_but_not_read_learns_nothing_from_a_replay(api, people, filed):
    payload, dossier = filed
    replay = api.run("SubmitDossier", {"input": payload}, token=people.app("dossiers:write", for_citizen=True))
    reveals_nothing(replay, dossier)


def test_callers_who_may_read_the_dossier_get_the_duplicate_answer(api, people, filed):
    payload, dossier = filed
    for token in (people.citizen(), people.app("dossiers:write dossiers:read", for_citizen=True)):
        again = api.run("SubmitDossier", {"input": payload}, token=token).data["submitDossier"]
        assert again["duplicate"] is True and again["dossier"]["code"] == dossier["code"]


def test_an_officer_of_the_receiving_center_replaying_at_the_desk_gets_the_dossier(api, people, filed):
    payload, dossier = filed
    desk = {**payload, "applicant": {"idNumber": SAMPLE_CITIZEN["pid"], "fullName": "Nguyễn Văn An (mẫu)"}}
    desk.pop("electronicDocuments")  # at the desk the officer sees the papers themselves
    again = api.run("ReceiveDossier", {"input": desk}, token=people.officer(CENTER_A, "reception"))
    result = again.data["receiveDossier"]
    assert result["duplicate"] is True and result["dossier"]["code"] == dossier["code"]
