"""Test session: the local engines of infra/local (DynamoDB Local in memory, on a free port), a real JWKS
endpoint, tables made from template.yaml, reference data seeded. The environment is applied before `portal` is imported.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime

import pytest

from infra import local_env
from infra.local.dynamodb import DynamoDBLocal
from infra.local.ports import free_port
from infra.local.stack import local_stack

STACK = local_stack()  # the same engines as make dev, in memory, on free ports
JWKS_PORT = free_port()
ISSUER_BASE = f"http://127.0.0.1:{JWKS_PORT}"
STACK.apply_environment(ISSUER_BASE, table_prefix="test", key="test-tracking-key")
# Every test shares one client address and one fixed clock (one window): counting them all would make tests
# depend on each other. tests/integration/test_rate_limiting.py turns the limits on with low values.
os.environ["RATE_LIMITING"] = "off"

from infra.dev_issuer import DevIssuer  # noqa: E402
from portal.clock import VIETNAM, FixedClock  # noqa: E402
from portal.config import settings  # noqa: E402
from tests.support.dynamodb_calls import DynamoDBCalls, listen, stop_listening  # noqa: E402
from tests.support.graphql_client import GraphQLClient  # noqa: E402
from tests.support.jwks import JwksEndpoint  # noqa: E402
from tests.support.people import People  # noqa: E402


@pytest.fixture(scope="session")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> DevIssuer:
    return DevIssuer(settings().oidc_issuer, key_dir=tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="session")
def jwks_server(issuer: DevIssuer) -> Iterator[JwksEndpoint]:
    """The identity provider's JWKS endpoint, over real HTTP; tests may publish more keys on it."""
    endpoint = JwksEndpoint(JWKS_PORT, f"{local_env.DEV_ISSUER_PATH}/jwks.json", issuer.jwks()["keys"]).start()
    yield endpoint
    endpoint.stop()


@pytest.fixture(scope="session")
def dynamodb() -> Iterator[DynamoDBLocal]:
    """The local engines (started once for the session); DynamoDB Local with the tables made."""
    with STACK.running():
        from infra.tables import create_tables

        create_tables(settings())
        yield STACK.dynamodb


@pytest.fixture(scope="session")
def seeded(dynamodb: DynamoDBLocal):
    from infra.seed import seed_reference_data

    return seed_reference_data()


@pytest.fixture
def clock() -> FixedClock:
    """Monday 2 March 2026, 09:00 in Vietnam: a working day, before the 15:00 cut-off."""
    return FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM))


@pytest.fixture
def services(seeded, jwks_server, clock: FixedClock):
    from portal.bootstrap import build_services

    return build_services(clock=clock)


@pytest.fixture
def api(services) -> GraphQLClient:
    """The ASGI app over HTTP (httpx transport), running the contract's named operations."""
    from portal.api.http.app import create_app

    return GraphQLClient(create_app(services=services))


@pytest.fixture(scope="session")
def people(issuer: DevIssuer) -> People:
    return People(issuer)


@pytest.fixture
def dynamodb_calls() -> Iterator[DynamoDBCalls]:
    """Every DynamoDB call the portal makes during the test (real calls, counted on their way out)."""
    calls = listen()
    yield calls
    stop_listening(calls)


@pytest.fixture(autouse=True)
def no_scans(request: pytest.FixtureRequest) -> Iterator[None]:
    """No request path may scan a table: a test during which any Scan happens fails."""
    calls = listen()
    yield
    stop_listening(calls)
    if not request.node.get_closest_marker("scans_on_purpose"):
        assert calls.counts()["Scan"] == 0, f"a Scan was issued: {dict(calls.counts())}"


# --- Tiers and order ------------------------------------------------------------------------------------------

TIERS = ("unit", "contract", "integration", "e2e")  # the folders under tests/, each a marker (-m "unit or contract")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if not item.path.is_relative_to(config.rootpath):
            continue
        parts = item.path.relative_to(config.rootpath).parts
        if len(parts) > 1 and parts[0] == "tests" and parts[1] in TIERS:
            item.add_marker(parts[1])


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    """The order's seed again at the end (the header that has it is hidden by -q): a failure that only shows in
    one order is replayed with the same seed."""
    seed = getattr(config.option, "randomly_seed", None)
    if config.pluginmanager.hasplugin("randomly") and seed is not None:
        terminalreporter.write_line(f"random order: replay it with --randomly-seed={seed}")
