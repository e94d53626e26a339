"""Vietnam's working calendar, from the maintained `holidays` package (not a hand-written list).

The package carries each year's substituted days off and the weekend days worked in exchange.
"""

from __future__ import annotations

from functools import lru_cache

from portal.workdays.working_days import WorkCalendar


@lru_cache(maxsize=8)
def vietnam_calendar(first_year: int, last_year: int) -> WorkCalendar:
    import holidays  # only requests that compute a due date pay for importing it (cold start)

    years = range(first_year, last_year + 1)
    vn = holidays.country_holidays("VN", years=years)
    weekend_workdays = frozenset(getattr(vn, "weekend_workdays", ()) or ())
    return WorkCalendar(holidays=frozenset(vn.keys()), weekend_workdays=weekend_workdays)


def calendar_around(year: int) -> WorkCalendar:
    """Enough years to cover any processing time that starts in `year`."""
    return vietnam_calendar(year - 1, year + 2)
