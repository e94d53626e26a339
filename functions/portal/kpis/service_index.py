"""The service index that ranks provinces and communes (Decision 766/QĐ-TTg, 2022): 100 points in five
groups, scored here from the KPI counters of one month.

What the counters can measure, group by group (points = the group's weight x the indicator, capped at
full marks):
- Publicity and transparency (18): procedures published and updated on time, dossiers synced. No counter
  holds those, so the group stays unscored (None), never guessed; the score is out of the other 82.
- Progress and results (20): results on time / results.
- Digitization (22): electronic results / results (the 2025 target is 100% electronic results).
- Online service (22): dossiers filed online / received, full marks at 50%.
- Satisfaction (18): ratings of 4-5 / ratings, full marks at 90% (the 2025 target).

A group whose indicator has no denominator this month (no result yet, no rating) is unscored too, and
the score is the share of the points of the groups that were scored, so a commune is not ranked below
another for lacking ratings. Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from portal.dossiers.counters import ONLINE_FULL_MARKS, SATISFACTION_TARGET, KpiCounts

TREND_MONTHS = 12


class IndexGroup(Enum):
    PUBLICITY = "publicity"
    PROGRESS = "progress"
    DIGITIZATION = "digitization"
    ONLINE = "online"
    SATISFACTION = "satisfaction"


# The group's weight in points, and the indicator's value that earns full marks.
WEIGHTS: dict[IndexGroup, tuple[int, float]] = {
    IndexGroup.PUBLICITY: (18, 1.0),
    IndexGroup.PROGRESS: (20, 1.0),
    IndexGroup.DIGITIZATION: (22, 1.0),
    IndexGroup.ONLINE: (22, ONLINE_FULL_MARKS),
    IndexGroup.SATISFACTION: (18, SATISFACTION_TARGET),
}


@dataclass(frozen=True)
class GroupScore:
    group: IndexGroup
    max_points: int
    indicator: float | None  # the measured rate (0-1), None when not measurable this month
    points: float | None


@dataclass(frozen=True)
class IndexFigures:
    """One province's, commune's or the nation's index for a month."""

    scope: str  # "national", "province:01", "commune:00004"
    code: str  # the unit's code ("" for the nation)
    name: str
    month: str
    counts: KpiCounts
    groups: tuple[GroupScore, ...]
    rank: int | None = None  # among its peers (provinces of the nation, communes of a province)

    @property
    def points(self) -> float | None:
        scored = [g.points for g in self.groups if g.points is not None]
        return round(sum(scored), 2) if scored else None

    @property
    def max_points(self) -> int:
        return sum(g.max_points for g in self.groups if g.points is not None)

    @property
    def score(self) -> float | None:
        """Points earned / points measurable (0-1): what the ranking compares."""
        points = self.points
        return round(points / self.max_points, 4) if points is not None and self.max_points else None


def indicators(counts: KpiCounts) -> dict[IndexGroup, float | None]:
    results = counts.on_time + counts.late
    return {
        IndexGroup.PUBLICITY: None,
        IndexGroup.PROGRESS: counts.on_time_rate,
        IndexGroup.DIGITIZATION: round(counts.electronic_results / results, 4) if results else None,
        IndexGroup.ONLINE: counts.online_rate,
        IndexGroup.SATISFACTION: counts.satisfaction_rate,
    }


def score_groups(counts: KpiCounts) -> tuple[GroupScore, ...]:
    scores = []
    for group, indicator in indicators(counts).items():
        weight, full_marks = WEIGHTS[group]
        points = None if indicator is None else round(weight * min(1.0, indicator / full_marks), 2)
        scores.append(GroupScore(group, weight, indicator, points))
    return tuple(scores)


def figures(scope: str, code: str, name: str, month: str, counts: KpiCounts) -> IndexFigures:
    return IndexFigures(scope, code, name, month, counts, score_groups(counts))


def ranked(entries: Sequence[IndexFigures]) -> list[IndexFigures]:
    """Best score first; equal scores share a rank; units with nothing measurable come last, unranked."""
    scored = sorted((e for e in entries if e.score is not None), key=lambda e: (-(e.score or 0), e.code))
    unscored = sorted((e for e in entries if e.score is None), key=lambda e: e.code)
    out: list[IndexFigures] = []
    for position, entry in enumerate(scored, start=1):
        rank = out[-1].rank if out and out[-1].score == entry.score else position
        out.append(_with_rank(entry, rank))
    return out + [_with_rank(e, None) for e in unscored]


def _with_rank(entry: IndexFigures, rank: int | None) -> IndexFigures:
    return IndexFigures(entry.scope, entry.code, entry.name, entry.month, entry.counts, entry.groups, rank)


def months_ending(month: str, count: int = TREND_MONTHS) -> list[str]:
    """The `count` months up to and including `month` (YYYY-MM), oldest first."""
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + mon - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]
