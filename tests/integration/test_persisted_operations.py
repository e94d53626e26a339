"""Persisted operations: where required (prod), only the contract's registered operations run."""

from __future__ import annotations

import pytest

from portal.api.graphql.persisted_operations import operation_hash
from tests.support.graphql_client import GraphQLClient, operation

UNREGISTERED = "query Mine { procedures(first: 1) { edges { node { code } } } }"


@pytest.fixture
def strict_api(services) -> GraphQLClient:
    from portal.api.http.app import create_app

    return GraphQLClient(create_app(services=services, persisted_only=True))


def test_a_registered_operation_runs_where_they_are_required(strict_api):
    r = strict_api.run("Provinces")
    assert r.errors == [] and len(r.data["provinces"]) == 34


def test_an_unknown_operation_is_refused_where_they_are_required(strict_api):
    r = strict_api.query(UNREGISTERED)
    assert r.error_codes == ["PERSISTED_OPERATION_NOT_FOUND"]
    assert r.errors[0]["extensions"]["messageEn"].startswith("This operation is not registered")


def test_an_edited_registered_operation_is_unknown(strict_api):
    r = strict_api.query(operation("Provinces") + " ")
    assert r.error_codes == ["PERSISTED_OPERATION_NOT_FOUND"]


def test_an_operation_sent_by_its_hash_alone_runs(strict_api):
    digest = operation_hash(operation("Provinces"))
    r = strict_api.post_graphql({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}})
    assert r.errors == [] and len(r.data["provinces"]) == 34
    unknown = strict_api.post_graphql({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}})
    assert unknown.error_codes == ["PERSISTED_OPERATION_NOT_FOUND"]


def test_unknown_operations_run_locally_and_in_tests(api):
    r = api.query(UNREGISTERED)
    assert r.errors == [] and r.data["procedures"]["edges"]


def test_prod_requires_them_by_default(monkeypatch):
    from portal.config import settings

    monkeypatch.setenv("STAGE", "prod")
    settings.cache_clear()
    try:
        assert settings().persisted_operations_only
        assert not settings().webhook_allow_loopback
    finally:
        monkeypatch.undo()
        settings.cache_clear()
    assert not settings().persisted_operations_only
