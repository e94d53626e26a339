"""Bundles in DynamoDB <-> portal.bundles.model (items: portal.store.bundle_items)."""

from __future__ import annotations

from datetime import datetime

from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from portal.bundles.model import Bundle, BundleMember, MemberState
from portal.bundles.repository import DuplicateBundle
from portal.dossiers.counters import KpiCounts, KpiDelta, delta
from portal.dossiers.model import Dossier
from portal.errors import Conflict
from portal.observability import emit
from portal.store.bundle_items import (
    BUNDLE_PK_PREFIX,
    BUNDLE_SK,
    OWNER_PK_PREFIX,
    BundleItem,
    BundleMarkerItem,
    MemberMap,
    OwnedBundleItem,
)
from portal.store.dossier_items import DossierItem, EventItem
from portal.store.dossier_mapping import dossier_items
from portal.store.dossiers import IDEMPOTENCY_RETENTION, idempotency_pk
from portal.store.stats import add_to_transaction
from portal.store.tables import connection


def _item(b: Bundle) -> BundleItem:
    return BundleItem(
        pk=f"{BUNDLE_PK_PREFIX}{b.id}",
        sk=BUNDLE_SK,
        code=b.code,
        name=b.name,
        owner_id=b.applicant_id,
        owner_name=b.applicant_name,
        filed_at_center=b.center_id,
        answers=b.answers,
        electronic_documents=set(b.electronic_documents) or None,
        members=[
            MemberMap(
                key=m.key,
                procedure_code=m.procedure_code,
                procedure_name=m.procedure_name,
                center_id=m.center_id,
                after=list(m.after),
                state=m.state.value,
                dossier_code=m.dossier_code,
                started_at=m.started_at.isoformat() if m.started_at else None,
            )
            for m in b.members
        ],
        created_at=b.created_at.isoformat(),
        changed_at=b.updated_at.isoformat(),
        withdrawn_at=b.withdrawn_at.isoformat() if b.withdrawn_at else None,
        phone=b.phone,
        email=b.email,
    )


def _bundle(item: BundleItem) -> Bundle:
    return Bundle(
        id=item.pk.removeprefix(BUNDLE_PK_PREFIX),
        code=item.code,
        name=item.name,
        applicant_id=item.owner_id,
        applicant_name=item.owner_name,
        center_id=item.filed_at_center,
        answers=item.answers or {},
        electronic_documents=tuple(sorted(item.electronic_documents or ())),
        members=tuple(
            BundleMember(
                key=m.key,
                procedure_code=m.procedure_code,
                procedure_name=m.procedure_name,
                center_id=m.center_id,
                after=tuple(m.after or ()),
                state=MemberState(m.state),
                dossier_code=m.dossier_code,
                started_at=datetime.fromisoformat(m.started_at) if m.started_at else None,
            )
            for m in item.members or ()
        ),
        created_at=datetime.fromisoformat(item.created_at),
        updated_at=datetime.fromisoformat(item.changed_at),
        withdrawn_at=datetime.fromisoformat(item.withdrawn_at) if item.withdrawn_at else None,
        phone=item.phone,
        email=item.email,
        version=int(item.version),
    )


def _merged_kpis(started: list[Dossier]) -> list[KpiDelta]:
    """One counter update per (scope, month): two members received by one center in one transaction would
    otherwise touch the same counter item twice, which DynamoDB refuses."""
    totals: dict[tuple[str, str], KpiCounts] = {}
    for d in started:
        kpi = delta(None, d, d.timeline[0])
        if kpi is None:
            continue
        for scope in kpi.scopes:
            key = (scope, kpi.month)
            totals[key] = totals.get(key, KpiCounts()) + kpi.counts
    return [KpiDelta(month, (scope,), counts) for (scope, month), counts in totals.items()]


def _add_dossiers(tx: TransactWrite, started: list[Dossier]) -> None:
    for dossier in started:
        head, events = dossier_items(dossier)
        tx.save(head, condition=DossierItem.pk.does_not_exist())
        for event in events:
            tx.save(event, condition=EventItem.pk.does_not_exist())
    for kpi in _merged_kpis(started):
        add_to_transaction(tx, kpi)


class BundleStore:
    def find_submitted(self, applicant_id: str, request_id: str) -> str | None:
        try:
            return BundleMarkerItem.get(
                idempotency_pk(applicant_id, request_id), BUNDLE_SK, consistent_read=True
            ).bundle_id
        except BundleMarkerItem.DoesNotExist:
            return None

    def create(self, bundle: Bundle, started: list[Dossier], request_id: str, now: datetime) -> None:
        """The bundle, its request id, its place in the applicant's list and its first members' dossiers
        (with their events and KPI counters) in one transaction. Raises DuplicateBundle on a reused id."""
        marker = BundleMarkerItem(
            pk=idempotency_pk(bundle.applicant_id, request_id),
            bundle_id=bundle.id,
            expires_at=now + IDEMPOTENCY_RETENTION,
        )
        owned = OwnedBundleItem(
            pk=f"{OWNER_PK_PREFIX}{bundle.applicant_id}", sk=f"{now.isoformat()}#{bundle.id}", bundle_id=bundle.id
        )
        try:
            with TransactWrite(connection=connection()) as tx:
                tx.save(marker, condition=BundleMarkerItem.pk.does_not_exist())
                tx.save(_item(bundle), condition=BundleItem.pk.does_not_exist())
                tx.save(owned)
                _add_dossiers(tx, started)
            emit("BundlesReceived", code=bundle.code)
        except TransactWriteError as error:
            reasons = error.cancellation_reasons or []
            if reasons and reasons[0] is not None and reasons[0].code == "ConditionalCheckFailed":
                existing = self.find_submitted(bundle.applicant_id, request_id)
                if existing:
                    raise DuplicateBundle(existing) from error
            raise

    def save(self, bundle: Bundle, started: list[Dossier]) -> None:
        """The bundle (only if nobody changed it since it was read) and the members it starts, together."""
        item = _item(bundle)
        item.version = bundle.version - 1  # the version read; pynamodb checks it and adds one
        try:
            with TransactWrite(connection=connection()) as tx:
                tx.save(item)
                _add_dossiers(tx, started)
        except TransactWriteError as error:
            if any(r is not None and r.code == "ConditionalCheckFailed" for r in error.cancellation_reasons or []):
                raise Conflict(
                    "Hồ sơ liên thông vừa được cập nhật. Vui lòng tải lại và thử lại.",
                    "The bundle was changed meanwhile. Reload it and try again.",
                ) from error
            raise

    def get(self, bundle_id: str) -> Bundle | None:
        try:
            return _bundle(BundleItem.get(f"{BUNDLE_PK_PREFIX}{bundle_id}", BUNDLE_SK, consistent_read=True))
        except BundleItem.DoesNotExist:
            return None

    def by_applicant(self, applicant_id: str, limit: int) -> list[Bundle]:
        """The applicant's bundles, newest first: one Query, then one BatchGet."""
        owned = OwnedBundleItem.query(f"{OWNER_PK_PREFIX}{applicant_id}", scan_index_forward=False, limit=limit)
        ids = [o.bundle_id for o in owned]
        keys = [(f"{BUNDLE_PK_PREFIX}{i}", BUNDLE_SK) for i in ids]
        found = {b.id: b for b in (_bundle(item) for item in BundleItem.batch_get(keys))} if keys else {}
        return [found[i] for i in ids if i in found]
