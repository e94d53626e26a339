"""Dossiers and their timelines in DynamoDB <-> portal.dossiers.model."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from pynamodb.exceptions import PutError, TransactWriteError
from pynamodb.transactions import TransactWrite

from portal.dossiers.codes import sequence_key
from portal.dossiers.counters import KpiDelta
from portal.dossiers.model import (
    AccessRecord,
    ActorRole,
    Dossier,
    DuplicateSubmission,
    Status,
    TimelineEvent,
)
from portal.errors import Conflict
from portal.observability import emit
from portal.pagination import Page
from portal.store import keys, transactions
from portal.store.dossier_items import (
    AUDIT_SK_PREFIX,
    DOSSIER_SK,
    EVENT_SK_PREFIX,
    IDEMPOTENCY_SK,
    AuditItem,
    DossierItem,
    EventItem,
    IdempotencyItem,
    SequenceItem,
)
from portal.store.dossier_mapping import (
    dossier_item,
    dossier_of,
    event_item,
    event_of,
    idempotency_pk,
)
from portal.store.paging import query_page
from portal.store.stats import add_to_transaction

IDEMPOTENCY_RETENTION = timedelta(days=30)
SEQUENCE_RETENTION = timedelta(days=7)


class DossierStore:
    def next_sequence(self, agency_code: str, day: date, now: datetime) -> int:
        """The next number of the agency's daily sequence (atomic ADD; a failed submit leaves a gap)."""
        counter = SequenceItem(pk=keys.pk(keys.SEQUENCE, sequence_key(agency_code, day)))
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

        def build(tx: TransactWrite) -> None:
            tx.save(dossier_item(dossier), condition=DossierItem.pk.does_not_exist())
            for event in dossier.timeline:
                tx.save(event_item(dossier.code, event), condition=EventItem.pk.does_not_exist())
            tx.save(marker, condition=IdempotencyItem.pk.does_not_exist())
            add_to_transaction(tx, kpi)

        try:
            transactions.write(build)
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

        def build(tx: TransactWrite) -> None:
            item = dossier_item(dossier)  # made anew for each attempt: pynamodb moves its version on save
            item.version = dossier.version - 1  # the version that was read; pynamodb checks it and adds one
            tx.save(item)
            tx.save(event_item(dossier.code, event), condition=EventItem.pk.does_not_exist())
            add_to_transaction(tx, kpi)

        try:
            transactions.write(build)
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
                    events.append(event_of(EventItem.from_raw_data(raw)))
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
        return dossier_of(head, tuple(events), tuple(accesses))

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
        return {item.pk: dossier_of(item) for item in DossierItem.batch_get(keys)}

    def by_applicant(self, applicant_id: str, first: int | None, after: str | None) -> Page[Dossier]:
        return query_page(
            lambda **kw: DossierItem.applicant_index.query(applicant_id, scan_index_forward=False, **kw),
            {"applicant_id": applicant_id},
            first,
            after,
            dossier_of,
        )

    def by_filer(self, filer_id: str, first: int | None, after: str | None) -> Page[Dossier]:
        """The dossiers `filer_id` filed for others, newest first (the sparse filer-index)."""
        return query_page(
            lambda **kw: DossierItem.filer_index.query(filer_id, scan_index_forward=False, **kw),
            {"filer_id": filer_id},
            first,
            after,
            dossier_of,
        )

    def open_in_province(self, province_code: str, due_by: date) -> list[Dossier]:
        """Dossiers in the agency's hands in a province whose appointment date is `due_by` or earlier."""
        condition = DossierItem.open_key < f"{(due_by + timedelta(days=1)).isoformat()}#"
        return [dossier_of(item) for item in DossierItem.open_index.query(province_code, condition)]

    def append_event(self, dossier: Dossier, event: TimelineEvent) -> None:
        """An event that changes nothing on the dossier (a message): only its number must be free."""
        try:
            event_item(dossier.code, event).save(condition=EventItem.pk.does_not_exist())
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
            dossier_of,
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
            dossier_of,
        )
