"""Time in Vietnam (UTC+7, no daylight saving), behind a clock that tests can set."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol

VIETNAM = timezone(timedelta(hours=7), "ICT")


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(VIETNAM)


@dataclass
class FixedClock:
    """A clock for tests and replays: it only moves when told to."""

    current: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM))

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta
