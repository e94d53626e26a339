"""Every hand-checked entry's processing time has its unit and the source's own words beside it, or is
unknown (no computed date); and the importer of times reads "Ngày" as calendar days, "Ngày làm việc" as
working days. (The full re-read against the crawls: python -m infra.reference.processing_times.)"""

import json

import pytest

from infra.reference.catalog import CATALOG_FILE, load_checked
from infra.reference.processing_times import parse_cell
from portal.workdays.time_limits import TimeUnit

ENTRIES = {e["code"]: e for e in json.loads(CATALOG_FILE.read_text(encoding="utf-8"))["procedures"]}
CHECKED = {p.code: p for p in load_checked()[1]}


def test_every_entry_has_a_time_with_its_unit_and_source_text_or_none():
    for code, entry in ENTRIES.items():
        time = entry["processing_time"]
        assert "processing_days" not in entry, code
        if time["unit"] is None:
            assert time["amount"] is None and time["source_text"], code  # why it is unknown
        else:
            TimeUnit(time["unit"])
            assert time["source_text"] and time["source"], code


@pytest.mark.parametrize(
    ("code", "amount", "unit", "text"),
    [
        ("3.000333", 10, TimeUnit.DAYS, "10 Ngày"),  # judicial record: calendar days, not working days
        ("1.014140", 25, TimeUnit.DAYS, "25 ngày"),
        ("1.004222", 7, TimeUnit.WORKING_DAYS, "7 Ngày làm việc"),
        ("2.001159", 1, TimeUnit.HOURS, "1 Giờ"),
    ],
)
def test_known_entries_keep_the_unit_their_source_gives(code, amount, unit, text):
    limit = CHECKED[code].time_limit
    assert (limit.amount, limit.unit, limit.source_text) == (amount, unit, text)
    assert CHECKED[code].processing_days == (amount if unit is TimeUnit.WORKING_DAYS else None)


def test_same_day_civil_status_procedures_are_same_day_with_their_own_words():
    birth = CHECKED["1.001193"].time_limit
    assert birth.unit is TimeUnit.SAME_DAY
    assert "sau 15 giờ" in birth.source_text and "ngày làm việc tiếp theo" in birth.source_text


def test_a_procedure_whose_sources_give_no_time_has_none():
    for code in ("2.001035", "1.010824", "2.001263"):  # samples, and a source saying "Không có thông tin"
        assert CHECKED[code].time_limit is None


def test_cells_are_read_in_their_unit():
    assert parse_cell("10 Ngày") == (10, "days")
    assert parse_cell("10 ngày làm việc") == (10, "working_days")
    assert parse_cell("8 Giờ") == (8, "hours")
    assert parse_cell("2 Tháng") == (2, "months")
    assert parse_cell("1") == (1, None)  # a number without its unit: not a time
    assert parse_cell("Không có thông tin") is None
