"""A dossier's files: attaching a stored document, a scanner's verdict on it, digitization at the desk.

Each is a timeline event, written with the dossier in one transaction like every other change (the
stream consumer dispatches them). A dossier received in person is digitized once every document its
procedure requires has a clean file (seed 003: every paper dossier digitized at the desk).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from portal.dossiers.model import PAPER_CHANNELS, Action, ActorRole, Attachment, Dossier, Status, TimelineEvent
from portal.errors import Conflict

ATTACH_DOCUMENT = Action.ATTACH_DOCUMENT
SCAN_DOCUMENT = Action.SCAN_DOCUMENT

# Where a file may be added to an existing dossier: the desk scans while it is at the center, the
# applicant answers a supplement request, the processing officer adds the result before marking it ready.
OPEN_FOR_FILES = frozenset({Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED})


def _event(dossier: Dossier, action: Action, actor: ActorRole, at: datetime, note: str) -> TimelineEvent:
    return TimelineEvent(
        seq=len(dossier.timeline) + 1,
        at=at,
        action=action,
        status=dossier.status,
        actor=actor,
        note=note,
        due_date=dossier.due_date,
    )


def _changed(dossier: Dossier, event: TimelineEvent, **changes) -> tuple[Dossier, TimelineEvent]:
    updated = replace(dossier, updated_at=event.at, version=dossier.version + 1, **changes)
    return replace(updated, timeline=(*dossier.timeline, event)), event


# A document the catalog lists only for some cases: "(trường hợp ủy quyền ...)", "(chỉ khi ...)", "(nếu có)".
CONDITIONAL = re.compile(r"\((trường hợp|chỉ khi|nếu có|nếu|đối với)", re.IGNORECASE)


def required_documents(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The documents every applicant of the procedure brings (the conditional ones are left out)."""
    return tuple(name for name in names if not CONDITIONAL.search(name))


def is_digitized(dossier: Dossier, required: tuple[str, ...]) -> bool:
    clean = {a.document for a in dossier.attachments if a.state == "clean"}
    return all(name in clean for name in required)


def _digitized_at(dossier: Dossier, required: tuple[str, ...], at: datetime) -> datetime | None:
    if dossier.digitized_at is not None or dossier.channel not in PAPER_CHANNELS:
        return dossier.digitized_at
    return at if is_digitized(dossier, required) else None


def attach(
    dossier: Dossier, attachment: Attachment, actor: ActorRole, at: datetime, required: tuple[str, ...]
) -> tuple[Dossier, TimelineEvent]:
    """Add a file to the dossier (the result goes to `result`, see `attach_result`)."""
    if dossier.status not in OPEN_FOR_FILES:
        raise Conflict(
            f"Không thể thêm tệp khi hồ sơ đang ở trạng thái «{dossier.status.value}».",
            f"Files cannot be added to a dossier that is {dossier.status.value}.",
        )
    if any(a.sha256 and a.sha256 == attachment.sha256 for a in dossier.attachments):
        raise Conflict("Tệp này đã có trong hồ sơ.", "This file is already in the dossier.")
    added = replace(dossier, attachments=(*dossier.attachments, attachment))
    event = _event(dossier, ATTACH_DOCUMENT, actor, at, attachment.document or attachment.name)
    return _changed(dossier, event, attachments=added.attachments, digitized_at=_digitized_at(added, required, at))


def attach_result(dossier: Dossier, attachment: Attachment, at: datetime) -> tuple[Dossier, TimelineEvent]:
    if dossier.status is not Status.PROCESSING:
        raise Conflict("Chỉ thêm kết quả khi hồ sơ đang xử lý.", "A result is added while the dossier is processed.")
    event = _event(dossier, ATTACH_DOCUMENT, ActorRole.OFFICER, at, "result")
    return _changed(dossier, event, result=attachment)


def record_scan(
    dossier: Dossier, document_id: str, state: str, reason: str, at: datetime, required: tuple[str, ...]
) -> tuple[Dossier, TimelineEvent] | None:
    """The scanner's verdict on one of the dossier's files; None when the dossier does not hold it or
    already has this verdict (a verdict delivered twice changes nothing)."""

    def scanned(a: Attachment | None) -> Attachment | None:
        return replace(a, state=state) if a is not None and a.document_id == document_id else a

    attachments = tuple(scanned(a) for a in dossier.attachments)
    result = scanned(dossier.result)
    if attachments == dossier.attachments and result == dossier.result:
        return None
    note = "clean" if state == "clean" else f"rejected: {reason}"
    event = _event(dossier, SCAN_DOCUMENT, ActorRole.SYSTEM, at, note)
    checked = replace(dossier, attachments=attachments)
    return _changed(
        dossier, event, attachments=attachments, result=result, digitized_at=_digitized_at(checked, required, at)
    )
