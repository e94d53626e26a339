"""The API's own rate limits, counted in the RateLimits table of DynamoDB Local, with low limits.

Each test runs in its own fixed window (the clock is set to a minute no other test uses), so counters of
one test never meet another's. The windows lie in the real future: DynamoDB Local runs TTL for real and
would sweep counters whose expiry has passed on the wall clock, in the middle of a test.
"""

import itertools
import json
import uuid
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from mangum import Mangum

from portal.clock import VIETNAM
from portal.ratelimit.policy import Limits
from tests.support.catalog import catalog_procedure
from tests.support.factories import form_for
from tests.support.graphql_client import GraphQLClient, operation
from tests.support.journeys import electronic_documents
from tests.support.lambda_events import LambdaContext, http_api_event

WINDOW = 60
_minutes = itertools.count()


_FUTURE = datetime.now(VIETNAM).replace(second=15, microsecond=0) + timedelta(days=30)


@pytest.fixture(autouse=True)
def own_window(clock):
    """A window of its own for each test, 15 s after the window starts."""
    clock.current = _FUTURE + timedelta(minutes=next(_minutes) * 2)


ORIGIN_SECRET = "origin-secret-of-the-tests-0123456789"
THROUGH_CLOUDFRONT = {"x-origin-verify": ORIGIN_SECRET}


def limited(services, **limits) -> Limits:
    return replace(services, rate_limits=Limits(window_seconds=WINDOW, **limits))


def client(services, address: str = "203.0.113.10", **limits) -> GraphQLClient:
    from portal.api.http.app import create_app

    return GraphQLClient(create_app(services=limited(services, **limits)), address=address)


def lambda_handler(services, origin_secret=None, **limits):
    from portal.api.http.app import create_app

    asgi = Mangum(create_app(services=limited(services, **limits), origin_secret=origin_secret), lifespan="off")

    def invoke(name, variables=None, token=None, source_ip="203.0.113.9", headers=None):
        auth = {"authorization": f"Bearer {token}"} if token else {}
        body = {"query": operation(name), "variables": variables or {}}
        response = asgi(http_api_event(body, headers={**auth, **(headers or {})}, source_ip=source_ip), LambdaContext())
        return response, json.loads(response["body"])

    return invoke


def codes(body) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors", [])]


def a_citizen(people):
    pid = f"0010900{uuid.uuid4().int % 10**5:05d}"
    return people.citizen(sub=f"rl-{uuid.uuid4().hex[:8]}", pid=pid)


@pytest.fixture(scope="module")
def birth():
    return catalog_procedure("1.001193")


def submission(procedure) -> dict:
    return {
        "input": {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": procedure.code,
            "centerId": "hcc-01-00070",
            "formData": form_for(procedure),
            "electronicDocuments": electronic_documents(procedure),
        }
    }


def test_reads_past_a_clients_limit_are_refused_until_the_window_ends(services, people, clock):
    api = client(services, client_reads=3, ip_reads=100)
    token = a_citizen(people)
    for _ in range(3):
        assert api.run("MyDossiers", {"first": 1}, token=token).errors == []
    refused = api.run("MyDossiers", {"first": 1}, token=token)
    assert refused.data is None and refused.error_codes == ["RATE_LIMITED"]
    assert refused.status == 429 and refused.headers["retry-after"] == "45"
    assert refused.errors[0]["extensions"]["retryAfter"] == 45 and refused.errors[0]["extensions"]["messageEn"]
    assert api.run("MyDossiers", {"first": 1}, token=a_citizen(people)).errors == [], "others keep their quota"
    clock.advance(timedelta(seconds=45))
    assert api.run("MyDossiers", {"first": 1}, token=token).errors == [], "a new window, a new count"


def test_mutations_have_a_stricter_limit_than_reads(services, people, birth):
    api = client(services, client_reads=10, client_writes=1, ip_reads=100, ip_writes=100)
    token = a_citizen(people)
    first = api.run("SubmitDossier", submission(birth), token=token)
    assert first.data["submitDossier"]["__typename"] == "DossierSubmitted"
    second = api.run("SubmitDossier", submission(birth), token=token)
    assert second.error_codes == ["RATE_LIMITED"] and second.data is None
    mine = api.run("MyDossiers", {"first": 10}, token=token)
    assert mine.errors == [] and len(mine.data["myDossiers"]["edges"]) == 1, "the refused submit wrote nothing"


