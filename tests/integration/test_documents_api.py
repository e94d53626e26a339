"""Files that really travel, against the local S3 gateway (SeaweedFS), ClamAV's clamscan and DynamoDB Local:
upload with a policy, checks on completion (size, type from the content, SHA-256, scan), download rights,
the personal store and reuse, desk digitization, bad input and faults."""

import hashlib
import uuid

import httpx2

from tests.support.journeys import birth_procedure, submit
from tests.support.uploads import (
    EXECUTABLE,
    INFECTED_PDF,
    JPEG,
    PDF,
    PNG,
    minimal_pdf,
    post_file,
    request_upload,
    upload,
)

CENTER = "hcc-01-00148"  # a commune center no other test counts KPIs of
BIRTH = "1.001193"


def _slot(i: int = 1) -> str:
    return birth_procedure().documents[i].name


def _store(api, token):
    """The personal store's documents (other test modules read it through this helper too)."""
    return api.run("MyDocuments", {"first": 100}, token=token).data["myDocuments"]["edges"]


def test_a_file_uploaded_for_filing_is_checked_hashed_scanned_and_attached_by_id(api, people):
    citizen = people.citizen()
    document = upload(api, citizen, PDF, procedureCode=BIRTH, slot=_slot())
    assert document["state"] == "CLEAN" and document["contentType"] == "application/pdf"
    assert document["sizeBytes"] == len(PDF) and document["sha256"] == hashlib.sha256(PDF).hexdigest()

    dossier = submit(api, citizen, CENTER, documents=[{"documentId": document["id"]}])
    [attachment] = dossier["attachments"]
    assert attachment["documentId"] == document["id"] and attachment["state"] == "clean"
    assert attachment["document"] == _slot() and attachment["sizeBytes"] == len(PDF)  # the portal's, not declared

    link = api.run("DocumentDownload", {"documentId": document["id"], "dossierCode": dossier["code"]}, token=citizen)
    assert link.errors == []
    fetched = httpx2.get(link.data["documentDownload"]["url"], timeout=10)
    assert fetched.status_code == 200 and fetched.content == PDF


def test_the_type_comes_from_the_content_and_bad_files_are_rejected_with_the_reason(api, people):
    citizen = people.citizen()
    for body in (PNG, JPEG):
        assert upload(api, citizen, body, procedureCode=BIRTH, fileName="anh.pdf")["state"] == "CLEAN"
    renamed = upload(api, citizen, EXECUTABLE, procedureCode=BIRTH, fileName="to-khai.pdf")
    assert renamed["__typename"] == "InvalidInputError" and "PDF, JPEG" in renamed["message"]
    infected = upload(api, citizen, INFECTED_PDF, procedureCode=BIRTH)
    assert infected["__typename"] == "InvalidInputError" and "mã độc" in infected["message"]


def test_the_policy_is_enforced_by_storage_and_the_request_checked_by_the_portal(api, people):
    citizen = people.citizen()
    refused = request_upload(api, citizen, procedureCode=BIRTH, sizeBytes=11 * 1024 * 1024).data
    assert refused["requestDocumentUpload"]["__typename"] == "InvalidInputError"
    wrong = request_upload(api, citizen, procedureCode=BIRTH, contentType="application/x-msdownload").data
    assert wrong["requestDocumentUpload"]["problems"][0]["field"] == "contentType"
    zero = request_upload(api, citizen, procedureCode=BIRTH, sizeBytes=0).data
    assert zero["requestDocumentUpload"]["problems"][0]["field"] == "sizeBytes"

    ticket = request_upload(api, citizen, procedureCode=BIRTH).data["requestDocumentUpload"]
    assert post_file(ticket, b"") >= 400  # below the policy's content-length-range
    assert post_file(ticket, PDF, content_type="image/png") >= 400  # another type than the policy's
    tampered = {
        **ticket,
        "fields": [
            {**f, "value": f["value"][:-2] + "00"} if f["name"] == "x-amz-signature" else f for f in ticket["fields"]
        ],
    }
    assert post_file(tampered, PDF) == 403
    not_sent = api.run("CompleteDocumentUpload", {"documentId": ticket["document"]["id"]}, token=citizen).data
    assert not_sent["completeDocumentUpload"]["problems"][0]["field"] == "file"  # nothing arrived: upload again


