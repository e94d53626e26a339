"""Feedback (portal.feedback) in the Dossiers table: the report, and small pointer items that list it,
all written in one transaction with the counters its step moves:

    FEEDBACK#<id>                / FEEDBACK                  the report (JSON), versioned
    FEEDBACK_QUEUE#<queue>       / <received at>#<id>        a center's or province's answer queue
    FEEDBACK_OPEN                / <due date>#<id>           unanswered, by due date (the escalation job)
    FEEDBACK_PUBLIC#<procedure>  / <answered at>#<id>        published answers ("*": every procedure)
    FEEDBACK_MINE#<reporter>     / <created at>#<id>         a reporter's own list
    FEEDBACK_STATS#<scope>       / MONTH#<yyyy-mm>           counters (ADD), per center, province, nation

No index of the table is needed. The open list is one partition: feedback is a small fraction of the
dossiers' traffic (a partition takes 1,000 writes a second), and the job reads it once a day.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from portal.config import settings
from portal.errors import Conflict
from portal.feedback import rules
from portal.feedback.model import (
    Answer,
    Category,
    CountsDelta,
    FeedbackChannel,
    FeedbackCounts,
    FeedbackStatus,
    Report,
    Reporter,
    SubjectKind,
)
from portal.store import keys, transactions
from portal.store.tables import PortalModel, table_meta

LISTED = 50
PLAIN_COUNTERS = ("received", "online", "hotline", "answered", "on_time", "late", "escalated")
CATEGORY_PREFIX = "c_"
ALL_PROCEDURES = "*"


class FeedbackItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    data = UnicodeAttribute()  # the report as JSON
    feedback_version = NumberAttribute()


class FeedbackPointer(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    report_id = UnicodeAttribute()


def _stats_attributes() -> dict[str, object]:
    names = [*PLAIN_COUNTERS, *(CATEGORY_PREFIX + c.value for c in Category)]
    return {name: NumberAttribute(default=0) for name in names}


FeedbackStatsItem = type(
    "FeedbackStatsItem",
    (PortalModel,),
    {
        "__module__": __name__,
        "Meta": table_meta(settings().tables.dossiers),
        "pk": UnicodeAttribute(hash_key=True),
        "sk": UnicodeAttribute(range_key=True),
        **_stats_attributes(),
    },
)


def _iso(moment: datetime | date | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def to_json(r: Report) -> str:
    a = r.answer
    return json.dumps(
        {
            "id": r.id,
            "category": r.category.value,
            "subject": r.subject.value,
            "channel": r.channel.value,
            "text": r.text,
            "reporter": [r.reporter.id_number, r.reporter.full_name, r.reporter.email, r.reporter.phone],
            "publish_consent": r.publish_consent,
            "status": r.status.value,
            "created_at": _iso(r.created_at),
            "province_code": r.province_code,
            "center_id": r.center_id,
            "procedure_code": r.procedure_code,
            "procedure_name": r.procedure_name,
            "dossier_code": r.dossier_code,
            "officer_note": r.officer_note,
            "received_at": _iso(r.received_at),
            "due_on": _iso(r.due_on),
            "escalated_at": _iso(r.escalated_at),
            "answer": None
            if a is None
            else [a.text, a.public_summary, _iso(a.answered_at), a.answered_by_role, a.center_id],
            "recorded_by": r.recorded_by,
            "confirmation_hash": r.confirmation_hash,
        },
        ensure_ascii=False,
    )


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def from_item(item: FeedbackItem) -> Report:
    d = json.loads(item.data)
    a = d["answer"]
    return Report(
        id=d["id"],
        category=Category(d["category"]),
        subject=SubjectKind(d["subject"]),
        channel=FeedbackChannel(d["channel"]),
        text=d["text"],
        reporter=Reporter(*d["reporter"]),
        publish_consent=d["publish_consent"],
        status=FeedbackStatus(d["status"]),
        created_at=datetime.fromisoformat(d["created_at"]),
        province_code=d["province_code"],
        center_id=d["center_id"],
        procedure_code=d["procedure_code"],
        procedure_name=d["procedure_name"],
        dossier_code=d["dossier_code"],
        officer_note=d["officer_note"],
        received_at=_dt(d["received_at"]),
        due_on=date.fromisoformat(d["due_on"]) if d["due_on"] else None,
        escalated_at=_dt(d["escalated_at"]),
        answer=None if a is None else Answer(a[0], a[1], datetime.fromisoformat(a[2]), a[3], a[4]),
        recorded_by=d["recorded_by"],
        confirmation_hash=d["confirmation_hash"],
        version=int(item.feedback_version),
    )


def _pointer(kind: keys.ItemKind, part: str, sk: str, report_id: str) -> FeedbackPointer:
    return FeedbackPointer(pk=kind.pk_prefix + part, sk=sk, report_id=report_id)


def _pointers(r: Report) -> tuple[list[FeedbackPointer], list[FeedbackPointer]]:
    """(to put, to delete) for the report's state."""
    put, delete = [], []
    if r.received_at is not None:
        put += [_pointer(keys.FEEDBACK_QUEUE, q, f"{_iso(r.received_at)}#{r.id}", r.id) for q in rules.queues(r)]
    if r.reporter.id_number or r.reporter.email:
        put.append(_pointer(keys.FEEDBACK_MINE, r.reporter.key, f"{_iso(r.created_at)}#{r.id}", r.id))
    if r.due_on is not None:
        open_item = _pointer(keys.FEEDBACK_OPEN, "", f"{_iso(r.due_on)}#{r.id}", r.id)
        (put if rules.is_open(r) else delete).append(open_item)
    if r.published and r.answer is not None:
        sk = f"{_iso(r.answer.answered_at)}#{r.id}"
        put += [_pointer(keys.FEEDBACK_PUBLIC, p, sk, r.id) for p in (r.procedure_code or "-", ALL_PROCEDURES)]
    return put, delete


