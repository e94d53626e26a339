from datetime import date, datetime

from portal.clock import VIETNAM
from portal.workdays.vietnam_calendar import vietnam_calendar
from portal.workdays.working_days import WorkCalendar, counting_start, due_date

CAL = vietnam_calendar(2025, 2027)


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VIETNAM)


def test_holidays_come_from_the_acts_including_tet_2026():
    for day in range(16, 21):
        assert date(2026, 2, day) in CAL.holidays  # Tết Bính Ngọ


def test_a_period_starts_the_day_after_receipt():
    # Monday 2 March 2026, 3 working days -> Thursday 5 March
    assert due_date(at(2026, 3, 2), 3, CAL) == date(2026, 3, 5)


def test_weekends_do_not_count():
    # Thursday 5 March 2026 + 3 working days -> Tuesday 10 March
    assert due_date(at(2026, 3, 5), 3, CAL) == date(2026, 3, 10)


def test_after_the_15h_cut_off_the_dossier_counts_from_the_next_working_day():
    assert counting_start(at(2026, 3, 2, 15, 1), CAL) == date(2026, 3, 3)
    assert counting_start(at(2026, 3, 2, 15, 0), CAL) == date(2026, 3, 2)  # 15:00:00 is not "sau 15 giờ"
    assert counting_start(at(2026, 3, 2, 14, 59), CAL) == date(2026, 3, 2)
    assert due_date(at(2026, 3, 2, 16, 30), 3, CAL) == date(2026, 3, 6)


def test_a_dossier_filed_on_a_weekend_counts_from_monday():
    assert counting_start(at(2026, 3, 7, 10), CAL) == date(2026, 3, 9)


def test_tet_holidays_push_the_due_date():
    # Friday 13 Feb 2026 + 2 working days: 16-20 Feb are Tết, so Monday 23 and Tuesday 24
    assert due_date(at(2026, 2, 13), 2, CAL) == date(2026, 2, 24)


def test_a_saturday_declared_a_working_day_counts():
    # 26 April 2025 (Saturday) was worked in exchange for 2 May 2025
    assert CAL.is_working_day(date(2025, 4, 26))
    assert not CAL.is_working_day(date(2025, 5, 2))


def test_same_day_procedures_are_due_on_the_day_they_count_from():
    assert due_date(at(2026, 3, 2), 0, CAL) == date(2026, 3, 2)
    assert due_date(at(2026, 3, 2, 16), 0, CAL) == date(2026, 3, 3)


def test_working_days_between_counts_the_days_used():
    assert CAL.working_days_between(date(2026, 3, 2), date(2026, 3, 9)) == 5


def test_the_calendar_is_pure_and_takes_its_holidays_as_an_argument():
    no_holidays = WorkCalendar(holidays=frozenset())
    assert no_holidays.add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 17)
