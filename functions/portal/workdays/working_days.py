"""Working-day arithmetic for legal processing times (Decree 118/2025, Circular 03/2025).

Pure: the calendar is passed in (holidays and the Saturdays/Sundays declared working days when a
day off is moved), and nothing here reads today's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

# A dossier received after 15:00 ("sau 15 giờ") is forwarded at the start of the next working day;
# one received at 15:00:00 exactly is not after it.
CUT_OFF = time(15, 0)


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date]
    weekend_workdays: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        if day in self.weekend_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (a period starts the day after: Civil Code art. 147).

        With days == 0 the result is `start` itself (a same-day procedure).
        """
        if days < 0:
            raise ValueError("days must be >= 0")
        day = start
        for _ in range(days):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie in (start, end]: the time used when `end` is reached."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count


def counting_start(received_at: datetime, calendar: WorkCalendar) -> date:
    """The working day a dossier is taken as received on.

    Received on a working day up to 15:00:00: that day. After 15:00, or on a day off: the next working day.
    """
    day = received_at.date()
    if calendar.is_working_day(day) and received_at.time() <= CUT_OFF:
        return day
    return calendar.next_working_day(day)


def due_date(received_at: datetime, processing_days: int, calendar: WorkCalendar) -> date:
    """The appointment date printed on the receipt (form 01)."""
    return calendar.add_working_days(counting_start(received_at, calendar), processing_days)
