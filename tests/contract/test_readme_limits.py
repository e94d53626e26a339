"""The README states the limits the code enforces: read both, compare."""

import re
from pathlib import Path

from portal.api.limits import QueryLimits
from portal.api.protection.body import MAX_BODY_BYTES, MAX_JSON_DEPTH
from portal.identity.tokens import REQUIRED_CLAIMS
from portal.input_limits import LIMITS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def number(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_query_limits_in_the_readme_are_the_codes():
    m = re.search(
        r"deeper than (\d+), has more than (\d+) aliases or ([\d,]+) tokens, or costs more than ([\d,]+)", README
    )
    assert m, "the README's sentence on query limits"
    limits = QueryLimits()
    assert tuple(number(g) for g in m.groups()) == (
        limits.max_depth,
        limits.max_aliases,
        limits.max_tokens,
        limits.max_cost,
    )


def test_the_readme_says_which_token_claims_are_required_and_that_nbf_is_checked_when_present():
    m = re.search(r"Tokens: .*?((?:`\w+`,\s+)+`\w+` and `\w+`) required, `nbf` checked when present", README, re.S)
    assert m, "the README's sentence on required claims"
    assert set(re.findall(r"`(\w+)`", m.group(1))) == set(REQUIRED_CLAIMS)
    assert "nbf" not in REQUIRED_CLAIMS


def test_every_input_limit_in_the_code_is_in_the_readmes_table_with_its_value():
    rows = dict(re.findall(r"^\| `(\w+)` \| ([\d,]+) ", README, re.M))
    assert {name: number(value) for name, value in rows.items()} == LIMITS


def test_the_body_limits_in_the_readme_are_the_codes():
    from portal.api.text_limit import MAX_TEXT_LENGTH

    assert f"may pass {MAX_TEXT_LENGTH:,} characters" in README
    assert f"at most {MAX_BODY_BYTES // 1024} KB" in README
    assert f"nested at most {MAX_JSON_DEPTH} deep" in README