def test_everyone_behind_one_address_shares_its_limit(services, people):
    here = client(services, address="198.51.100.20", ip_reads=4, client_reads=100)
    for token in (a_citizen(people), a_citizen(people), None, None):
        assert here.run("GetCenter", {"id": "hcc-01"}, token=token).errors == []
    assert here.run("GetCenter", {"id": "hcc-01"}, token=a_citizen(people)).error_codes == ["RATE_LIMITED"]
    assert here.run("GetCenter", {"id": "hcc-01"}).error_codes == ["RATE_LIMITED"], "anonymous callers too"
    elsewhere = client(services, address="198.51.100.21", ip_reads=4, client_reads=100)
    assert elsewhere.run("GetCenter", {"id": "hcc-01"}).errors == []


def test_in_lambda_the_address_is_api_gateways_source_ip(services, people):
    invoke = lambda_handler(services, ip_reads=2, client_reads=100)
    for _ in range(2):
        _, body = invoke("GetCenter", {"id": "hcc-01"}, source_ip="192.0.2.50")
        assert "errors" not in body
    response, body = invoke("GetCenter", {"id": "hcc-01"}, source_ip="192.0.2.50")
    assert codes(body) == ["RATE_LIMITED"] and response["statusCode"] == 429
    assert response["headers"]["retry-after"] == "45"
    _, body = invoke("GetCenter", {"id": "hcc-01"}, source_ip="192.0.2.51")
    assert "errors" not in body


def test_a_clients_limit_follows_it_across_addresses(services, people):
    invoke = lambda_handler(services, client_reads=2, ip_reads=100)
    token = a_citizen(people)
    for ip in ("192.0.2.60", "192.0.2.61"):
        assert "errors" not in invoke("MyDossiers", {"first": 1}, token=token, source_ip=ip)[1]
    assert codes(invoke("MyDossiers", {"first": 1}, token=token, source_ip="192.0.2.62")[1]) == ["RATE_LIMITED"]


def test_an_apps_users_share_the_apps_quota(services, people):
    api = client(services, client_reads=2, ip_reads=100)
    assert api.run("GetCenter", {"id": "hcc-01"}, token=people.app("public:read")).errors == []
    assert api.run("MyDossiers", {"first": 1}, token=people.app("dossiers:read", for_citizen=True)).errors == []
    refused = api.run("GetCenter", {"id": "hcc-01"}, token=people.app("public:read"))
    assert refused.error_codes == ["RATE_LIMITED"]


def test_behind_cloudfront_the_viewers_address_is_counted_not_the_edges(services, people):
    services = replace(services, client_ip_header="cloudfront-viewer-address")
    invoke = lambda_handler(services, origin_secret=ORIGIN_SECRET, ip_reads=2, client_reads=100)
    viewer = {"cloudfront-viewer-address": "2001:db8::7:50123", "x-amz-cf-id": "abc==", **THROUGH_CLOUDFRONT}
    for edge in ("130.176.0.1", "130.176.0.2"):
        assert "errors" not in invoke("GetCenter", {"id": "hcc-01"}, source_ip=edge, headers=viewer)[1]
    third = invoke("GetCenter", {"id": "hcc-01"}, source_ip="130.176.0.3", headers=viewer)[1]
    assert codes(third) == ["RATE_LIMITED"], "one viewer behind three edge servers"
    no_viewer = {"x-amz-cf-id": "abc==", **THROUGH_CLOUDFRONT}
    for _ in range(3):  # through CloudFront without the viewer's address: never counted as the edge's
        assert "errors" not in invoke("GetCenter", {"id": "hcc-01"}, source_ip="130.176.0.1", headers=no_viewer)[1]


def test_a_viewer_address_claimed_without_the_origin_secret_is_refused_before_anything_is_counted(services):
    services = replace(services, client_ip_header="cloudfront-viewer-address")
    invoke = lambda_handler(services, origin_secret=ORIGIN_SECRET, ip_reads=1, client_reads=100)
    claimed = {"cloudfront-viewer-address": "198.51.100.99:1", "x-amz-cf-id": "forged", "x-origin-verify": "guess"}
    response, body = invoke("GetCenter", {"id": "hcc-01"}, headers=claimed)
    assert response["statusCode"] == 403 and codes(body) == ["FORBIDDEN"]
    assert "errors" not in invoke("GetCenter", {"id": "hcc-01"}, headers={**claimed, **THROUGH_CLOUDFRONT})[1]


