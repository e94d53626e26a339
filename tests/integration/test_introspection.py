"""Introspection per stage: on in staging and locally (with GraphiQL), off in prod (GRAPHQL_INTROSPECTION)."""

import pytest

from graphql import get_introspection_query
from infra.template import load_template
from tests.support.graphql_client import GraphQLClient


def app_with(services, introspection: bool) -> GraphQLClient:
    from portal.api.http.app import create_app

    return GraphQLClient(create_app(services=services, introspection=introspection))


@pytest.mark.parametrize(
    "document",
    [
        "{ __schema { queryType { name } } }",
        '{ __type(name: "Dossier") { fields { name } } }',
        get_introspection_query(),
    ],
    ids=["schema", "type", "full"],
)
def test_introspection_is_refused_with_a_code_when_off(services, dynamodb_calls, document):
    r = app_with(services, introspection=False).query(document)
    assert r.data is None and set(r.error_codes) == {"INTROSPECTION_DISABLED"}
    assert len(dynamodb_calls) == 0


def test_introspection_cannot_ride_along_with_a_real_query_when_off(services, dynamodb_calls):
    r = app_with(services, introspection=False).query('{ center(id: "hcc-01") { id } __type(name: "Query") { name } }')
    assert r.data is None and r.error_codes == ["INTROSPECTION_DISABLED"]
    assert len(dynamodb_calls) == 0


def test_typename_still_works_when_introspection_is_off(services):
    r = app_with(services, introspection=False).run("SubmitDossier", {"input": {}})
    assert "INTROSPECTION_DISABLED" not in r.error_codes  # its `__typename` is ordinary GraphQL
    assert app_with(services, introspection=False).query('{ center(id: "hcc-01") { __typename id } }').errors == []


def test_full_introspection_works_when_on_and_is_not_priced_as_a_query(services):
    r = app_with(services, introspection=True).query(get_introspection_query())
    assert r.errors == [] and r.data["__schema"]["queryType"]["name"] == "Query"


def test_graphiql_is_served_only_when_introspection_is_on(services):
    page = {"accept": "text/html"}
    on = app_with(services, introspection=True)._http.get("/graphql", headers=page)
    assert on.status_code == 200 and "graphiql" in on.text.lower()
    off = app_with(services, introspection=False)._http.get("/graphql", headers=page)
    assert off.status_code != 200 and "graphiql" not in off.text.lower()


def test_the_stage_setting_comes_from_the_environment(monkeypatch):
    from portal.config import settings

    monkeypatch.setenv("GRAPHQL_INTROSPECTION", "false")
    settings.cache_clear()
    try:
        assert settings().introspection is False
    finally:
        monkeypatch.undo()
        settings.cache_clear()
    assert settings().introspection is True


def test_the_template_turns_introspection_off_in_prod_only():
    variables = load_template()["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["GRAPHQL_INTROSPECTION"] == {"Fn::If": ["IsProd", "false", "true"]}


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        ("{ procedurs { totalCount } }", {}),  # a field
        ('{ procedure(cod: "1.001193") { code } }', {}),  # an argument
        ("{ centerQueue(status: RECEIVE) { edges { node { code } } } }", {}),  # an enum value
        (
            "mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { __typename } }",
            {"i": {"clientRequestId": "abcdefgh", "procedureCod": "1", "centerId": "x", "formData": {}}},
        ),  # an input field, in a variable
    ],
)
def test_errors_spell_out_no_schema_when_introspection_is_off(services, document, variables):
    hidden = app_with(services, introspection=False).query(document, variables)
    assert hidden.errors and all("Did you mean" not in e["message"] for e in hidden.errors), hidden.errors
    shown = app_with(services, introspection=True).query(document, variables)
    assert any("Did you mean" in e["message"] for e in shown.errors), "the suggestion is there to hide"
