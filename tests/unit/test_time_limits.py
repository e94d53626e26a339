"""Due dates of each unit of processing time, against worked examples (the reasoning is in each test).

Calendar: Monday 7 December 2026 is a Monday; Tết Bính Ngọ is 16-20 February 2026; 1 January 2027 is a
Friday. Civil Code 2015 art. 147: a period starts the day after the event; art. 148: a period ending on a day
off ends on the next working day.
"""

from datetime import date, datetime

import pytest

from portal.clock import VIETNAM
from portal.workdays.time_limits import TimeLimit, TimeUnit, due_on, resumed_due_on
from portal.workdays.vietnam_calendar import vietnam_calendar

CAL = vietnam_calendar(2025, 2027)


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=VIETNAM)


def limit(amount: int, unit: TimeUnit) -> TimeLimit:
    return TimeLimit(amount, unit)


# Working days ("Ngày làm việc")


def test_working_days_skip_weekends():
    # Received Monday 7 Dec 2026 10:00 -> counts from 7 Dec; working days 8-11 (4), 14-18 (9), 21 (10).
    assert due_on(at(2026, 12, 7), limit(10, TimeUnit.WORKING_DAYS), CAL) == date(2026, 12, 21)


def test_working_days_count_a_saturday_worked_in_a_swap():
    # Received Friday 9 Jan 2026: Saturday 10 Jan 2026 is worked (12729/VPCP-KGVX), so it is the 1st working day.
    assert due_on(at(2026, 1, 9), limit(1, TimeUnit.WORKING_DAYS), CAL) == date(2026, 1, 10)


def test_received_at_15_00_00_exactly_is_not_after_the_cut_off():
    # "sau 15 giờ" is strictly after 15:00: at 15:00:00 the dossier counts from Monday 7 Dec (-> Thursday 10);
    # one second later it counts from Tuesday 8 Dec (-> Friday 11).
    assert due_on(at(2026, 12, 7, 15, 0, 0), limit(3, TimeUnit.WORKING_DAYS), CAL) == date(2026, 12, 10)
    assert due_on(at(2026, 12, 7, 15, 0, 1), limit(3, TimeUnit.WORKING_DAYS), CAL) == date(2026, 12, 11)


# Calendar days (a bare "Ngày")


def test_calendar_days_judicial_record_10_days():
    # 3.000333 "10 Ngày": received Monday 7 Dec 2026 -> 7 + 10 = Thursday 17 Dec (a working day). Counted in
    # working days it would have been Monday 21 Dec: the law's 10 days are calendar days.
    assert due_on(at(2026, 12, 7), limit(10, TimeUnit.DAYS), CAL) == date(2026, 12, 17)


def test_calendar_days_ending_on_a_weekend_end_on_the_next_working_day():
    # Received Wednesday 9 Dec 2026 -> 9 + 10 = Saturday 19 Dec -> Monday 21 Dec (art. 148).
    assert due_on(at(2026, 12, 9), limit(10, TimeUnit.DAYS), CAL) == date(2026, 12, 21)


def test_calendar_days_ending_in_tet_end_after_it():
    # 1.014140 "25 ngày": received Friday 23 Jan 2026 -> 23 Jan + 25 = Tuesday 17 Feb (Tết); 18-20 Feb are Tết,
    # 21-22 the weekend -> Monday 23 Feb 2026.
    assert due_on(at(2026, 1, 23), limit(25, TimeUnit.DAYS), CAL) == date(2026, 2, 23)


def test_calendar_days_ending_on_a_swapped_day_off():
    # Received Wednesday 31 Dec 2025 -> +2 = Friday 2 Jan 2026, given off by the swap; 3-4 Jan weekend -> Monday 5.
    assert due_on(at(2025, 12, 31), limit(2, TimeUnit.DAYS), CAL) == date(2026, 1, 5)


def test_calendar_days_of_a_dossier_received_on_a_day_off_count_from_the_next_working_day():
    # Filed online Saturday 12 Dec 2026 -> received Monday 14 Dec -> +10 = Thursday 24 Dec 2026.
    assert due_on(at(2026, 12, 12), limit(10, TimeUnit.DAYS), CAL) == date(2026, 12, 24)


# Hours and minutes, from the moment of receipt


def test_hours_count_from_receipt_not_from_the_cut_off():
    # 2.001159 "1 Giờ": received Monday 7 Dec 2026 16:30 -> 17:30 the same day: due Monday 7 Dec.
    assert due_on(at(2026, 12, 7, 16, 30), limit(1, TimeUnit.HOURS), CAL) == date(2026, 12, 7)


