"""The ethnic groups the forms accept are the 54 of the GSO's list, in code order and official spelling,
as stored from published copies in infra/reference/ethnic_groups.tsv (its header gives the sources)."""

from __future__ import annotations

import csv
from pathlib import Path

from portal.procedures.declaration_lists import ETHNIC_ALIASES, ETHNIC_GROUPS, ethnic_group_code
from portal.procedures.form_rules import fold

SOURCE = Path(__file__).resolve().parents[2] / "infra" / "reference" / "ethnic_groups.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [line for line in SOURCE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_the_source_file_has_the_54_codes_in_order():
    assert [r["code"] for r in _rows()] == [f"{n:02d}" for n in range(1, 55)]


def test_each_group_has_its_code_and_the_spelling_of_the_source():
    for row in _rows():
        official = row["decision_1979"] or row["census_2019"]
        assert ETHNIC_GROUPS[int(row["code"]) - 1] == official, row
        assert ethnic_group_code(official) == row["code"]


def test_every_spelling_of_the_census_is_accepted_as_its_group():
    accepted = {fold(n): n for n in ETHNIC_GROUPS} | {fold(a): n for a, n in ETHNIC_ALIASES.items()}
    for row in _rows():
        if row["census_2019"]:
            assert accepted[fold(row["census_2019"])] == ETHNIC_GROUPS[int(row["code"]) - 1], row