def test_without_a_secret_configured_a_claimed_viewer_address_is_not_trusted(services):
    services = replace(services, client_ip_header="cloudfront-viewer-address")
    invoke = lambda_handler(services, ip_reads=1, client_reads=100)
    for claimed in ("198.51.100.1:1", "198.51.100.2:1"):  # a new address each time would escape the limit
        last = invoke(
            "GetCenter", {"id": "hcc-01"}, source_ip="192.0.2.77", headers={"cloudfront-viewer-address": claimed}
        )
    assert codes(last[1]) == ["RATE_LIMITED"]


def test_a_refused_mutation_touches_only_the_counters(services, people, dynamodb_calls):
    from portal.config import settings

    api = client(services, client_writes=1, ip_writes=100)
    token = a_citizen(people)
    first = api.run("RateDossier", {"input": {"code": "H01.000.00-260302-019999", "score": 5}}, token=token)
    assert first.errors == []  # counted, then answered (a NotFoundError: no such dossier)
    dynamodb_calls.clear()
    second = api.run("RateDossier", {"input": {"code": "H01.000.00-260302-019999", "score": 5}}, token=token)
    assert second.error_codes == ["RATE_LIMITED"]
    assert dynamodb_calls.tables() == {settings().tables.rate_limits}, "a refused mutation never runs"


def test_past_the_limit_a_read_is_refused_and_then_refused_at_once(services, people, dynamodb_calls):
    """A read runs while it is counted (its answer is replaced past the limit); once refused, the container
    refuses the same client again without running or counting anything until the window ends."""
    api = client(services, client_reads=1, ip_reads=100)
    token = a_citizen(people)
    assert api.run("MyDossiers", {"first": 1}, token=token).errors == []
    refused = api.run("MyDossiers", {"first": 1}, token=token)
    assert refused.error_codes == ["RATE_LIMITED"] and refused.data is None
    assert int(refused.headers["retry-after"]) > 0
    dynamodb_calls.clear()
    again = api.run("MyDossiers", {"first": 1}, token=token)
    assert again.error_codes == ["RATE_LIMITED"] and len(dynamodb_calls) == 0


def test_a_query_refused_by_validation_costs_no_counter_write(services, people, dynamodb_calls):
    api = client(services, client_reads=100, ip_reads=100)
    costly = "query { myDossiers(first: 100) { edges { node { timeline { seq } attachments { name } } } } }"
    r = api.query(costly, token=a_citizen(people))
    assert r.error_codes == ["QUERY_TOO_COSTLY"]
    assert len(dynamodb_calls) == 0


def test_counters_expire_after_their_window_through_ttl(services, people, clock):
    from infra.tables import dynamodb_client
    from portal.config import settings
    from portal.store.rate_limit_items import RateLimitItem

    api = client(services, address="198.51.100.99", ip_reads=10)
    assert api.run("GetCenter", {"id": "hcc-01"}).errors == []
    window_start = int(clock.now().timestamp()) - 15
    item = RateLimitItem.get(f"ip#198.51.100.99#read#{window_start}")
    assert item.count == 1
    assert int(item.expires_at.timestamp()) == window_start + WINDOW + 60
    ttl = dynamodb_client(settings()).describe_time_to_live(TableName=settings().tables.rate_limits)
    assert ttl["TimeToLiveDescription"] == {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires_at"}


COSTLY = "{ procedures(first: 100) { edges { node { code name fees { amountVnd } } } } }"


def test_a_costly_query_counts_for_the_work_it_asks_not_as_one_request(services):
    """8 threads of a valid costly query saturated the local process unlimited (issue 25, item 8): the
    per-address limit weighs each read by its static cost (policy.weight), so the same budget admits many
    cheap reads or a few costly ones."""
    from graphql import parse
    from portal.api.graphql.query_cost import operation_cost
    from portal.api.graphql.schema import build_schema
    from portal.ratelimit.policy import RequestKind, weight

    [costly] = parse(COSTLY).definitions
    cost = weight(RequestKind.READ, operation_cost(build_schema()._schema, costly, {}, {}))
    assert cost >= 4, cost
    budget = 4 * cost
    cheap = client(services, address="198.51.100.40", ip_reads=budget, client_reads=10_000)
    for _ in range(budget):
        assert cheap.query("{ procedureFields }").errors == []
    assert cheap.query("{ procedureFields }").error_codes == ["RATE_LIMITED"]
    here = client(services, address="198.51.100.41", ip_reads=budget, client_reads=10_000)
    for _ in range(4):
        r = here.query(COSTLY)
        assert r.errors == [], r.body
    refused = here.query(COSTLY)
    assert refused.error_codes == ["RATE_LIMITED"] and refused.status == 429
