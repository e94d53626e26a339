"""In-memory repositories behind the services' Protocols (portal.dossiers.repository, the catalog's
detail source): the rules of a service verb tested in milliseconds, without DynamoDB. They keep what the
store keeps and refuse what it refuses (a second dossier for one request id, a stale version)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from portal.centers.model import Center, CenterKind, GeoPoint
from portal.dossiers.model import AccessRecord, Dossier, DuplicateSubmission, Status, TimelineEvent
from portal.pagination import Page, page_of_list
from portal.procedures.catalog import Catalog, shipped_index
from portal.procedures.model import Procedure
from portal.procedures.online_form import derive


@dataclass
class MemoryDossiers:
    dossiers: dict[str, Dossier] = field(default_factory=dict)
    requests: dict[tuple[str, str], str] = field(default_factory=dict)
    sequences: dict[tuple[str, date], int] = field(default_factory=dict)
    accesses: list[tuple[str, AccessRecord]] = field(default_factory=list)
    kpis: list[Any] = field(default_factory=list)  # the counters each change would add

    def next_sequence(self, agency_code: str, day: date, now: datetime) -> int:
        key = (agency_code, day)
        self.sequences[key] = self.sequences.get(key, 0) + 1
        return self.sequences[key]

    def find_submitted(self, applicant_id: str, request_id: str) -> str | None:
        return self.requests.get((applicant_id, request_id))

    def create(self, dossier: Dossier, request_id: str, now: datetime, kpi: Any = None) -> None:
        key = (dossier.applicant.id_number, request_id)
        if key in self.requests:
            raise DuplicateSubmission(self.requests[key])
        self.requests[key] = dossier.code
        self.dossiers[dossier.code] = dossier
        self.kpis.append(kpi)

    def record(self, dossier: Dossier, event: TimelineEvent, kpi: Any = None) -> None:
        stored = self.dossiers[dossier.code]
        if len(stored.timeline) != event.seq - 1:  # the store's condition: nobody changed it meanwhile
            raise AssertionError(f"stale write of {dossier.code}")
        self.dossiers[dossier.code] = dossier
        self.kpis.append(kpi)

    def append_event(self, dossier: Dossier, event: TimelineEvent) -> None:
        self.dossiers[dossier.code] = replace(dossier, timeline=(*dossier.timeline, event))

    def get(self, code: str) -> Dossier | None:
        return self.dossiers.get(code)

    def get_many(self, codes: list[str]) -> dict[str, Dossier]:
        return {c: self.dossiers[c] for c in codes if c in self.dossiers}

    def open_in_province(self, province_code: str, due_by: date) -> list[Dossier]:
        return [d for d in self.dossiers.values() if d.province_code == province_code and d.due_date <= due_by]

    def record_access(self, code: str, record: AccessRecord) -> None:
        self.accesses.append((code, record))

    def _page(self, found: list[Dossier], first: int | None, after: str | None) -> Page[Dossier]:
        return page_of_list(sorted(found, key=lambda d: d.received_at, reverse=True), first, after)

    def by_applicant(self, applicant_id: str, first: int | None, after: str | None) -> Page[Dossier]:
        return self._page([d for d in self.dossiers.values() if d.applicant.id_number == applicant_id], first, after)

    def by_filer(self, filer_id: str, first: int | None, after: str | None) -> Page[Dossier]:
        found = [d for d in self.dossiers.values() if d.filer and d.filer.id_number == filer_id]
        return self._page(found, first, after)

    def by_center(self, center_id: str, status: Status | None, first: int | None, after: str | None) -> Page[Dossier]:
        found = [d for d in self.dossiers.values() if d.center_id == center_id and status in (None, d.status)]
        return self._page(found, first, after)

    def updated_since(self, reach, since: datetime, first: int | None, after: str | None) -> Page[Dossier]:
        return self._page([d for d in self.dossiers.values() if d.updated_at >= since], first, after)


@dataclass
class MemoryCenters:
    centers: dict[str, Center] = field(default_factory=dict)

    def get(self, center_id: str) -> Center | None:
        return self.centers.get(center_id)


def commune_center(center_id: str = "xa-ben-thanh", **overrides: Any) -> Center:
    values: dict[str, Any] = {
        "id": center_id,
        "kind": CenterKind.COMMUNE,
        "name": "Trung tâm Phục vụ hành chính công phường Bến Thành (mẫu)",
        "agency_code": "X79.267.34",
        "province_code": "79",
        "commune_code": "26734",
        "address": "(mẫu)",
        "hotline": "",
        "opening_hours": "",
        "location": GeoPoint(10.77, 106.70),
        "is_sample": True,
    }
    values.update(overrides)
    return Center(**values)


def catalog_of(*procedures: Procedure) -> Catalog:
    """The shipped search index (codes, names, levels) with these procedures' details."""
    details = {p.code: p for p in procedures}
    return Catalog(shipped_index, _Details(details), forms=derive)


@dataclass
class _Details:
    details: dict[str, Procedure]

    def get_many(self, codes) -> dict[str, Procedure]:
        return {c: self.details[c] for c in codes if c in self.details}
