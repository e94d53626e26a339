"""What the dossier services need from storage (implemented by portal.store.dossiers.DossierStore)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from portal.centers.model import Center
from portal.dossiers.model import Dossier, Status, TimelineEvent
from portal.kpis.counters import KpiDelta
from portal.pagination import Page


class DossierRepository(Protocol):
    def next_sequence(self, agency_code: str, day: date, now: datetime) -> int: ...
    def find_submitted(self, applicant_id: str, request_id: str) -> str | None: ...
    def create(self, dossier: Dossier, request_id: str, now: datetime, kpi: KpiDelta | None = None) -> None: ...
    def record(self, dossier: Dossier, event: TimelineEvent, kpi: KpiDelta | None = None) -> None: ...
    def get(self, code: str) -> Dossier | None: ...
    def by_applicant(self, applicant_id: str, first: int | None, after: str | None) -> Page[Dossier]: ...
    def by_center(
        self, center_id: str, status: Status | None, first: int | None, after: str | None
    ) -> Page[Dossier]: ...
    def updated_since(
        self, reach: tuple[str, str], since: datetime, first: int | None, after: str | None
    ) -> Page[Dossier]: ...


class CenterLookup(Protocol):
    def get(self, center_id: str) -> Center | None: ...
