"""A processing time as the law states it (amount + unit) and the appointment date it gives.

Each unit is counted as the law counts it (Civil Code 2015, art. 147-148; Decree 118/2025):
- working days: from the day the dossier counts as received (on a working day at or before 15:00: that
  day; later, or on a day off: the next working day), the n-th working day after it;
- calendar days ("Ngày"): n days after that day; when the last day is a day off, the next working day
  (art. 148);
- months and years: the same day of the n-th month after it (the month's last day when it has no such
  day), then the next working day if that is a day off (art. 148);
- hours and minutes: from the moment of receipt; the appointment is the day that moment falls on, or the
  next working day when it falls on a day off;
- same day ("trong ngày; sau 15 giờ thì ngày làm việc tiếp theo"): the day it counts as received.
Working hours have no rule here (nor any unit not listed): the receiving officer sets the appointment.

Pure: the calendar is passed in.
"""

from __future__ import annotations

import calendar as months
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from portal.workdays.working_days import WorkCalendar, counting_start


class TimeUnit(Enum):
    WORKING_DAYS = "working_days"  # "Ngày làm việc"
    DAYS = "days"  # a bare "Ngày": calendar days
    WORKING_HOURS = "working_hours"
    HOURS = "hours"
    MONTHS = "months"
    YEARS = "years"
    MINUTES = "minutes"
    SAME_DAY = "same_day"  # settled on the day of receipt; received after 15:00: the next working day


# Units a due date is computed for (the others are set by the receiving officer).
COUNTED = frozenset(
    {
        TimeUnit.WORKING_DAYS,
        TimeUnit.DAYS,
        TimeUnit.HOURS,
        TimeUnit.MINUTES,
        TimeUnit.MONTHS,
        TimeUnit.YEARS,
        TimeUnit.SAME_DAY,
    }
)

LABELS_VI = {
    TimeUnit.WORKING_DAYS: "ngày làm việc",
    TimeUnit.DAYS: "ngày",
    TimeUnit.WORKING_HOURS: "giờ làm việc",
    TimeUnit.HOURS: "giờ",
    TimeUnit.MONTHS: "tháng",
    TimeUnit.YEARS: "năm",
    TimeUnit.MINUTES: "phút",
}
SAME_DAY_VI = "Trong ngày (tiếp nhận sau 15 giờ: ngày làm việc tiếp theo)"


@dataclass(frozen=True)
class TimeLimit:
    amount: int  # 0 for SAME_DAY
    unit: TimeUnit
    source_text: str = ""  # the source's own words, when read from one

    @property
    def counted(self) -> bool:
        return self.unit in COUNTED

    def label_vi(self) -> str:
        """As printed on the receipt: "10 ngày", "10 ngày làm việc", "8 giờ", "Trong ngày (...)"."""
        if self.unit is TimeUnit.SAME_DAY:
            return SAME_DAY_VI
        return f"{self.amount} {LABELS_VI[self.unit]}"


def _roll_to_working_day(day: date, calendar: WorkCalendar) -> date:
    return day if calendar.is_working_day(day) else calendar.next_working_day(day)


def _add_months(day: date, count: int) -> date:
    month_index = day.month - 1 + count
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, months.monthrange(year, month)[1]))


def due_on(received_at: datetime, limit: TimeLimit, calendar: WorkCalendar) -> date | None:
    """The appointment date for a dossier received at `received_at`; None when the unit has no rule
    (the receiving officer sets the date)."""
    if limit.amount < 0:
        raise ValueError("a processing time is not negative")
    start = counting_start(received_at, calendar)
    if limit.unit is TimeUnit.SAME_DAY:
        return start
    if limit.unit is TimeUnit.WORKING_DAYS:
        return calendar.add_working_days(start, limit.amount)
    if limit.unit is TimeUnit.DAYS:
        return _roll_to_working_day(start + timedelta(days=limit.amount), calendar)
    if limit.unit in (TimeUnit.MONTHS, TimeUnit.YEARS):
        count = limit.amount * (12 if limit.unit is TimeUnit.YEARS else 1)
        return _roll_to_working_day(_add_months(start, count), calendar)
    if limit.unit in (TimeUnit.HOURS, TimeUnit.MINUTES):
        span = timedelta(hours=limit.amount) if limit.unit is TimeUnit.HOURS else timedelta(minutes=limit.amount)
        return _roll_to_working_day((received_at + span).date(), calendar)
    return None


def resumed_due_on(
    received_at: datetime, paused_at: datetime, resumed_at: datetime, limit: TimeLimit, calendar: WorkCalendar
) -> date | None:
    """The appointment once the applicant has supplemented: the time used before the request (paused_at)
    is kept, the rest runs again from resumed_at, each in the limit's own unit."""
    start = counting_start(received_at, calendar)
    if limit.unit is TimeUnit.WORKING_DAYS:
        used = calendar.working_days_between(start, paused_at.date())
        return calendar.add_working_days(counting_start(resumed_at, calendar), max(limit.amount - used, 0))
    if limit.unit is TimeUnit.DAYS:
        used = max((paused_at.date() - start).days, 0)
        left = max(limit.amount - used, 0)
        return _roll_to_working_day(counting_start(resumed_at, calendar) + timedelta(days=left), calendar)
    if limit.unit in (TimeUnit.HOURS, TimeUnit.MINUTES):
        used_span = paused_at - received_at
        span = timedelta(hours=limit.amount) if limit.unit is TimeUnit.HOURS else timedelta(minutes=limit.amount)
        left = max(span - used_span, timedelta(0))
        return _roll_to_working_day((resumed_at + left).date(), calendar)
    if limit.unit is TimeUnit.SAME_DAY:
        return counting_start(resumed_at, calendar)
    if limit.unit in (TimeUnit.MONTHS, TimeUnit.YEARS):
        # The original due date moved by the days the applicant took (calendar time paused).
        original = due_on(received_at, limit, calendar)
        if original is None:
            return None
        paused = max((counting_start(resumed_at, calendar) - paused_at.date()).days, 0)
        return _roll_to_working_day(original + timedelta(days=paused), calendar)
    return None
