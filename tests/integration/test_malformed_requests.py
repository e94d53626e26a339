"""Every malformed request gets a 4xx with a typed error in the GraphQL error shape, never a 500."""

import pytest
from starlette.testclient import TestClient

from portal.api.http.protection.body import MAX_BODY_BYTES, MAX_JSON_DEPTH
from tests.support.graphql_client import operation

QUERY = operation("ProcedureFields").encode()


@pytest.fixture
def http(services):
    from portal.api.http.app import create_app

    return TestClient(create_app(services=services), raise_server_exceptions=False)


def post(http, body: bytes, content_type: str = "application/json"):
    return http.post("/graphql", content=body, headers={"content-type": content_type})


def typed_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    errors = response.json()["errors"]
    assert [e["extensions"]["code"] for e in errors] == [code]
    assert errors[0]["message"] and errors[0]["extensions"]["messageEn"]
    return errors[0]


@pytest.mark.parametrize(
    "body",
    [
        b"null",
        b'"a string"',
        b"42",
        b"[]",
        b"{}",
        b'{"query": 1}',
        b'{"query": "{ procedureFields }", "variables": "x"}',
        b'{"query": "{ procedureFields }", "operationName": 3}',
        b"\xff\xfe{not utf-8}",
        b'{"query": "{ procedureFields }", "variables": {"a": "\xc3\x28"}}',  # invalid UTF-8 in a variable
        b'{"query": "{ procedureFields }", "variables": {"a": "\\ud800"}}',  # a lone surrogate escaped
        b'{"query": "{ procedureFields }", "variables": {"a": NaN}}',
        b'{"query": "{ procedureFields }", "variables": {"a": Infinity}}',
        b"{" * 3 + b"not json",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"query": "{ procedureFields }", "variables": {"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
        b'{"query": "{ procedureFields }", "variables": {"a": ' + b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH + b"}}",
    ],
)
def test_a_malformed_body_is_a_400_bad_request(http, body):
    typed_error(post(http, body), 400, "BAD_REQUEST")


def test_a_body_over_the_limit_is_a_413_without_being_read_whole(http):
    error = typed_error(post(http, b" " * (MAX_BODY_BYTES + 1)), 413, "PAYLOAD_TOO_LARGE")
    assert error["extensions"]["maxBytes"] == MAX_BODY_BYTES


@pytest.mark.parametrize("content_type", ["application/jsonx", "text/plain", "", "application/x-www-form-urlencoded"])
def test_other_media_types_are_refused(http, content_type):
    typed_error(post(http, b'{"query": "{ procedureFields }"}', content_type), 415, "UNSUPPORTED_MEDIA_TYPE")


@pytest.mark.parametrize("content_type", ["application/json", "APPLICATION/JSON", "Application/Json; charset=UTF-8"])
def test_the_json_media_type_is_matched_case_insensitively(http, content_type):
    r = post(http, b'{"query": ' + b'"' + QUERY.replace(b"\n", b" ") + b'"}', content_type)
    assert r.status_code == 200 and "errors" not in r.json(), r.text[:300]


def test_a_well_formed_request_nested_just_within_the_limit_is_answered(http):
    nested = b"[" * (MAX_JSON_DEPTH - 2) + b"]" * (MAX_JSON_DEPTH - 2)
    r = post(http, b'{"query": "{ procedureFields }", "variables": {"a": ' + nested + b"}}")
    assert r.status_code == 200 and "errors" not in r.json()


def test_the_local_server_names_no_software_and_sends_a_permissions_policy(http):
    r = post(http, b'{"query": "{ procedureFields }"}')
    assert "server" not in r.headers
    assert "camera=()" in r.headers["permissions-policy"]


def test_through_the_lambda_handler_an_invalid_utf8_body_is_a_400(services):
    import base64
    import json

    from mangum import Mangum

    from portal.api.http.app import create_app
    from tests.support.lambda_events import LambdaContext, http_api_event

    event = http_api_event({"query": "{ procedureFields }"})
    event["body"], event["isBase64Encoded"] = base64.b64encode(b'{"query": "\xff"}').decode(), True
    response = Mangum(create_app(services=services), lifespan="off")(event, LambdaContext())
    assert response["statusCode"] == 400
    assert json.loads(response["body"])["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


MUTATION = "mutation { markNotificationsRead(input: {}) { __typename } }"


@pytest.mark.parametrize(
    "send",
    [
        lambda http: http.get("/graphql", params={"query": "{ procedureFields }"}),  # a query by GET
        lambda http: http.get(
            "/graphql", params={"query": "mutation { markNotificationsRead(input: {}) { __typename } }"}
        ),
        lambda http: post(http, b'{"query": "query A { procedureFields }", "operationName": "B"}'),  # unknown name
    ],
    ids=["query-by-get", "mutation-by-get", "unknown-operation-name"],
)
def test_what_graphql_itself_refuses_is_a_typed_error_too_never_plain_text(http, send):
    typed_error(send(http), 400, "BAD_REQUEST")
