"""Which failures mean "a service did not answer, try again later" (503) rather than a bug (500)."""

import pytest
from botocore.exceptions import ClientError, ConnectTimeoutError, EndpointConnectionError, ReadTimeoutError
from pynamodb.exceptions import GetError, PutError, QueryError

from portal.store.availability import engine_unavailable


def client_error(code: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": "x"}}, "GetItem")


@pytest.mark.parametrize(
    "error",
    [
        EndpointConnectionError(endpoint_url="http://127.0.0.1:1"),
        ConnectTimeoutError(endpoint_url="http://127.0.0.1:1"),
        ReadTimeoutError(endpoint_url="http://127.0.0.1:1"),
        GetError("Failed to get item", EndpointConnectionError(endpoint_url="http://x")),
        QueryError("Failed to query", client_error("ProvisionedThroughputExceededException")),
        PutError("Failed to put", client_error("ThrottlingException")),
        client_error("InternalServerError"),
        ConnectionRefusedError(),
    ],
)
def test_an_unreachable_or_overloaded_engine_is_a_temporary_unavailability(error):
    assert engine_unavailable(error)


@pytest.mark.parametrize(
    "error",
    [
        None,
        ValueError("a bug"),
        KeyError("pk"),
        GetError("Failed to get item", client_error("ValidationException")),
        PutError("Failed to put", client_error("ConditionalCheckFailedException")),
        client_error("ResourceNotFoundException"),
    ],
)
def test_anything_else_is_not(error):
    assert not engine_unavailable(error)


def test_the_cause_is_followed_through_chained_exceptions():
    try:
        try:
            raise EndpointConnectionError(endpoint_url="http://x")
        except EndpointConnectionError as inner:
            raise RuntimeError("while loading the catalog") from inner
    except RuntimeError as outer:
        assert engine_unavailable(outer)
