"""The public service index: the nation and its 34 provinces, or a province (or one of its communes) and
its communes, for one month, with the subject's trend over the last 12 months.

Everything is read from the monthly KPI counters, never from dossiers: a trend is one BatchGetItem of its
scopes' 12 months (the nation's 17 counter scopes: 204 keys, 3 calls), the provinces' month one
BatchGetItem; a province's communes are its commune centers (one paged Query of the province's centers,
then BatchGetItem of their month). A commune's figures are those of its own
commune center(s); dossiers received by the provincial center, its branches and reception points count
for the province only. A report is cached per container for a few minutes (it is public and the same
for everyone), so a burst of visitors costs one read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from portal.centers.model import Center, CenterKind
from portal.dossiers.counters import NATIONAL, KpiCounts, national_scopes
from portal.errors import InvalidInput
from portal.identity.access import require_public_read
from portal.identity.principal import Principal
from portal.kpis.service_index import IndexFigures, figures, months_ending, ranked
from portal.pagination import MAX_PAGE_SIZE, Page
from portal.units.directory import UnitDirectory

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
PROVINCE_CODE = re.compile(r"^\d{2}$")
COMMUNE_CODE = re.compile(r"^\d{5}$")
NATION_NAME = "Toàn quốc"


class IndexStats(Protocol):
    def of_scopes(self, scopes: Iterable[str], month: str) -> dict[str, KpiCounts]: ...
    def sum_by_month(self, scopes: Iterable[str], months: list[str]) -> dict[str, KpiCounts]: ...


class ProvinceCenters(Protocol):
    def by_province(self, province_code: str, first: int | None, after: str | None) -> Page[Center]: ...


class ReportCache(Protocol):
    def get(self, key: tuple[str, str, str]) -> object: ...
    def put(self, key: tuple[str, str, str], value: IndexReport) -> None: ...


@dataclass(frozen=True)
class IndexReport:
    month: str
    subject: IndexFigures  # the nation, a province or a commune, ranked among its peers
    trend: tuple[IndexFigures, ...]  # the subject's last 12 months, oldest first
    ranking: tuple[IndexFigures, ...]  # the provinces (for the nation), or the province's communes


@dataclass(frozen=True)
class ServiceIndex:
    stats: IndexStats
    centers: ProvinceCenters
    units: UnitDirectory
    cache: ReportCache

    def report(
        self, principal: Principal, month: str, province_code: str | None = None, commune_code: str | None = None
    ) -> IndexReport:
        require_public_read(principal)
        province_code, commune_code = self._check(month, province_code or "", commune_code or "")
        key = (month, province_code, commune_code)
        cached = self.cache.get(key)
        if isinstance(cached, IndexReport):
            return cached
        report = self._province(month, province_code, commune_code) if province_code else self._national(month)
        self.cache.put(key, report)
        return report

    def _check(self, month: str, province_code: str, commune_code: str) -> tuple[str, str]:
        if not MONTH.match(month):
            raise InvalidInput.for_field("month", "Tháng có dạng YYYY-MM.", "A month is written YYYY-MM.")
        gazetteer = self.units.gazetteer
        if commune_code:
            commune = gazetteer.communes.get(commune_code) if COMMUNE_CODE.match(commune_code) else None
            if commune is None or province_code not in ("", commune.province_code):
                raise InvalidInput.for_field(
                    "communeCode", f"Không có xã, phường mã {commune_code[:8]}.", "There is no such commune."
                )
            province_code = commune.province_code
        if province_code and (not PROVINCE_CODE.match(province_code) or province_code not in gazetteer.provinces):
            raise InvalidInput.for_field(
                "provinceCode", f"Không có tỉnh, thành phố mã {province_code[:8]}.", "There is no such province."
            )
        return province_code, commune_code

    def _trend(self, scope: str, counted: list[str], code: str, name: str, month: str) -> tuple[IndexFigures, ...]:
        """`scope`'s last 12 months, summing the counters of `counted`."""
        months = months_ending(month)
        totals = self.stats.sum_by_month(counted, months) if counted else {}
        return tuple(figures(scope, code, name, m, totals.get(m, KpiCounts())) for m in months)

    def _national(self, month: str) -> IndexReport:
        provinces = self.units.gazetteer.provinces
        counts = self.stats.of_scopes((f"province:{code}" for code in provinces), month)
        ranking = ranked(
            [
                figures(f"province:{p.code}", p.code, p.name, month, counts.get(f"province:{p.code}", KpiCounts()))
                for p in provinces.values()
            ]
        )
        trend = self._trend(NATIONAL, list(national_scopes()), "", NATION_NAME, month)
        return IndexReport(month, trend[-1], trend, tuple(ranking))

    def _province(self, month: str, province_code: str, commune_code: str) -> IndexReport:
        gazetteer = self.units.gazetteer
        centers_of = self._commune_centers(province_code)
        month_counts = self.stats.of_scopes((f"center:{c}" for ids in centers_of.values() for c in ids), month)
        communes = [c for c in gazetteer.communes.values() if c.province_code == province_code]
        ranking = ranked(
            [
                figures(
                    f"commune:{c.code}",
                    c.code,
                    c.name,
                    month,
                    sum(
                        (month_counts.get(f"center:{cid}", KpiCounts()) for cid in centers_of.get(c.code, ())),
                        KpiCounts(),
                    ),
                )
                for c in communes
            ]
        )
        if commune_code:
            subject = next(e for e in ranking if e.code == commune_code)
            counted = [f"center:{cid}" for cid in centers_of.get(commune_code, ())]
            trend = self._trend(subject.scope, counted, commune_code, subject.name, month)
        else:
            province = gazetteer.provinces[province_code]
            national = self._national_ranks(month)
            scope = f"province:{province_code}"
            trend = self._trend(scope, [scope], province_code, province.name, month)
            subject = trend[-1]
            subject = IndexFigures(
                subject.scope,
                subject.code,
                subject.name,
                month,
                subject.counts,
                subject.groups,
                national.get(province_code),
            )
        return IndexReport(month, subject, trend, tuple(ranking))

    def _national_ranks(self, month: str) -> dict[str, int | None]:
        """Each province's national rank, from the national report (cached, or made and cached now)."""
        report = self.cache.get((month, "", ""))
        if not isinstance(report, IndexReport):
            report = self._national(month)
            self.cache.put((month, "", ""), report)
        return {e.code: e.rank for e in report.ranking}

    def _commune_centers(self, province_code: str) -> dict[str, list[str]]:
        """Commune code -> its commune centers' ids, from the province's centers (paged Query)."""
        out: dict[str, list[str]] = defaultdict(list)
        after = None
        while True:
            page = self.centers.by_province(province_code, MAX_PAGE_SIZE, after)
            for center in page.items:
                if center.kind is CenterKind.COMMUNE and center.commune_code:
                    out[center.commune_code].append(center.id)
            if page.end_cursor is None:
                return out
            after = page.end_cursor