def test_hours_crossing_midnight_into_a_weekend_end_on_the_next_working_day():
    # Received Friday 11 Dec 2026 23:30, 1 hour -> Saturday 00:30 -> Monday 14 Dec.
    assert due_on(at(2026, 12, 11, 23, 30), limit(1, TimeUnit.HOURS), CAL) == date(2026, 12, 14)
    # Received Monday 7 Dec 20:00, 8 hours -> Tuesday 8 Dec 04:00 -> due Tuesday 8 Dec.
    assert due_on(at(2026, 12, 7, 20), limit(8, TimeUnit.HOURS), CAL) == date(2026, 12, 8)


def test_minutes():
    assert due_on(at(2026, 12, 7, 23, 50), limit(30, TimeUnit.MINUTES), CAL) == date(2026, 12, 8)


# Months and years, by the calendar


def test_months_end_on_the_same_day_or_the_months_last_day_then_a_working_day():
    # Received Friday 29 Jan 2027, 1 month: February 2027 has no 29th -> Sunday 28 Feb -> Monday 1 Mar 2027.
    assert due_on(at(2027, 1, 29), limit(1, TimeUnit.MONTHS), CAL) == date(2027, 3, 1)
    # Received Monday 7 Dec 2026, 3 months -> Sunday 7 Mar 2027 -> Monday 8 Mar 2027.
    assert due_on(at(2026, 12, 7), limit(3, TimeUnit.MONTHS), CAL) == date(2027, 3, 8)


def test_a_year_is_twelve_months():
    # Received Tuesday 2 Dec 2025, 1 year -> Wednesday 2 Dec 2026.
    assert due_on(at(2025, 12, 2), limit(1, TimeUnit.YEARS), CAL) == date(2026, 12, 2)


# Same day ("trong ngày; sau 15 giờ thì ngày làm việc tiếp theo")


def test_same_day_before_and_at_the_cut_off_is_that_day():
    # Birth registration received Monday 7 Dec 2026 at 10:00 or 15:00:00: the result is due the same day
    # (stored before as "1 working day", it was due Tuesday 8 Dec: one day later than its own note says).
    assert due_on(at(2026, 12, 7, 10), limit(0, TimeUnit.SAME_DAY), CAL) == date(2026, 12, 7)
    assert due_on(at(2026, 12, 7, 15, 0, 0), limit(0, TimeUnit.SAME_DAY), CAL) == date(2026, 12, 7)


def test_same_day_after_15_00_is_the_next_working_day():
    assert due_on(at(2026, 12, 7, 15, 0, 1), limit(0, TimeUnit.SAME_DAY), CAL) == date(2026, 12, 8)
    # Thursday 31 Dec 2026 16:00: 1 Jan 2027 is a holiday, 2-3 Jan the weekend -> Monday 4 Jan 2027.
    assert due_on(at(2026, 12, 31, 16), limit(0, TimeUnit.SAME_DAY), CAL) == date(2027, 1, 4)


def test_working_hours_have_no_counting_rule_the_officer_sets_the_date():
    assert due_on(at(2026, 12, 7), limit(8, TimeUnit.WORKING_HOURS), CAL) is None
    assert not limit(8, TimeUnit.WORKING_HOURS).counted


def test_labels_say_the_unit():
    assert limit(10, TimeUnit.DAYS).label_vi() == "10 ngày"
    assert limit(10, TimeUnit.WORKING_DAYS).label_vi() == "10 ngày làm việc"
    assert limit(8, TimeUnit.HOURS).label_vi() == "8 giờ"
    assert limit(0, TimeUnit.SAME_DAY).label_vi().startswith("Trong ngày")


def test_a_negative_time_is_refused():
    with pytest.raises(ValueError):
        due_on(at(2026, 12, 7), limit(-1, TimeUnit.DAYS), CAL)


# The applicant's time to supplement does not count, in each unit


def test_supplement_in_calendar_days_keeps_the_days_left():
    # 10 days from Monday 7 Dec 2026; supplement asked Thursday 10 Dec (3 days used: 8, 9, 10); supplied
    # Monday 21 Dec 10:00 -> 7 days left from 21 Dec = Monday 28 Dec 2026.
    due = resumed_due_on(at(2026, 12, 7), at(2026, 12, 10), at(2026, 12, 21), limit(10, TimeUnit.DAYS), CAL)
    assert due == date(2026, 12, 28)


def test_supplement_in_working_days_keeps_the_working_days_left():
    # 5 working days from Monday 7 Dec; asked Wednesday 9 Dec (2 used); supplied Monday 14 Dec -> 3 left: Thu 17.
    due = resumed_due_on(at(2026, 12, 7), at(2026, 12, 9), at(2026, 12, 14), limit(5, TimeUnit.WORKING_DAYS), CAL)
    assert due == date(2026, 12, 17)


def test_supplement_of_a_same_day_procedure_is_settled_the_day_it_is_supplied():
    due = resumed_due_on(at(2026, 12, 7), at(2026, 12, 7, 11), at(2026, 12, 9, 9), limit(0, TimeUnit.SAME_DAY), CAL)
    assert due == date(2026, 12, 9)
