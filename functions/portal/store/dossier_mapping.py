"""A dossier and its timeline as DynamoDB items and back (portal.dossiers.model <-> store.dossier_items):
the one mapping the dossier, bundle and payment stores write with."""

from __future__ import annotations

from datetime import date, datetime

from portal.dossiers.model import (
    AccessRecord,
    Action,
    ActorRole,
    Applicant,
    Attachment,
    Channel,
    Dossier,
    Filer,
    Rating,
    Status,
    SupplementItem,
    TimelineEvent,
)
from portal.store import keys
from portal.store.dossier_fees import dossier_fee, fee_map
from portal.store.dossier_items import (
    DOSSIER_SK,
    ApplicantMap,
    AttachmentMap,
    DossierItem,
    EventItem,
    FilerMap,
    RatingMap,
    SupplementItemMap,
    event_sk,
)
from portal.workdays.time_limits import TimeUnit

UNKNOWN_UNIT = "unknown"  # processing_unit of a dossier received without a known time (absent: working days)


# A dossier the receiving officer has not set the appointment of (unknown time) sorts first: it waits for them.
NO_APPOINTMENT = "0000-00-00"


def _due_key(due: date | None) -> str:
    return due.isoformat() if due else NO_APPOINTMENT


def queue_key(status: Status, due: date | None, code: str) -> str:
    return f"{status.value}#{_due_key(due)}#{code}"


OPEN_STATUSES = frozenset({Status.RECEIVED, Status.PROCESSING})  # the agency's clock is running


def open_key(d: Dossier) -> str | None:
    return f"{_due_key(d.due_date)}#{d.center_id}#{d.code}" if d.status in OPEN_STATUSES else None


def idempotency_pk(applicant_id: str, request_id: str) -> str:
    return keys.pk(keys.DOSSIER_REQUEST, applicant_id, request_id)


def attachment_map(x: Attachment | None) -> AttachmentMap | None:
    if x is None:
        return None
    return AttachmentMap(
        name=x.name,
        content_type=x.content_type,
        size_bytes=x.size_bytes,
        document=x.document,
        document_id=x.document_id,
        state=x.state,
        sha256=x.sha256,
        verification_code=x.verification_code,
    )


def attachment_of(m: AttachmentMap | None) -> Attachment | None:
    if m is None:
        return None
    return Attachment(
        m.name, m.content_type, int(m.size_bytes), m.document, m.document_id, m.state, m.sha256, m.verification_code
    )


def dossier_item(d: Dossier) -> DossierItem:
    a = d.applicant
    return DossierItem(
        pk=d.code,
        sk=DOSSIER_SK,
        procedure_code=d.procedure_code,
        procedure_name=d.procedure_name,
        center_id=d.center_id,
        province_code=d.province_code,
        applicant_id=a.id_number,
        applicant=ApplicantMap(
            id_number=a.id_number,
            full_name=a.full_name,
            date_of_birth=a.date_of_birth.isoformat() if a.date_of_birth else None,
            address=a.address,
            phone=a.phone,
            email=a.email,
        ),
        channel=d.channel.value,
        status=d.status.value,
        queue_key=queue_key(d.status, d.due_date, d.code),
        open_key=open_key(d),
        form_data=d.form_data,
        attachments=[attachment_map(x) for x in d.attachments],
        received_at=d.received_at.isoformat(),
        due_date=d.due_date.isoformat() if d.due_date else None,
        processing_days=d.processing_days,
        processing_unit=d.processing_unit.value if d.processing_unit else UNKNOWN_UNIT,
        updated_at=d.updated_at.isoformat(),
        completed_at=d.completed_at.isoformat() if d.completed_at else None,
        supplement_requests=d.supplement_requests,
        extensions=d.extensions,
        result=attachment_map(d.result),
        rating=RatingMap(score=d.rating.score, comment=d.rating.comment, at=d.rating.at.isoformat())
        if d.rating
        else None,
        fee=fee_map(d.fee),
        digitized_at=d.digitized_at.isoformat() if d.digitized_at else None,
        filer_id=d.filer.id_number if d.filer else None,
        filer=FilerMap(
            id_number=d.filer.id_number, full_name=d.filer.full_name, phone=d.filer.phone, email=d.filer.email
        )
        if d.filer
        else None,
        postmarked_on=d.postmarked_on.isoformat() if d.postmarked_on else None,
        bundle_id=d.bundle_id or None,
    )


def event_item(code: str, e: TimelineEvent) -> EventItem:
    return EventItem(
        pk=code,
        sk=event_sk(e.seq),
        seq=e.seq,
        at=e.at.isoformat(),
        action=e.action.value,
        status=e.status.value,
        actor=e.actor.value,
        note=e.note,
        due_date=e.due_date.isoformat() if e.due_date else None,
        asked=[SupplementItemMap(what=x.what, legal_basis=x.legal_basis) for x in e.asked] or None,
    )


def dossier_of(
    item: DossierItem, timeline: tuple[TimelineEvent, ...] = (), access_log: tuple[AccessRecord, ...] = ()
) -> Dossier:
    a = item.applicant
    return Dossier(
        code=item.pk,
        procedure_code=item.procedure_code,
        procedure_name=item.procedure_name,
        center_id=item.center_id,
        province_code=item.province_code,
        applicant=Applicant(
            id_number=a.id_number,
            full_name=a.full_name,
            date_of_birth=date.fromisoformat(a.date_of_birth) if a.date_of_birth else None,
            address=a.address,
            phone=a.phone,
            email=a.email,
        ),
        channel=Channel(item.channel),
        status=Status(item.status),
        form_data=item.form_data or {},
        attachments=tuple(attachment_of(x) for x in item.attachments or ()),
        received_at=datetime.fromisoformat(item.received_at),
        due_date=date.fromisoformat(item.due_date) if item.due_date else None,
        processing_days=int(item.processing_days),
        processing_unit=None if item.processing_unit == UNKNOWN_UNIT else TimeUnit(item.processing_unit),
        updated_at=datetime.fromisoformat(item.updated_at),
        completed_at=datetime.fromisoformat(item.completed_at) if item.completed_at else None,
        supplement_requests=int(item.supplement_requests),
        extensions=int(item.extensions),
        result=attachment_of(item.result),
        rating=Rating(int(item.rating.score), item.rating.comment, datetime.fromisoformat(item.rating.at))
        if item.rating
        else None,
        fee=dossier_fee(item.fee),
        digitized_at=datetime.fromisoformat(item.digitized_at) if item.digitized_at else None,
        filer=Filer(item.filer.id_number, item.filer.full_name, item.filer.phone, item.filer.email)
        if item.filer
        else None,
        postmarked_on=date.fromisoformat(item.postmarked_on) if item.postmarked_on else None,
        version=int(item.version),
        timeline=timeline,
        access_log=access_log,
        bundle_id=item.bundle_id or "",
    )


def event_of(item: EventItem) -> TimelineEvent:
    return TimelineEvent(
        seq=int(item.seq),
        at=datetime.fromisoformat(item.at),
        action=Action(item.action),
        status=Status(item.status),
        actor=ActorRole(item.actor),
        note=item.note,
        due_date=date.fromisoformat(item.due_date) if item.due_date else None,
        asked=tuple(SupplementItem(x.what, x.legal_basis) for x in item.asked or ()),
    )


def dossier_items(dossier: Dossier) -> tuple[DossierItem, list[EventItem]]:
    """A new dossier's head and events as items (portal.store.bundles writes them in a bundle's transaction)."""
    return dossier_item(dossier), [event_item(dossier.code, e) for e in dossier.timeline]
