"""The contract never breaks silently: against the last released schema (graphql/released), a breaking
change fails unless the released schema deprecated what it removes, with a date, long enough ago."""

from __future__ import annotations

from datetime import date

from infra.export_schema import printed_schema
from infra.schema_versions import DEPRECATION_DAYS, released_schema_file, undated_deprecations, undeclared_breaks

RELEASED = """
type Query {
  dossier(code: String!): Dossier
  oldSearch(text: String!): [String!]! @deprecated(reason: "Deprecated since 2026-01-05; use procedures.")
  recentSearch: [String!]! @deprecated(reason: "Deprecated since 2026-11-20; use procedures.")
  undatedSearch: [String!]! @deprecated(reason: "use procedures")
}

type Dossier {
  code: String!
  status: Status!
}

enum Status { RECEIVED PROCESSING }
"""
TODAY = date(2026, 12, 1)


def _without(line: str) -> str:
    return "\n".join(x for x in RELEASED.splitlines() if line not in x)


def test_the_code_does_not_break_the_last_released_schema():
    breaks = undeclared_breaks(released_schema_file().read_text(encoding="utf-8"), printed_schema(), date.today())
    assert breaks == [], "\n".join(map(str, breaks))


def test_every_deprecation_in_the_schema_carries_a_date():
    assert undated_deprecations(printed_schema()) == []


def test_the_same_schema_breaks_nothing():
    assert undeclared_breaks(RELEASED, RELEASED, TODAY) == []


def test_removing_a_field_that_was_never_deprecated_is_a_breaking_change():
    breaks = undeclared_breaks(RELEASED, _without("status: Status!"), TODAY)
    assert [str(b) for b in breaks] == ["Field Dossier.status was removed. (not deprecated in the released schema)"]


def test_removing_an_enum_value_or_changing_a_type_is_a_breaking_change():
    assert undeclared_breaks(RELEASED, RELEASED.replace("RECEIVED PROCESSING", "RECEIVED"), TODAY)
    assert undeclared_breaks(RELEASED, RELEASED.replace("code: String!", "code: Int!"), TODAY)
    required_argument = RELEASED.replace("dossier(code: String!)", "dossier(code: String!, x: Int!)")
    assert undeclared_breaks(RELEASED, required_argument, TODAY)


def test_a_field_deprecated_long_enough_ago_may_go():
    assert (TODAY - date(2026, 1, 5)).days >= DEPRECATION_DAYS
    assert undeclared_breaks(RELEASED, _without("oldSearch"), TODAY) == []


def test_a_field_deprecated_recently_must_stay_until_its_period_ends():
    breaks = undeclared_breaks(RELEASED, _without("recentSearch"), TODAY)
    assert len(breaks) == 1 and "removable from 2027-02-18" in str(breaks[0])


def test_a_deprecation_without_a_date_declares_no_period():
    assert "no date" in str(undeclared_breaks(RELEASED, _without("undatedSearch"), TODAY)[0])
    assert undated_deprecations(RELEASED) == ["Query.undatedSearch"]


def test_adding_fields_breaks_nothing():
    assert undeclared_breaks(RELEASED, RELEASED.replace("code: String!", "code: String!\n  note: String"), TODAY) == []