def test_only_the_uploader_completes_and_only_readers_download(api, people):
    citizen, other = people.citizen(), people.other_citizen()
    ticket = request_upload(api, citizen, procedureCode=BIRTH, sizeBytes=len(PDF)).data["requestDocumentUpload"]
    assert post_file(ticket, PDF) == 204
    document_id = ticket["document"]["id"]
    stolen = api.run("CompleteDocumentUpload", {"documentId": document_id}, token=other)
    assert stolen.data["completeDocumentUpload"]["code"] == "NOT_FOUND"
    done = api.run("CompleteDocumentUpload", {"documentId": document_id}, token=citizen)
    again = api.run("CompleteDocumentUpload", {"documentId": document_id}, token=citizen)  # harmless twice
    assert done.data == again.data and done.data["completeDocumentUpload"]["document"]["state"] == "CLEAN"

    code = submit(api, citizen, CENTER, documents=[{"documentId": document_id}])["code"]
    variables = {"documentId": document_id, "dossierCode": code}
    assert api.run("DocumentDownload", variables, token=other).error_codes == ["NOT_FOUND"]
    assert api.run("DocumentDownload", variables, token=people.officer("hcc-01")).error_codes == ["NOT_FOUND"]
    assert api.run("DocumentDownload", {"documentId": document_id}, token=other).error_codes == ["NOT_FOUND"]
    officer = people.officer(CENTER, "processing")
    assert api.run("DocumentDownload", variables, token=officer).errors == []

    trail = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["accessLog"]
    assert [(r["actor"], r["documentId"]) for r in trail] == [("OFFICER", document_id)]


def test_another_citizens_document_cannot_be_attached(api, people):
    document = upload(api, people.citizen(), PDF + b"%x1", procedureCode=BIRTH)
    r = api.run(
        "SubmitDossier",
        {"input": _submission(documents=[{"documentId": document["id"]}])},
        token=people.other_citizen(),
    )
    assert r.data["submitDossier"]["problems"][0]["field"] == "documents.0"


def _submission(**overrides):
    from tests.support.factories import form_for

    procedure = birth_procedure()
    return {
        "clientRequestId": uuid.uuid4().hex,
        "procedureCode": procedure.code,
        "centerId": CENTER,
        "formData": form_for(procedure),
        **overrides,
    }


def test_the_personal_store_holds_clean_documents_and_a_new_filing_reuses_them(api, people):
    citizen = people.citizen()
    body = PDF + uuid.uuid4().hex.encode()
    document = upload(api, citizen, body, procedureCode=BIRTH, slot=_slot(5))
    stored = api.run("MyDocuments", {"first": 100}, token=citizen).data["myDocuments"]["edges"]
    assert document["id"] in [e["node"]["id"] for e in stored]
    assert all(e["node"]["state"] == "CLEAN" for e in stored)
    first = submit(api, citizen, CENTER, documents=[{"documentId": document["id"]}])
    second = submit(api, citizen, CENTER, documents=[{"documentId": document["id"]}])  # the same object, referenced
    assert first["attachments"][0]["documentId"] == second["attachments"][0]["documentId"] == document["id"]
    twice = api.run(
        "SubmitDossier", {"input": _submission(documents=[{"documentId": document["id"]}] * 2)}, token=citizen
    )
    assert twice.data["submitDossier"]["problems"][0]["field"] == "documents"


def test_reception_digitizes_a_paper_dossier_at_the_desk_and_the_kpi_counts_it(api, people, clock):
    center = "hcc-01-00160"
    reception = people.officer(center, "reception")
    received = api.run(
        "ReceiveDossier",
        {
            "input": {
                **_submission(centerId=center),
                "applicant": {"idNumber": "001090004321", "fullName": "Người nộp tại quầy (mẫu)"},
            }
        },
        token=reception,
    ).data["receiveDossier"]["dossier"]
    from portal.dossiers.files import required_documents

    required = required_documents([d.name for d in birth_procedure().documents])
    for i, slot in enumerate(required):
        scanned = upload(
            api, reception, PDF + f"scan {i}".encode(), purpose="DESK_SCAN", dossierCode=received["code"], slot=slot
        )
        assert scanned["state"] == "CLEAN"
    dossier = api.run("GetDossier", {"code": received["code"]}, token=reception).data["dossier"]
    assert {a["document"] for a in dossier["attachments"]} == set(required) and dossier["digitizedAt"]
    assert [e["action"] for e in dossier["timeline"]].count("attach_document") == len(required)

    lead = people.officer(center, "lead")
    k = api.run("Kpis", {"fromMonth": "2026-03", "toMonth": "2026-03", "centerId": center}, token=lead).data["kpis"]
    assert k["digitized"] >= 1

    citizen_scan = request_upload(api, people.citizen(), purpose="DESK_SCAN", dossierCode=received["code"])
    assert citizen_scan.data["requestDocumentUpload"]["code"] == "NOT_FOUND"  # not their dossier
    no_slot = request_upload(api, reception, purpose="DESK_SCAN", dossierCode=received["code"], slot="Giấy lạ")
    assert no_slot.data["requestDocumentUpload"]["problems"][0]["field"] == "slot"
    same = upload(api, reception, PDF + b"scan 0", purpose="DESK_SCAN", dossierCode=received["code"], slot=required[0])
    assert same["code"] == "CONFLICT"  # the same file twice


