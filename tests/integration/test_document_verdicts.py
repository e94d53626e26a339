"""Verdicts and faults, against the local S3 gateway (SeaweedFS) and DynamoDB Local: a scan verdict that
arrives after completion (GuardDuty's path, and its EventBridge events), and storage that does not answer."""

from portal.documents.model import Verdict
from tests.integration.test_documents_api import BIRTH, CENTER, _store
from tests.support.journeys import submit
from tests.support.uploads import PDF, post_file, request_upload, upload


def test_a_verdict_that_comes_later_updates_the_dossier_and_is_recorded_once(services, api, people):
    """GuardDuty's path: the file is kept pending at completion, the verdict arrives afterwards."""
    from portal.documents.scanners import NoVerdictYet

    citizen = people.citizen()
    documents = services.documents
    scanner, documents.scanner = documents.scanner, NoVerdictYet()
    try:
        pending = upload(api, citizen, PDF + b"later", procedureCode=BIRTH)
    finally:
        documents.scanner = scanner
    assert pending["state"] == "PENDING"
    code = submit(api, citizen, CENTER, documents=[{"documentId": pending["id"]}])["code"]
    refused = api.run("DocumentDownload", {"documentId": pending["id"], "dossierCode": code}, token=citizen)
    assert refused.error_codes == ["CONFLICT"]  # never served before the verdict

    documents.record_verdict(pending["id"], Verdict(clean=False, reason="Eicar-Test-Signature"))
    documents.record_verdict(pending["id"], Verdict(clean=False, reason="Eicar-Test-Signature"))
    dossier = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]
    assert dossier["attachments"][0]["state"] == "rejected"
    assert [e["action"] for e in dossier["timeline"]].count("scan_document") == 1


def test_storage_down_is_a_clear_error_and_loses_nothing(services, api, people):
    citizen = people.citizen()
    ticket = request_upload(api, citizen, procedureCode=BIRTH, sizeBytes=len(PDF)).data["requestDocumentUpload"]
    assert post_file(ticket, PDF) == 204
    objects = services.documents.objects
    endpoint = objects.endpoint
    objects.__dict__.pop("client", None)
    objects.endpoint = "http://127.0.0.1:9"  # nothing listens there
    try:
        down = api.run("CompleteDocumentUpload", {"documentId": ticket["document"]["id"]}, token=citizen)
    finally:
        objects.endpoint = endpoint
        objects.__dict__.pop("client", None)
    assert down.error_codes == ["SERVICE_UNAVAILABLE"] and "messageEn" in down.errors[0]["extensions"]
    done = api.run("CompleteDocumentUpload", {"documentId": ticket["document"]["id"]}, token=citizen)
    assert done.data["completeDocumentUpload"]["document"]["state"] == "CLEAN"  # the upload was kept


def test_guardduty_scan_result_events_record_the_verdict(services, api, people):
    from portal.documents.scanners import NoVerdictYet
    from portal.entrypoints.scan_result import handle

    citizen = people.citizen()
    documents = services.documents
    scanner, documents.scanner = documents.scanner, NoVerdictYet()
    try:
        pending = upload(api, citizen, PDF + b"guardduty", procedureCode=BIRTH)
    finally:
        documents.scanner = scanner

    def event(key: str, status: str) -> dict:
        detail = {
            "s3ObjectDetails": {"bucketName": "b", "objectKey": key},
            "scanStatus": "COMPLETED",
            "scanResultDetails": {"scanResultStatus": status, "threats": None},
        }
        return {
            "source": "aws.guardduty",
            "detail-type": "GuardDuty Malware Protection Object Scan Result",
            "detail": detail,
        }

    assert handle(event("incoming/whatever", "NO_THREATS_FOUND"), documents) == "ignored"
    assert handle(event(f"documents/{pending['id']}", "NO_THREATS_FOUND"), documents) == "recorded"
    stored = [e["node"]["id"] for e in _store(api, citizen)]
    assert pending["id"] in stored  # clean: in the personal store now
