"""Bad uploads and faults not covered in test_documents_api.py, against SeaweedFS and DynamoDB Local: a
file over the policy's size, a key other than the one the portal chose, an expired policy, an upload never
completed (swept a day later), and a draft that keeps its uploaded files by id."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx2

from portal.clock import FixedClock
from portal.documents import policy
from portal.documents.sweep import sweep_abandoned_uploads
from tests.support.journeys import birth_procedure, submit
from tests.support.uploads import PDF, post_file, request_upload, storage_url, upload

CENTER = "hcc-01-00148"
BIRTH = "1.001193"


def _ticket(api, token, size: int = len(PDF)) -> dict:
    ticket = api.run("RequestDocumentUpload", {"input": _upload_input(size)}, token=token).data
    return ticket["requestDocumentUpload"]


def _upload_input(size: int) -> dict:
    return {"fileName": "to-khai.pdf", "contentType": "application/pdf", "sizeBytes": size, "procedureCode": BIRTH}


def _complete(api, token, document_id: str) -> dict:
    return api.run("CompleteDocumentUpload", {"documentId": document_id}, token=token).data["completeDocumentUpload"]


def test_a_file_larger_than_the_policy_is_refused_by_storage_and_nothing_is_kept(api, people):
    citizen = people.citizen()
    ticket = _ticket(api, citizen, size=1000)  # declared small; the policy still caps at 10 MB
    too_large = PDF + b"0" * (policy.MAX_FILE_BYTES + 1 - len(PDF))
    assert post_file(ticket, too_large) == 400  # EntityTooLarge: content-length-range
    assert _complete(api, citizen, ticket["document"]["id"])["problems"][0]["field"] == "file"  # nothing arrived


def test_a_post_to_another_key_than_the_portals_is_refused(services, api, people):
    citizen = people.citizen()
    ticket = _ticket(api, citizen)
    other = f"documents/{uuid.uuid4().hex}"  # where checked files live: never writable by a browser
    moved = {**ticket, "fields": [{**f, "value": other} if f["name"] == "key" else f for f in ticket["fields"]]}
    assert post_file(moved, PDF) == 403
    assert services.documents.objects.size_of(other) is None
    assert post_file(ticket, PDF) == 204  # the policy's own key still works
    assert _complete(api, citizen, ticket["document"]["id"])["document"]["state"] == "CLEAN"


def test_an_expired_policy_is_refused_by_storage_and_a_new_request_works(services, api, people):
    import time

    citizen = people.citizen()
    objects = services.documents.objects
    url, fields = objects.presigned_post(f"incoming/{uuid.uuid4().hex}", "application/pdf", 1000, timedelta(seconds=1))
    time.sleep(2.1)
    expired = httpx2.post(storage_url(url), data=fields, files={"file": ("a.pdf", PDF, "application/pdf")}, timeout=10)
    assert expired.status_code == 403
    assert upload(api, citizen, PDF + b"new", procedureCode=BIRTH)["state"] == "CLEAN"


def test_an_upload_never_completed_is_swept_a_day_later_and_completed_ones_stay(services, api, people):
    citizen = people.citizen()
    abandoned = _ticket(api, citizen)
    assert post_file(abandoned, PDF + b"abandoned") == 204  # the tab was closed before completion
    kept = upload(api, citizen, PDF + b"kept", procedureCode=BIRTH)
    documents, objects = services.documents.documents, services.documents.objects
    abandoned_id = abandoned["document"]["id"]

    now = datetime.now(UTC)
    early = sweep_abandoned_uploads(documents, objects, FixedClock(now))
    assert documents.get(abandoned_id) is not None  # not a day old yet: left alone
    assert objects.size_of(f"incoming/{abandoned_id}") is not None

    report = sweep_abandoned_uploads(
        documents, objects, FixedClock(now + policy.PENDING_RETENTION + timedelta(hours=1))
    )
    assert report.objects_deleted >= 1 and report.documents_forgotten >= 1 and early.objects_deleted == 0
    assert objects.size_of(f"incoming/{abandoned_id}") is None and documents.get(abandoned_id) is None
    assert documents.get(kept["id"]).state.value == "clean"  # a completed file is never touched
    assert _complete(api, citizen, abandoned_id)["code"] == "NOT_FOUND"


def test_the_sweep_is_a_scheduled_job(services):
    from portal.jobs.registry import JOBS

    assert JOBS["sweep-uploads"](services) == {
        "objectsDeleted": 0,
        "documentsForgotten": 0,
    }  # the test clock is earlier


def test_a_draft_keeps_its_uploaded_files_by_id_and_the_submission_checks_them_again(api, people):
    citizen = people.citizen(sub=f"keeper-{uuid.uuid4().hex[:6]}", pid="001090088431")  # a draft of its own
    other = people.other_citizen()
    mine = upload(api, citizen, PDF + uuid.uuid4().hex.encode(), procedureCode=BIRTH)
    theirs = upload(api, other, PDF + uuid.uuid4().hex.encode(), procedureCode=BIRTH)
    slot = birth_procedure().documents[1].name
    request_id = api.run("GetDraft", {"procedureCode": BIRTH}, token=citizen).data["draft"]["clientRequestId"]
    refs = [{"documentId": mine["id"], "slot": slot}, {"documentId": theirs["id"]}, {"documentId": "f" * 32}]
    saved = api.run(
        "SaveDraft",
        {"input": {"clientRequestId": request_id, "procedureCode": BIRTH, "formData": {}, "documents": refs}},
        token=citizen,
    ).data["saveDraft"]
    assert saved["__typename"] == "DraftSaved"

    resumed = api.run("GetDraft", {"procedureCode": BIRTH}, token=citizen).data["draft"]
    assert [(a["documentId"], a["document"], a["state"], a["name"]) for a in resumed["attachments"]] == [
        (mine["id"], slot, "clean", "giay-chung-sinh.pdf")  # only the citizen's own: another's id is left out
    ]
    dossier = submit(api, citizen, CENTER, documents=[{"documentId": mine["id"], "slot": slot}])
    assert dossier["attachments"][0]["documentId"] == mine["id"]
    api.run("DiscardDraft", {"procedureCode": BIRTH}, token=citizen)


def test_a_draft_with_too_many_files_is_refused_naming_the_limit(api, people):
    citizen = people.citizen()
    request_id = uuid.uuid4().hex
    refs = [{"documentId": uuid.uuid4().hex} for _ in range(policy.MAX_FILES_PER_DOSSIER + 1)]
    r = api.run(
        "SaveDraft",
        {"input": {"clientRequestId": request_id, "procedureCode": BIRTH, "formData": {}, "documents": refs}},
        token=citizen,
    ).data["saveDraft"]
    assert r["__typename"] == "InvalidInputError" and r["problems"][0]["field"] == "documents"


def test_document_inputs_are_bounded_by_the_limits_table(api, people):
    from portal.input_limits import LIMITS

    citizen = people.citizen()
    long_slot = request_upload(api, citizen, procedureCode=BIRTH, slot="x" * (LIMITS["slot"] + 1)).data
    assert long_slot["requestDocumentUpload"]["problems"][0]["field"] == "slot"
    long_name = request_upload(api, citizen, procedureCode=BIRTH, fileName="a" * (LIMITS["fileName"] + 1)).data
    assert long_name["requestDocumentUpload"]["problems"][0]["field"] == "fileName"
    long_id = api.run("DocumentDownload", {"documentId": "a" * (LIMITS["code"] + 1)}, token=citizen)
    assert long_id.error_codes == ["BAD_USER_INPUT"]
