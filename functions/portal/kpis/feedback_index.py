"""Feedback in the public service index: for one month, what was received (by channel and category),
answered, answered on time and escalated, for the nation and its provinces, or a province and its centers.
Each figure comes with the number of reports behind it (a rate of 100% over 1 answer says so).

Read from the feedback counters (portal.feedback's, written with each step), never from the reports: the
nation's month is one BatchGetItem of 35 keys, a province's one Query of its centers then one BatchGetItem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from portal.centers.model import Center
from portal.errors import InvalidInput
from portal.feedback.model import FeedbackCounts
from portal.feedback.rules import NATIONAL
from portal.identity.access import require_public_read
from portal.identity.principal import Principal
from portal.kpis.public_index import MONTH, NATION_NAME, PROVINCE_CODE, ProvinceCenters
from portal.pagination import MAX_PAGE_SIZE
from portal.units.directory import UnitDirectory


class FeedbackCounters(Protocol):
    def counts(self, scopes: Iterable[str], month: str) -> dict[str, FeedbackCounts]: ...


@dataclass(frozen=True)
class FeedbackFigures:
    scope: str  # "national", "province:79", "center:hcc-79"
    code: str
    name: str
    counts: FeedbackCounts


@dataclass(frozen=True)
class FeedbackReport:
    month: str
    subject: FeedbackFigures
    rows: tuple[FeedbackFigures, ...]  # the provinces (for the nation), or the province's centers with any


@dataclass(frozen=True)
class FeedbackIndex:
    counters: FeedbackCounters
    centers: ProvinceCenters
    units: UnitDirectory

    def report(self, principal: Principal, month: str, province_code: str | None = None) -> FeedbackReport:
        require_public_read(principal)
        if not MONTH.match(month or ""):
            raise InvalidInput.for_field("month", "Tháng có dạng YYYY-MM.", "A month is written YYYY-MM.")
        provinces = self.units.gazetteer.provinces
        if province_code and (not PROVINCE_CODE.match(province_code) or province_code not in provinces):
            raise InvalidInput.for_field(
                "provinceCode", f"Không có tỉnh, thành phố mã {province_code[:8]}.", "There is no such province."
            )
        if not province_code:
            scopes = [NATIONAL, *(f"province:{code}" for code in provinces)]
            counts = self.counters.counts(scopes, month)
            rows = tuple(
                FeedbackFigures(
                    f"province:{p.code}", p.code, p.name, counts.get(f"province:{p.code}", FeedbackCounts())
                )
                for p in provinces.values()
            )
            subject = FeedbackFigures(NATIONAL, "", NATION_NAME, counts.get(NATIONAL, FeedbackCounts()))
            return FeedbackReport(month, subject, rows)
        centers = self._centers(province_code)
        scope = f"province:{province_code}"
        counts = self.counters.counts([scope, *(f"center:{c.id}" for c in centers)], month)
        rows = tuple(
            FeedbackFigures(f"center:{c.id}", c.id, c.name, counts[f"center:{c.id}"])
            for c in centers
            if f"center:{c.id}" in counts
        )
        name = provinces[province_code].name
        return FeedbackReport(
            month, FeedbackFigures(scope, province_code, name, counts.get(scope, FeedbackCounts())), rows
        )

    def _centers(self, province_code: str) -> list[Center]:
        out: list[Center] = []
        after = None
        while True:
            page = self.centers.by_province(province_code, MAX_PAGE_SIZE, after)
            out.extend(page.items)
            if page.end_cursor is None:
                return out
            after = page.end_cursor
