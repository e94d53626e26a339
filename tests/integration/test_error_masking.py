"""Nothing internal leaks: unexpected errors are logged with the request id and masked for clients."""

from dataclasses import replace

from tests.support.graphql_client import GraphQLClient


class BrokenCenters:
    def get(self, center_id):
        raise RuntimeError("connection pool exhausted at 10.0.3.17 (secret detail)")


def test_an_unexpected_error_is_masked_and_logged_with_the_request_id(services, capsys):
    from portal.api.http.app import create_app

    api = GraphQLClient(create_app(services=replace(services, centers=BrokenCenters())))
    r = api.run("GetCenter", {"id": "hcc-01"})
    assert r.error_codes == ["INTERNAL_SERVER_ERROR"]
    error = r.errors[0]
    assert "secret detail" not in str(r.body) and "Traceback" not in str(r.body)
    assert error["extensions"]["requestId"] == r.headers["x-request-id"]
    logged = capsys.readouterr().out
    assert "secret detail" in logged and r.headers["x-request-id"] in logged and "Traceback" in logged


def test_syntax_errors_are_shown_with_a_code(api):
    r = api.query("query { procedures(")
    assert r.error_codes == ["GRAPHQL_VALIDATION_FAILED"] and "Syntax Error" in r.errors[0]["message"]


def test_an_unknown_field_is_a_validation_error(api):
    r = api.query('{ procedure(code: "1.001193") { secretField } }')
    assert r.error_codes == ["GRAPHQL_VALIDATION_FAILED"]


def test_an_invalid_token_is_refused_on_any_field_that_asks_who_is_calling(api):
    r = api.run("GetProcedure", {"code": "1.001193"}, token="not-a-jwt")
    assert r.error_codes == ["UNAUTHENTICATED"]
