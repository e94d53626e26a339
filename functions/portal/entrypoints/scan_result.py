"""Entry point for GuardDuty Malware Protection for S3's verdicts (an EventBridge rule in template.yaml):
each "Object Scan Result" event becomes `Documents.record_verdict` for the document its key names. Thin
on purpose: translate, call one service. A verdict delivered twice changes nothing; an exception escapes
so EventBridge retries the event."""

from __future__ import annotations

from typing import Any

from portal.documents.model import Verdict
from portal.documents.service import STORED, Documents

CLEAN = "NO_THREATS_FOUND"
INFECTED = "THREATS_FOUND"


def verdict_of(detail: dict[str, Any]) -> tuple[str, Verdict] | None:
    """(document id, verdict) of one event's detail; None for an object that is not a checked document."""
    key = detail.get("s3ObjectDetails", {}).get("objectKey", "")
    if not key.startswith(STORED):
        return None
    result = detail.get("scanResultDetails", {})
    status = result.get("scanResultStatus", "")
    if status == CLEAN:
        return key[len(STORED) :], Verdict(clean=True)
    if status == INFECTED:
        threats = ", ".join(t.get("name", "") for t in result.get("threats") or []) or "GuardDuty"
        return key[len(STORED) :], Verdict(clean=False, reason=threats)
    return key[len(STORED) :], Verdict(clean=False, reason="unreadable")  # unsupported, access denied, failed


def handle(event: dict[str, Any], documents: Documents) -> str:
    found = verdict_of(event.get("detail") or {})
    if found is None:
        return "ignored"
    document_id, verdict = found
    documents.record_verdict(document_id, verdict)
    return "recorded"


def handler(event: dict[str, Any], context: object) -> str:
    from portal.bootstrap import default_services

    documents = default_services().documents
    if documents is None:
        raise RuntimeError("DOCUMENTS_BUCKET is not configured")
    return handle(event, documents)
