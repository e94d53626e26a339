"""Which webhook event a dossier's timeline event is, and its payload: ids and states, no personal data
(no name, id number, address or form content, whatever the client's scope)."""

from __future__ import annotations

import json

from portal.webhooks.model import DossierEvent, EventType

# A timeline action -> the event it is; an action not listed (a rating) sends nothing.
EVENT_OF_ACTION: dict[str, EventType] = {
    "receive": EventType.DOSSIER_RECEIVED,
    "start_processing": EventType.DOSSIER_STATUS_CHANGED,
    "request_supplement": EventType.DOSSIER_SUPPLEMENT_REQUESTED,
    "provide_supplement": EventType.DOSSIER_STATUS_CHANGED,
    "mark_result_ready": EventType.DOSSIER_RESULT_READY,
    "return_result": EventType.DOSSIER_STATUS_CHANGED,
    "reject": EventType.DOSSIER_STATUS_CHANGED,
    "withdraw": EventType.DOSSIER_STATUS_CHANGED,
    "extend": EventType.DOSSIER_DEADLINE_EXTENDED,
    "set_appointment": EventType.DOSSIER_DEADLINE_EXTENDED,  # the appointment date changed: from none to set
    "post_message": EventType.MESSAGE_POSTED,
    "payment_success": EventType.PAYMENT_SETTLED,
    "payment_refunded": EventType.PAYMENT_SETTLED,
}
# Timeline actions no app is told of: a rating (the applicant's own opinion), the steps of a payment before
# it settles, a fee set, files and their scans (what is in a dossier is not an app's business).
NOT_SENT = frozenset(
    {
        "rate",
        "fee_set",
        "payment_created",
        "payment_started",
        "payment_submitted",
        "payment_failed",
        "payment_cancelled",
        "payment_expired",
        "payment_error",
        "attach_document",
        "scan_document",
        "exemption_requested",
        "exemption_accepted",
        "exemption_refused",
    }
)


def event_type(event: DossierEvent) -> EventType | None:
    return EVENT_OF_ACTION.get(event.action)


def delivery_id(event: DossierEvent) -> str:
    return f"{event.code}.{event.seq}"


def payload(kind: EventType, event: DossierEvent) -> str:
    """The body sent (Standard Webhooks' shape: type, timestamp, data)."""
    body = {
        "type": kind.value,
        "timestamp": event.at.isoformat(),
        "data": {
            "code": event.code,
            "seq": event.seq,
            "action": event.action,
            "status": event.status,
            "centerId": event.center_id,
            "procedureCode": event.procedure_code,
            "dueDate": event.due_date,
        },
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))
