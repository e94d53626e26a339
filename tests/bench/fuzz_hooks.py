"""schemathesis hooks for the portal (SCHEMATHESIS_HOOKS=tests.bench.fuzz_hooks): how to generate its
JSON scalar (formData), and what a server error is for this API.

schemathesis' own not_a_server_error (ST113) counts every GraphQL error outside validation as a server
failure. The portal's contract answers expected failures of queries as errors with a stable code
(NOT_FOUND, BAD_USER_INPUT, UNAUTHENTICATED...), so here a server error is what the portal itself calls
one: HTTP 5xx other than 503 SERVICE_UNAVAILABLE with Retry-After, an answer that is not valid JSON
(Python's parser would take a bare NaN), an INTERNAL_SERVER_ERROR (a bug, masked), or an error with no
code at all (an unclassified failure).
"""

from __future__ import annotations

import json

import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

import graphql

# Real form field names mixed with made-up ones, so known fields see odd values and unknown keys appear.
FIELD_NAMES = ["child_full_name", "child_birth_date", "birth_copies", "capital_vnd", "sex", "stay_months"]
scalars = (
    st.none().map(lambda _: nodes.Null)
    | st.booleans().map(nodes.Boolean)
    | st.integers().map(nodes.Int)
    | st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float)
    | st.text(max_size=300).map(nodes.String)
    | st.sampled_from(["NaN", "Infinity", "1e400", "-0", "1_000", "0x10", " 12 ", "2026-02-30"]).map(nodes.String)
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3).map(nodes.List), max_leaves=6)
keys = st.sampled_from(FIELD_NAMES) | st.text(min_size=1, max_size=80)
form_data = st.dictionaries(keys, values, max_size=8).map(
    lambda d: nodes.Object(
        [graphql.ObjectFieldNode(name=graphql.NameNode(value=k), value=v) for k, v in d.items() if k.isidentifier()]
    )
)
schemathesis.graphql.scalar("JSON", form_data)


def _not_json(name: str) -> None:
    raise ValueError(f"{name} is not JSON (a stored NaN or Infinity served back)")


@schemathesis.check
def no_portal_server_error(ctx, response, case) -> None:
    """The portal's own definition of a server error (see the module docstring)."""
    if response.status_code >= 500:
        if response.status_code == 503 and response.headers.get("retry-after"):
            return
        raise AssertionError(f"HTTP {response.status_code}")
    try:
        body = json.loads(response.content, parse_constant=_not_json)
    except ValueError as error:
        raise AssertionError(f"the answer is not valid JSON: {error}") from error
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if not code:
            raise AssertionError(f"an error without a code: {str(error)[:300]}")
        if code == "INTERNAL_SERVER_ERROR":
            raise AssertionError(f"an internal error (a bug): {str(error)[:300]}")
