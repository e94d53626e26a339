"""Vietnam's working calendar for state agencies, read from vietnam_days_off.json: each day off and each
swapped working day with the act that sets it (2025-2027). Proposals are not days off.

Outside the years the file covers, the maintained `holidays` package is the fallback (it is not the
authority: it missed the 2026 New Year swap and lists a proposed day as a holiday); the file's years win.

    python -m portal.workdays.vietnam_calendar    # checks the file: every entry names its act, swaps pair up
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from portal.workdays.working_days import WorkCalendar

DAYS_OFF_FILE = Path(__file__).with_name("vietnam_days_off.json")


@dataclass(frozen=True)
class DayOff:
    day: date
    name: str
    act: str


@dataclass(frozen=True)
class Swap:
    """A working day given as a day off, made up on a weekend day that is worked instead."""

    day_off: date
    worked: date
    name: str
    act: str


@dataclass(frozen=True)
class DaysOff:
    first_year: int
    last_year: int
    days_off: tuple[DayOff, ...]
    swaps: tuple[Swap, ...]
    not_days_off: tuple[date, ...]  # proposed, not adopted: named so a test keeps them out

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@lru_cache(maxsize=1)
def read_days_off(path: Path = DAYS_OFF_FILE) -> DaysOff:
    document = json.loads(path.read_text(encoding="utf-8"))
    first, last = document["covers"]
    return DaysOff(
        first_year=first,
        last_year=last,
        days_off=tuple(DayOff(date.fromisoformat(d["date"]), d["name"], d["act"]) for d in document["days_off"]),
        swaps=tuple(
            Swap(date.fromisoformat(s["day_off"]), date.fromisoformat(s["worked"]), s["name"], s["act"])
            for s in document["swaps"]
        ),
        not_days_off=tuple(date.fromisoformat(d["date"]) for d in document["not_days_off"]),
    )


def problems(days: DaysOff) -> list[str]:
    """What is wrong with the file: an entry without its act, a swap that is not a weekday for a weekend
    day, a proposal listed as a day off, a date outside the years covered."""
    found = []
    for d in days.days_off:
        if not d.act.strip():
            found.append(f"{d.day}: no act")
        if not days.covers(d.day.year):
            found.append(f"{d.day}: outside {days.first_year}-{days.last_year}")
        if d.day in days.not_days_off:
            found.append(f"{d.day}: a proposal listed as a day off")
    for s in days.swaps:
        if not s.act.strip():
            found.append(f"swap {s.day_off}/{s.worked}: no act")
        if s.day_off.weekday() >= 5 or s.worked.weekday() < 5:
            found.append(f"swap {s.day_off}/{s.worked}: must give a weekday off for a weekend day worked")
        if any(d.day == s.day_off for d in days.days_off):
            found.append(f"swap {s.day_off}: already a day off")
    return found


def _package_calendar(years: range) -> tuple[set[date], set[date]]:
    import holidays  # only the years the file does not cover pay for importing it

    vn = holidays.country_holidays("VN", years=years)
    return set(vn.keys()), set(getattr(vn, "weekend_workdays", ()) or ())


@lru_cache(maxsize=8)
def vietnam_calendar(first_year: int, last_year: int) -> WorkCalendar:
    days = read_days_off()
    years = range(first_year, last_year + 1)
    off: set[date] = set()
    worked: set[date] = set()
    others = [y for y in years if not days.covers(y)]
    if others:
        package_off, package_worked = _package_calendar(range(min(others), max(others) + 1))
        proposed = {(d.month, d.day) for d in days.not_days_off}  # a proposal is not a day off in any year
        off |= {d for d in package_off if not days.covers(d.year) and (d.month, d.day) not in proposed}
        worked |= {d for d in package_worked if not days.covers(d.year)}
    off |= {d.day for d in days.days_off if d.day.year in years}
    off |= {s.day_off for s in days.swaps if s.day_off.year in years}
    worked |= {s.worked for s in days.swaps if s.worked.year in years}
    return WorkCalendar(holidays=frozenset(off), weekend_workdays=frozenset(worked))


def calendar_around(year: int) -> WorkCalendar:
    """Enough years to cover any processing time that starts in `year`."""
    return vietnam_calendar(year - 1, year + 2)


def main() -> None:
    days = read_days_off()
    found = problems(days)
    for problem in found:
        print(problem, file=sys.stderr)
    print(
        f"{days.first_year}-{days.last_year}: {len(days.days_off)} days off, {len(days.swaps)} swaps, "
        f"{len(days.not_days_off)} proposals kept out; {len(found)} problems"
    )
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
