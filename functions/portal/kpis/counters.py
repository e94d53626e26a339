"""KPIs as counters: every change of a dossier adds to the month's counters of its center, its province
and the nation, in the same transaction as the change. Reading a KPI is then a Query of a few monthly
items, never a scan of dossiers.

The rates follow the service index (Decision 766/QĐ-TTg): on time = results ready by the appointment
date; online = share of dossiers filed online (full marks at 50%); satisfaction = share of ratings of
4 or 5 stars (target >= 90% in 2025, >= 95% in 2026).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from portal.dossiers.lifecycle import EXTEND, RATE, RECEIVE, Action
from portal.dossiers.model import Channel, Dossier, Status, TimelineEvent

NATIONAL = "national"
SATISFACTION_TARGET = 0.90
ONLINE_FULL_MARKS = 0.50


@dataclass(frozen=True)
class KpiCounts:
    received: int = 0
    online: int = 0
    finished: int = 0  # result ready or refused
    on_time: int = 0
    late: int = 0
    withdrawn: int = 0
    supplement_requests: int = 0
    extended: int = 0
    electronic_results: int = 0
    ratings: int = 0
    rating_sum: int = 0
    satisfied: int = 0
    digitized: int = 0  # dossiers received in person whose every required document got a clean file

    def __add__(self, other: KpiCounts) -> KpiCounts:
        return KpiCounts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def nonzero(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    @property
    def on_time_rate(self) -> float | None:
        return self._rate(self.on_time, self.on_time + self.late)

    @property
    def online_rate(self) -> float | None:
        return self._rate(self.online, self.received)

    @property
    def satisfaction_rate(self) -> float | None:
        return self._rate(self.satisfied, self.ratings)

    @property
    def average_rating(self) -> float | None:
        return round(self.rating_sum / self.ratings, 2) if self.ratings else None


@dataclass(frozen=True)
class KpiDelta:
    """What one change adds, to which month, for which scopes."""

    month: str  # YYYY-MM, the month of the event
    scopes: tuple[str, ...]
    counts: KpiCounts


def scopes_of(dossier: Dossier) -> tuple[str, ...]:
    return (f"center:{dossier.center_id}", f"province:{dossier.province_code}", NATIONAL)


def delta(before: Dossier | None, after: Dossier, event: TimelineEvent) -> KpiDelta | None:
    """The counters `event` moves (None when it moves none)."""
    counts: dict[str, int] = {}
    if event.action == RECEIVE:
        counts["received"] = 1
        counts["online"] = int(after.channel is Channel.ONLINE)
    elif event.action == Action.REQUEST_SUPPLEMENT.value:
        counts["supplement_requests"] = 1
    elif event.action == EXTEND:
        counts["extended"] = 1
    elif event.action == RATE and after.rating is not None:
        counts.update(ratings=1, rating_sum=after.rating.score, satisfied=int(after.rating.satisfied))
    if before is not None and before.completed_at is None and after.completed_at is not None:
        if after.status is Status.WITHDRAWN:
            counts["withdrawn"] = 1
        else:
            late = after.completed_at.date() > after.due_date
            counts.update(
                finished=1, on_time=int(not late), late=int(late), electronic_results=int(after.result is not None)
            )
    if before is not None and before.digitized_at is None and after.digitized_at is not None:
        counts["digitized"] = 1
    counts = {k: v for k, v in counts.items() if v}
    if not counts:
        return None
    return KpiDelta(month=f"{event.at:%Y-%m}", scopes=scopes_of(after), counts=KpiCounts(**counts))
