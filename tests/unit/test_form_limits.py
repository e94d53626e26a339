"""Form values are stored as they can be served: numbers finite and in range, keys few and short."""

import json
import math

import pytest

from portal.errors import InvalidInput
from portal.procedures.forms import MAX_FORM_KEY_LENGTH, MAX_FORM_KEYS, MAX_NUMBER, check_form
from portal.procedures.model import FieldType, FormField

FIELDS = (FormField("weight", "Cân nặng (kg)", "Weight (kg)", FieldType.NUMBER, True),)


def refusal(data) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused:
        check_form(FIELDS, data)
    return refused.value


@pytest.mark.parametrize(
    "value",
    [
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "1e400",
        "-1e400",
        "1_000",
        "0x10",
        " ",
        "1e5000",
        "9" * 40,
        math.nan,
        math.inf,
        -math.inf,
        10**400,
        MAX_NUMBER + 1,
        float(MAX_NUMBER) * 10,
        True,
        [1],
        {"a": 1},
    ],
)
def test_a_number_that_is_not_finite_or_in_range_is_refused(value):
    problems = refusal({"weight": value}).problems
    assert [p.field for p in problems] == ["formData.weight"]


@pytest.mark.parametrize(
    ("value", "stored"),
    [("3.2", 3.2), (" 12 ", 12), ("-4", -4), ("1e3", 1000), (".5", 0.5), (7, 7), (2.5, 2.5), (MAX_NUMBER, MAX_NUMBER)],
)
def test_finite_numbers_are_stored_as_numbers_that_serialise_as_json(value, stored):
    clean = check_form(FIELDS, {"weight": value})
    assert clean == {"weight": stored}
    json.dumps(clean, allow_nan=False)


def test_more_keys_than_the_limit_are_refused_at_once_with_one_short_problem():
    data = {f"k{i}": "x" for i in range(MAX_FORM_KEYS + 1)}
    refused = refusal(data)
    assert len(refused.problems) == 1 and str(MAX_FORM_KEYS) in refused.problems[0].message_en


def test_a_key_longer_than_the_limit_is_refused_without_being_echoed():
    refused = refusal({"k" * 100_000: "x", "weight": 1})
    assert str(MAX_FORM_KEY_LENGTH) in refused.problems[0].message_en
    assert len(repr(refused.problems)) < 1000


def test_unknown_keys_are_quoted_short():
    refused = refusal({"k" * MAX_FORM_KEY_LENGTH: "x", "weight": 1})
    assert all(len(p.message) < 120 for p in refused.problems)
