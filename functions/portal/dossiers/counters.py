"""KPIs as counters: every change of a dossier adds to the month's counters of its center, its province
and the nation, in the same transaction as the change. Reading a KPI is then a Query of a few monthly
items, never a scan of dossiers.

The rates follow the service index (Decision 766/QĐ-TTg): on time = results ready by the appointment
date; online = share of dossiers filed online (full marks at 50%); satisfaction = share of ratings of
4 or 5 stars (target >= 90% in 2025, >= 95% in 2026).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, fields

from portal.dossiers.fee import OWED, FeeStatus
from portal.dossiers.lifecycle import EXTEND, RATE, RECEIVE, Action
from portal.dossiers.model import Channel, Dossier, Status, TimelineEvent

NATIONAL = "national"
# Every dossier's change adds to the nation's month: one item would take them all, and DynamoDB cancels
# transactions that touch an item another transaction is writing (TransactionConflict), so at the national
# rate the nation's counters are spread over shards, chosen by the dossier code (all of a dossier's changes
# go to the same shard); readers add the shards up (infra/CAPACITY.md has the measurement).
NATIONAL_SHARDS = 16
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
    fees_owed: int = 0  # dossiers owing a fee (any channel)
    fees_paid_online: int = 0  # of which paid online through the portal
    digitized: int = 0  # dossiers received in person whose every required document got a clean file
    # The channels of Decree 118/2025 (online is above): each received dossier adds to exactly one. Months
    # counted before these two existed hold only `received` and `online` (see channel_unknown).
    in_person: int = 0
    post: int = 0

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
    def channel_unknown(self) -> int:
        """Dossiers received before in person and post were counted apart: not online, channel unknown."""
        return max(0, self.received - self.online - self.in_person - self.post)

    @property
    def channel_total(self) -> int:
        return self.online + self.in_person + self.post + self.channel_unknown

    @property
    def online_rate(self) -> float | None:
        """The service index's online share: filed online / every channel (in person, post, and the
        dossiers of months counted before the channels were told apart)."""
        return self._rate(self.online, self.channel_total)

    @property
    def in_person_rate(self) -> float | None:
        return self._rate(self.in_person, self.channel_total)

    @property
    def post_rate(self) -> float | None:
        return self._rate(self.post, self.channel_total)

    @property
    def satisfaction_rate(self) -> float | None:
        return self._rate(self.satisfied, self.ratings)

    @property
    def online_payment_rate(self) -> float | None:
        """The service index's online fee payment: fees paid online / fees owed."""
        return self._rate(self.fees_paid_online, self.fees_owed)

    @property
    def average_rating(self) -> float | None:
        return round(self.rating_sum / self.ratings, 2) if self.ratings else None


CHANNEL_COUNTER: dict[Channel, str] = {Channel.ONLINE: "online", Channel.IN_PERSON: "in_person", Channel.POST: "post"}


@dataclass(frozen=True)
class KpiDelta:
    """What one change adds, to which month, for which scopes."""

    month: str  # YYYY-MM, the month of the event
    scopes: tuple[str, ...]
    counts: KpiCounts


def national_shard(dossier_code: str) -> str:
    return f"{NATIONAL}#{zlib.crc32(dossier_code.encode()) % NATIONAL_SHARDS:02d}"


def national_scopes() -> tuple[str, ...]:
    """What holds the nation's counters: its shards, and the unsharded item of months counted before them."""
    return (NATIONAL, *(f"{NATIONAL}#{shard:02d}" for shard in range(NATIONAL_SHARDS)))


def scopes_of(dossier: Dossier) -> tuple[str, ...]:
    return (f"center:{dossier.center_id}", f"province:{dossier.province_code}", national_shard(dossier.code))


def delta(before: Dossier | None, after: Dossier, event: TimelineEvent) -> KpiDelta | None:
    """The counters `event` moves (None when it moves none)."""
    counts: dict[str, int] = {}
    if event.action is RECEIVE:
        counts["received"] = 1
        counts[CHANNEL_COUNTER[after.channel]] = 1
    elif event.action is Action.REQUEST_SUPPLEMENT:
        counts["supplement_requests"] = 1
    elif event.action is EXTEND:
        counts["extended"] = 1
    elif event.action is RATE and after.rating is not None:
        counts.update(ratings=1, rating_sum=after.rating.score, satisfied=int(after.rating.satisfied))
    if before is not None and before.completed_at is None and after.completed_at is not None:
        if after.status is Status.WITHDRAWN:
            counts["withdrawn"] = 1
        else:
            late = after.due_date is not None and after.completed_at.date() > after.due_date
            counts.update(
                finished=1, on_time=int(not late), late=int(late), electronic_results=int(after.result is not None)
            )
    counts.update(_fee_counts(before, after))
    if before is not None and before.digitized_at is None and after.digitized_at is not None:
        counts["digitized"] = 1
    counts = {k: v for k, v in counts.items() if v}
    if not counts:
        return None
    return KpiDelta(month=f"{event.at:%Y-%m}", scopes=scopes_of(after), counts=KpiCounts(**counts))


def _fee_status(dossier: Dossier | None) -> FeeStatus | None:
    if dossier is None or dossier.fee is None or dossier.fee.exemption_pending:
        return None
    return dossier.fee.status


def _fee_counts(before: Dossier | None, after: Dossier) -> dict[str, int]:
    """A fee becomes owed once (at filing, or when an officer sets it), and paid online once. A fee whose
    exemption awaits the officer is not owed yet: accepted it may never be; refused, it is owed then."""
    was = _fee_status(before)
    now = _fee_status(after)
    return {
        "fees_owed": int(now in OWED and was not in OWED),
        "fees_paid_online": int(now is FeeStatus.PAID and was is not FeeStatus.PAID),
    }