def _stats_key(scope: str, month: str) -> tuple[str, str]:
    return keys.FEEDBACK_STATS.pk_prefix + scope, keys.FEEDBACK_STATS.sk + month


def _add_counts(tx: TransactWrite, delta: CountsDelta) -> None:
    c = delta.counts
    values = {name: getattr(c, name) for name in PLAIN_COUNTERS if getattr(c, name)}
    values.update({CATEGORY_PREFIX + k: v for k, v in c.by_category.items() if v})
    for scope in delta.scopes:
        item = FeedbackStatsItem(*_stats_key(scope, delta.month))
        tx.update(item, actions=[getattr(FeedbackStatsItem, k).add(v) for k, v in values.items()])


def _counts(item) -> FeedbackCounts:
    plain = {name: int(getattr(item, name) or 0) for name in PLAIN_COUNTERS}
    cats = {c.value: int(getattr(item, CATEGORY_PREFIX + c.value) or 0) for c in Category}
    return FeedbackCounts(**plain, by_category={k: v for k, v in cats.items() if v})


class FeedbackStore:
    def save(self, report: Report, deltas: tuple[CountsDelta, ...] = ()) -> Report:
        saved = replace(report, version=report.version + 1)
        put, delete = _pointers(saved)

        def build(tx: TransactWrite) -> None:
            item = FeedbackItem(
                pk=keys.FEEDBACK.pk_prefix + report.id,
                sk=keys.FEEDBACK.sk,
                data=to_json(saved),
                feedback_version=saved.version,
            )
            condition = (
                FeedbackItem.pk.does_not_exist()
                if report.version == 0
                else FeedbackItem.feedback_version == report.version
            )
            tx.save(item, condition=condition)
            for pointer in put:
                tx.save(pointer)
            for pointer in delete:
                tx.delete(pointer)
            for delta in deltas:
                _add_counts(tx, delta)

        try:
            transactions.write(build)
        except TransactWriteError as error:
            codes = {r.code for r in error.cancellation_reasons or () if r is not None}
            if "ConditionalCheckFailed" in codes:
                raise Conflict("Phản ánh vừa được thay đổi.", "The report changed meanwhile.") from error
            raise
        return saved

    def get(self, report_id: str) -> Report | None:
        try:
            return from_item(FeedbackItem.get(keys.FEEDBACK.pk_prefix + report_id, keys.FEEDBACK.sk))
        except FeedbackItem.DoesNotExist:
            return None

    def _listed(self, pk: str, upper: str | None = None) -> list[Report]:
        condition = FeedbackPointer.sk < upper if upper else None
        pointers = FeedbackPointer.query(pk, condition, scan_index_forward=upper is not None, limit=LISTED * 4)
        ids = list(dict.fromkeys(p.report_id for p in pointers))[: LISTED * 4]
        if not ids:
            return []
        found = {
            i.pk.removeprefix(keys.FEEDBACK.pk_prefix): from_item(i)
            for i in FeedbackItem.batch_get([(keys.FEEDBACK.pk_prefix + i, keys.FEEDBACK.sk) for i in ids])
        }
        return [found[i] for i in ids if i in found]

    def queue(self, queue_key: str) -> list[Report]:
        return self._listed(keys.FEEDBACK_QUEUE.pk_prefix + queue_key)[:LISTED]

    def open_due_before(self, day: date) -> list[Report]:
        return self._listed(keys.FEEDBACK_OPEN.pk_prefix, day.isoformat())

    def published(self, procedure_code: str | None) -> list[Report]:
        return self._listed(keys.FEEDBACK_PUBLIC.pk_prefix + (procedure_code or ALL_PROCEDURES))[:LISTED]

    def of_reporter(self, reporter_key: str) -> list[Report]:
        return self._listed(keys.FEEDBACK_MINE.pk_prefix + reporter_key)[:LISTED]

    def counts(self, scopes: Iterable[str], month: str) -> dict[str, FeedbackCounts]:
        wanted = [_stats_key(s, month) for s in dict.fromkeys(scopes)]
        return {
            item.pk.removeprefix(keys.FEEDBACK_STATS.pk_prefix): _counts(item)
            for item in FeedbackStatsItem.batch_get(wanted)
        }