def _desk_dossier(api, people, center: str) -> tuple[str, str]:
    reception = people.officer(center, "reception")
    applicant = {"idNumber": "001090004322", "fullName": "Người nộp tại quầy (mẫu)"}
    r = api.run("ReceiveDossier", {"input": {**_submission(centerId=center), "applicant": applicant}}, token=reception)
    assert "dossier" in r.data["receiveDossier"], r.body
    return reception, r.data["receiveDossier"]["dossier"]["code"]


def _tickets(api, token: str, code: str, n: int) -> list[dict]:
    """`n` upload policies at once, each declaring 1 byte: the policy sees the dossier before any completes."""
    slot = birth_procedure().documents[0].name
    made = [request_upload(api, token, purpose="DESK_SCAN", dossierCode=code, slot=slot, sizeBytes=1) for _ in range(n)]
    return [r.data["requestDocumentUpload"] for r in made]


def _complete(api, token: str, ticket: dict, body: bytes) -> dict:
    assert post_file(ticket, body) == 204
    done = api.run("CompleteDocumentUpload", {"documentId": ticket["document"]["id"]}, token=token)
    assert done.errors == [], done.errors
    return done.data["completeDocumentUpload"]


def test_a_dossiers_file_count_is_checked_again_at_completion(api, people):
    """Policies asked for all at once pass the count check one by one (issue 25, item 2): completion counts
    the files really attached, and refuses the one past the limit."""
    from portal.documents.policy import MAX_FILES_PER_DOSSIER

    reception, code = _desk_dossier(api, people, "hcc-01-00160")
    room = MAX_FILES_PER_DOSSIER - len(
        api.run("GetDossier", {"code": code}, token=reception).data["dossier"]["attachments"]
    )
    tickets = _tickets(api, reception, code, room + 1)
    outcomes = [_complete(api, reception, t, PDF + f"scan {i}".encode()) for i, t in enumerate(tickets)]
    assert [o["__typename"] for o in outcomes[:-1]] == ["DocumentCompleted"] * room
    assert outcomes[-1]["__typename"] == "InvalidInputError" and "20" in outcomes[-1]["message"], outcomes[-1]
    dossier = api.run("GetDossier", {"code": code}, token=reception).data["dossier"]
    assert len(dossier["attachments"]) == MAX_FILES_PER_DOSSIER


def test_a_dossiers_total_size_is_the_real_sizes_not_the_declared_ones(api, people):
    """6 policies declaring 1 byte, each posted 9 MiB and completed: 54 MiB past the 50 MiB of a dossier."""
    reception, code = _desk_dossier(api, people, "hcc-01-00160")
    big = 9 * 1024 * 1024
    outcomes = []
    for i, ticket in enumerate(_tickets(api, reception, code, 6)):
        outcomes.append(_complete(api, reception, ticket, minimal_pdf(bytes([48 + i]) * big)))
    assert [o["__typename"] for o in outcomes[:5]] == ["DocumentCompleted"] * 5
    assert outcomes[5]["__typename"] == "InvalidInputError" and "50 MB" in outcomes[5]["message"], outcomes[5]
    dossier = api.run("GetDossier", {"code": code}, token=reception).data["dossier"]
    assert sum(a["sizeBytes"] for a in dossier["attachments"]) <= 50 * 1024 * 1024


def test_a_polyglot_or_a_file_that_does_not_parse_is_rejected_and_downloads_never_render(api, people):
    """A PDF that is also an HTML page, or that starts as a PDF and is not one, is refused (issue 25, item 7)."""
    from tests.support.uploads import POLYGLOT_PDF, TRUNCATED_PDF

    citizen = people.citizen()
    for body in (POLYGLOT_PDF, TRUNCATED_PDF, PNG + b"<html><script>alert(1)</script>"):
        refused = upload(api, citizen, body, procedureCode=BIRTH)
        assert refused["__typename"] == "InvalidInputError" and "PDF, JPEG" in refused["message"], refused
    document = upload(api, citizen, PDF, procedureCode=BIRTH)
    link = api.run("DocumentDownload", {"documentId": document["id"]}, token=citizen)
    fetched = httpx2.get(link.data["documentDownload"]["url"], timeout=10)
    assert fetched.status_code == 200 and fetched.content == PDF
    assert fetched.headers["content-disposition"].startswith("attachment;")
