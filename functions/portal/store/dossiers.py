"""Dossiers and their timelines in DynamoDB <-> portal.dossiers.model."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from pynamodb.exceptions import PutError, TransactWriteError
from pynamodb.transactions import TransactWrite

from portal.dossiers.codes import sequence_key
from portal.dossiers.model import (
    AccessRecord,
    Action,
    ActorRole,
    Applicant,
    Attachment,
    Channel,
    Dossier,
    DuplicateSubmission,
    Filer,
    Rating,
    Status,
    TimelineEvent,
)
from portal.errors import Conflict
from portal.kpis.counters import KpiDelta
from portal.observability import emit
from portal.pagination import Page
from portal.store.dossier_fees import dossier_fee, fee_map
from portal.store.dossier_items import (
    AUDIT_SK_PREFIX,
    DOSSIER_SK,
    EVENT_SK_PREFIX,
    IDEMPOTENCY_SK,
    ApplicantMap,
    AttachmentMap,
    AuditItem,
    DossierItem,
    EventItem,
    FilerMap,
    IdempotencyItem,
    RatingMap,
    SequenceItem,
    event_sk,
)
from portal.store.paging import query_page
from portal.store.stats import add_to_transaction
from portal.store.tables import connection

IDEMPOTENCY_RETENTION = timedelta(days=30)
SEQUENCE_RETENTION = timedelta(days=7)


def queue_key(status: Status, due: date, code: str) -> str:
    return f"{status.value}#{due.isoformat()}#{code}"


OPEN_STATUSES = frozenset({Status.RECEIVED, Status.PROCESSING})  # the agency's clock is running


def open_key(d: Dossier) -> str | None:
    return f"{d.due_date.isoformat()}#{d.center_id}#{d.code}" if d.status in OPEN_STATUSES else None


def idempotency_pk(applicant_id: str, request_id: str) -> str:
    return f"IDEMPOTENCY#{applicant_id}#{request_id}"


def _attachment_map(x: Attachment | None) -> AttachmentMap | None:
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


def _attachment(m: AttachmentMap | None) -> Attachment | None:
    if m is None:
        return None
    return Attachment(
        m.name, m.content_type, int(m.size_bytes), m.document, m.document_id, m.state, m.sha256, m.verification_code
    )


def _dossier_item(d: Dossier) -> DossierItem:
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
        attachments=[_attachment_map(x) for x in d.attachments],
        received_at=d.received_at.isoformat(),
        due_date=d.due_date.isoformat(),
        processing_days=d.processing_days,
        updated_at=d.updated_at.isoformat(),
        completed_at=d.completed_at.isoformat() if d.completed_at else None,
        supplement_requests=d.supplement_requests,
        extensions=d.extensions,
        result=_attachment_map(d.result),
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


def _event_item(code: str, e: TimelineEvent) -> EventItem:
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
    )


def _dossier(
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
        attachments=tuple(_attachment(x) for x in item.attachments or ()),
        received_at=datetime.fromisoformat(item.received_at),
        due_date=date.fromisoformat(item.due_date),
        processing_days=int(item.processing_days),
        updated_at=datetime.fromisoformat(item.updated_at),
        completed_at=datetime.fromisoformat(item.completed_at) if item.completed_at else None,
        supplement_requests=int(item.supplement_requests),
        extensions=int(item.extensions),
        result=_attachment(item.result),
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


def _event(item: EventItem) -> TimelineEvent:
    return TimelineEvent(
        seq=int(item.seq),
        at=datetime.fromisoformat(item.at),
        action=Action(item.action),
        status=Status(item.status),
        actor=ActorRole(item.actor),
        note=item.note,
        due_date=date.fromisoformat(item.due_date) if item.due_date else None,
    )


class DossierStore:
    def next_sequence(self, agency_code: str, day: date, now: datetime) -> int:
        """The next number of the agency's daily sequence (atomic ADD; a failed submit leaves a gap)."""
        counter = SequenceItem(pk=f"SEQUENCE#{sequence_key(agency_code, day)}")
        counter.update(
            actions=[
                SequenceItem.value.add(1),
                SequenceItem.expires_at.set(now + SEQUENCE_RETENTION),
            ]
        )
        return int(counter.value)

    def find_submitted(self, applicant_id: str, request_id: str) -> str | None:
        try:
            return IdempotencyItem.get(
                idempotency_pk(applicant_id, request_id), IDEMPOTENCY_SK, consistent_read=True
            ).dossier_code
        except IdempotencyItem.DoesNotExist:
            return None

    def create(self, dossier: Dossier, request_id: str, now: datetime, kpi: KpiDelta | None = None) -> None:
        """Write the dossier, its first event, its request id and the KPI counters in one transaction.

        Raises DuplicateSubmission when the request id was already used by this applicant.
        """
        marker = IdempotencyItem(
            pk=idempotency_pk(dossier.applicant.id_number, request_id),
            dossier_code=dossier.code,
            expires_at=now + IDEMPOTENCY_RETENTION,
        )
        try:
            with TransactWrite(connection=connection()) as tx:
                tx.save(_dossier_item(dossier), condition=DossierItem.pk.does_not_exist())
                for event in dossier.timeline:
                    tx.save(_event_item(dossier.code, event), condition=EventItem.pk.does_not_exist())
                tx.save(marker, condition=IdempotencyItem.pk.does_not_exist())
                add_to_transaction(tx, kpi)
            emit("DossiersReceived", channel=dossier.channel.value)
        except TransactWriteError as error:
            reasons = error.cancellation_reasons or []
            marker_reason = reasons[len(dossier.timeline) + 1] if len(reasons) > len(dossier.timeline) + 1 else None
            if marker_reason is not None and marker_reason.code == "ConditionalCheckFailed":
                existing = self.find_submitted(dossier.applicant.id_number, request_id)
                if existing:
                    raise DuplicateSubmission(existing) from error
            raise

    def record(self, dossier: Dossier, event: TimelineEvent, kpi: KpiDelta | None = None) -> None:
        """Save a change: the dossier (only if nobody changed it since it was read), its new event and the
        KPI counters it moves, in one transaction - a retried or racing change never counts twice."""
        item = _dossier_item(dossier)
        item.version = dossier.version - 1  # the version that was read; pynamodb checks it and adds one
        try:
            with TransactWrite(connection=connection()) as tx:
                tx.save(item)
                tx.save(_event_item(dossier.code, event), condition=EventItem.pk.does_not_exist())
                add_to_transaction(tx, kpi)
            emit("DossierTransitions", action=event.action)
            if kpi is not None and kpi.counts.late:
                emit("LateResults")
        except TransactWriteError as error:
            if any(r is not None and r.code == "ConditionalCheckFailed" for r in error.cancellation_reasons or []):
                raise Conflict(
                    "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thử lại.",
                    "The dossier was changed by someone else meanwhile. Reload it and try again.",
                ) from error
            raise

    def get(self, code: str) -> Dossier | None:
        """The dossier with its whole timeline: one Query on its partition (head and events together)."""
        head: DossierItem | None = None
        events: list[TimelineEvent] = []
        accesses: list[AccessRecord] = []
        table = DossierItem._get_connection()  # pynamodb's table connection: raw items of both shapes
        start_key = None
        while True:
            page = table.query(hash_key=code, consistent_read=True, exclusive_start_key=start_key)
            for raw in page.get("Items", []):
                sk = raw["sk"]["S"]
                if sk == DOSSIER_SK:
                    head = DossierItem.from_raw_data(raw)
                elif sk.startswith(EVENT_SK_PREFIX):
                    events.append(_event(EventItem.from_raw_data(raw)))
                elif sk.startswith(AUDIT_SK_PREFIX):
                    a = AuditItem.from_raw_data(raw)
                    accesses.append(
                        AccessRecord(datetime.fromisoformat(a.at), ActorRole(a.actor), a.actor_id, a.document_id)
                    )
            start_key = page.get("LastEvaluatedKey")
            if not start_key:
                break
        if head is None:
            return None
        return _dossier(head, tuple(events), tuple(accesses))

    def record_access(self, code: str, record: AccessRecord) -> None:
        """One line of the audit trail, beside the timeline (a plain put: reading never conflicts)."""
        AuditItem(
            pk=code,
            sk=f"{AUDIT_SK_PREFIX}{record.at.isoformat()}#{secrets.token_hex(4)}",
            at=record.at.isoformat(),
            actor=record.actor.value,
            actor_id=record.actor_id,
            document_id=record.document_id,
        ).save()

    def get_many(self, codes: Iterable[str]) -> dict[str, Dossier]:
        keys = [(code, DOSSIER_SK) for code in dict.fromkeys(codes)]
        return {item.pk: _dossier(item) for item in DossierItem.batch_get(keys)}

    def by_applicant(self, applicant_id: str, first: int | None, after: str | None) -> Page[Dossier]:
        return query_page(
            lambda **kw: DossierItem.applicant_index.query(applicant_id, scan_index_forward=False, **kw),
            {"applicant_id": applicant_id},
            first,
            after,
            _dossier,
        )

    def by_filer(self, filer_id: str, first: int | None, after: str | None) -> Page[Dossier]:
        """The dossiers `filer_id` filed for others, newest first (the sparse filer-index)."""
        return query_page(
            lambda **kw: DossierItem.filer_index.query(filer_id, scan_index_forward=False, **kw),
            {"filer_id": filer_id},
            first,
            after,
            _dossier,
        )

    def open_in_province(self, province_code: str, due_by: date) -> list[Dossier]:
        """Dossiers in the agency's hands in a province whose appointment date is `due_by` or earlier."""
        condition = DossierItem.open_key < f"{(due_by + timedelta(days=1)).isoformat()}#"
        return [_dossier(item) for item in DossierItem.open_index.query(province_code, condition)]

    def append_event(self, dossier: Dossier, event: TimelineEvent) -> None:
        """An event that changes nothing on the dossier (a message): only its number must be free."""
        try:
            _event_item(dossier.code, event).save(condition=EventItem.pk.does_not_exist())
        except PutError as error:
            if getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException":
                raise Conflict(
                    "Hồ sơ vừa được cập nhật. Vui lòng tải lại và thử lại.",
                    "The dossier was changed meanwhile. Reload it and try again.",
                ) from error
            raise

    def by_center(self, center_id: str, status: Status | None, first: int | None, after: str | None) -> Page[Dossier]:
        condition = DossierItem.queue_key.startswith(f"{status.value}#") if status else None
        return query_page(
            lambda **kw: DossierItem.center_queue_index.query(center_id, condition, **kw),
            {"center_id": center_id},
            first,
            after,
            _dossier,
        )

    def updated_since(
        self, reach: tuple[str, str], since: datetime, first: int | None, after: str | None
    ) -> Page[Dossier]:
        """A center's (reach ("center", id)) or an applicant's (("applicant", pid)) dossiers changed at or after
        `since`, oldest change first: one Query on the matching index."""
        kind, who = reach
        index = DossierItem.center_updated_index if kind == "center" else DossierItem.applicant_updated_index
        partition = {"center_id": who} if kind == "center" else {"applicant_id": who}
        return query_page(
            lambda **kw: index.query(who, DossierItem.updated_at >= since.isoformat(), **kw),
            partition,
            first,
            after,
            _dossier,
        )


def dossier_items(dossier: Dossier) -> tuple[DossierItem, list[EventItem]]:
    """A new dossier's head and events as items (portal.store.bundles writes them in a bundle's transaction)."""
    return _dossier_item(dossier), [_event_item(dossier.code, e) for e in dossier.timeline]
