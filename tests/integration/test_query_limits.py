"""Depth, alias and cost limits: an over-limit query is refused while it is validated, with a stable
code, before any resolver runs, so before any DynamoDB call (counted on the real calls)."""

from pathlib import Path

import pytest

from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse
from portal.api.graphql.limits import QueryLimits
from tests.support.graphql_client import OPERATIONS, GraphQLClient

LIMITS = QueryLimits()

# 1 (connection) + 100 edges + 100 nodes + 100 x 20 timeline events + 100 x 20 attachments (lists without
# `first` count as a default page).
COSTLY = "query { myDossiers(first: 100) { edges { node { code timeline { seq } attachments { name } } } } }"
AFFORDABLE = "query { myDossiers(first: 5) { edges { node { code timeline { seq } attachments { name } } } } }"


def app_with(services, **options) -> GraphQLClient:
    from portal.api.http.app import create_app

    return GraphQLClient(create_app(services=services, **options))


def cost_of(document: str, variables: dict | None = None) -> int:
    from portal.api.graphql.query_cost import operation_cost
    from portal.api.graphql.schema import build_schema

    parsed = parse(document)
    fragments = {d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)}
    operation = next(d for d in parsed.definitions if isinstance(d, OperationDefinitionNode))
    return operation_cost(build_schema()._schema, operation, fragments, variables)


@pytest.mark.parametrize("path", sorted(OPERATIONS.glob("*.graphql")), ids=lambda p: p.stem)
def test_every_contract_operation_fits_the_cost_limit_at_the_largest_page(path: Path):
    cost = cost_of(path.read_text(encoding="utf-8"), {"first": 100})
    assert cost <= LIMITS.max_cost / 5, f"{path.stem} costs {cost}: the limit would leave it little room"


def test_the_cost_multiplies_nested_lists_and_caps_page_sizes():
    assert cost_of(COSTLY) == 1 + 100 + 100 + 100 * 20 + 100 * 20
    assert cost_of(COSTLY.replace("first: 100", "first: 100000")) == cost_of(COSTLY), "pages never exceed 100"
    assert cost_of("{ myDossiers { edges { node { code } } } }") == 1 + 20 + 20, "no `first`: the default page"
    assert cost_of("{ procedureFields }") == 0, "scalars are free"
    assert cost_of(COSTLY.replace("first: 100", "first: 0")) == 1, "an empty page"


def test_a_variables_default_value_is_priced_when_the_variable_is_not_sent():
    document = "query($n: Int = 100) { myDossiers(first: $n) { edges { node { timeline { seq } } } } }"
    assert cost_of(document) == cost_of(document, {"n": 100}) == 2201
    assert cost_of(document, {"n": 5}) == 1 + 5 + 5 + 5 * 20


def test_an_over_costly_query_is_refused_before_any_dynamodb_call(api, people, dynamodb_calls):
    token = people.citizen()
    r = api.query(COSTLY, token=token)
    assert r.data is None and r.error_codes == ["QUERY_TOO_COSTLY"]
    extensions = r.errors[0]["extensions"]
    assert extensions["cost"] == 4201 and extensions["maxCost"] == LIMITS.max_cost and extensions["messageEn"]
    assert len(dynamodb_calls) == 0

    affordable = api.query(AFFORDABLE, token=token)
    assert affordable.errors == []
    assert len(dynamodb_calls) > 0, "the same query within the limit does reach DynamoDB"


def test_page_sizes_given_in_variables_are_priced(api, people, dynamodb_calls):
    document = "query($n: Int) { myDossiers(first: $n) { edges { node { timeline { seq } attachments { name } } } } }"
    assert api.query(document, {"n": 100}, token=people.citizen()).error_codes == ["QUERY_TOO_COSTLY"]
    assert len(dynamodb_calls) == 0
    assert api.query(document, {"n": 5}, token=people.citizen()).errors == []


def test_aliases_add_up_and_fragments_are_priced(api, dynamodb_calls):
    page = 'centers(provinceCode: "01", first: 100) { edges { node { location { lat } } } }'
    ten_pages = "{ " + " ".join(f"p{i}: {page}" for i in range(10)) + " }"
    assert api.query(ten_pages).error_codes == ["QUERY_TOO_COSTLY"]
    provinces = ("01", "79", "48", "31", "92", "46", "22", "04", "08", "11", "12")  # 11 pages of 301
    spread = " ".join(f'p{code}: centers(provinceCode: "{code}", first: 100) {{ ...Page }}' for code in provinces)
    through_fragments = (
        f"query {{ {spread} }} "
        "fragment Page on CenterConnection { edges { ... on CenterEdge { node { location { lat } } } } }"
    )
    assert api.query(through_fragments).error_codes == ["QUERY_TOO_COSTLY"]
    assert len(dynamodb_calls) == 0


def test_an_over_deep_query_is_refused_before_any_dynamodb_call(services, people, dynamodb_calls):
    shallow = app_with(services, query_limits=QueryLimits(max_depth=3))
    r = shallow.run("MyDossiers", {"first": 5}, token=people.citizen())
    assert r.data is None and set(r.error_codes) == {"QUERY_TOO_DEEP"}  # one error per too-deep branch
    assert r.errors[0]["extensions"]["messageEn"]
    assert len(dynamodb_calls) == 0
    assert app_with(services).run("MyDossiers", {"first": 5}, token=people.citizen()).errors == []
    assert len(dynamodb_calls) > 0


def test_the_default_depth_limit_refuses_deep_nesting(api, dynamodb_calls):
    nested = "x { " * 9 + "y" + " }" * 9
    r = api.query('{ center(id: "hcc-01") { ' + nested + " } }")
    assert "QUERY_TOO_DEEP" in r.error_codes and r.data is None
    assert len(dynamodb_calls) == 0


def test_too_many_aliases_are_refused_before_any_dynamodb_call(api, dynamodb_calls):
    def aliases(n: int) -> str:
        return "{ " + " ".join(f'c{i}: center(id: "hcc-01") {{ id }}' for i in range(n)) + " }"

    r = api.query(aliases(LIMITS.max_aliases + 1))
    assert r.data is None and r.error_codes == ["TOO_MANY_ALIASES"]
    assert len(dynamodb_calls) == 0
    assert api.query(aliases(LIMITS.max_aliases)).errors == []


def test_an_oversized_document_is_refused_before_any_dynamodb_call(api, dynamodb_calls):
    r = api.query('{ center(id: "hcc-01") { ' + "id " * LIMITS.max_tokens + "} }")
    assert r.data is None and r.error_codes == ["GRAPHQL_VALIDATION_FAILED"]
    assert "tokens" in r.errors[0]["message"]
    assert len(dynamodb_calls) == 0


def test_a_bug_in_a_validation_rule_is_masked_like_any_other(api, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("cost table at 10.0.3.17 unavailable (secret detail)")

    monkeypatch.setattr("portal.api.graphql.limits.operation_cost", broken)
    r = api.run("ProcedureFields")
    assert r.error_codes == ["INTERNAL_SERVER_ERROR"]
    assert "secret detail" not in str(r.body) and r.errors[0]["extensions"]["requestId"] == r.headers["x-request-id"]
    assert "secret detail" in capsys.readouterr().out
