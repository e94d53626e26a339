"""The documentation states the limits the code enforces: read both, compare.

The limits are documented in docs/security.md (the README points there); each test names the page it reads.
"""

import re
from pathlib import Path

from portal.api.graphql.limits import QueryLimits
from portal.api.http.protection.body import MAX_BODY_BYTES, MAX_JSON_DEPTH
from portal.identity.tokens import REQUIRED_CLAIMS
from portal.input_limits import LIMITS

ROOT = Path(__file__).resolve().parents[2]
SECURITY = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")


def number(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_query_limits_in_the_docs_are_the_codes():
    m = re.search(
        r"deeper than (\d+), has more than (\d+) aliases or ([\d,]+) tokens, or costs more than ([\d,]+)", SECURITY
    )
    assert m, "docs/security.md's sentence on query limits"
    limits = QueryLimits()
    assert tuple(number(g) for g in m.groups()) == (
        limits.max_depth,
        limits.max_aliases,
        limits.max_tokens,
        limits.max_cost,
    )


def test_the_docs_say_which_token_claims_are_required_and_that_nbf_is_checked_when_present():
    m = re.search(r"Tokens: .*?((?:`\w+`,\s+)+`\w+` and `\w+`) required, `nbf` checked when present", SECURITY, re.S)
    assert m, "docs/security.md's sentence on required claims"
    assert set(re.findall(r"`(\w+)`", m.group(1))) == set(REQUIRED_CLAIMS)
    assert "nbf" not in REQUIRED_CLAIMS


def test_every_input_limit_in_the_code_is_in_the_docs_table_with_its_value():
    rows = dict(re.findall(r"^\| `(\w+)` \| ([\d,]+) ", SECURITY, re.M))
    assert {name: number(value) for name, value in rows.items()} == LIMITS


def test_the_body_limits_in_the_docs_are_the_codes():
    from portal.api.graphql.text_limit import MAX_TEXT_LENGTH

    assert f"may pass {MAX_TEXT_LENGTH:,} characters" in SECURITY
    assert f"at most {MAX_BODY_BYTES // 1024} KB" in SECURITY
    assert f"nested at most {MAX_JSON_DEPTH} deep" in SECURITY


def test_the_readme_points_to_where_the_limits_are():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/security.md" in readme
