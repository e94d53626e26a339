import pytest

from portal.api.http.client_address import client_address
from portal.api.http.protection.origin import ORIGIN_SECRET_HEADER, passed_cloudfront

EVENT = {"requestContext": {"http": {"sourceIp": "130.176.0.1"}}}


def test_locally_the_address_is_the_sockets_peer():
    assert client_address({"client": ("127.0.0.1", 5000)}, {}) == "127.0.0.1"
    assert client_address({}, {}) is None


def test_in_lambda_it_is_api_gateways_source_ip():
    assert client_address({"aws.event": EVENT, "client": ("130.176.0.1", 0)}, {}) == "130.176.0.1"


@pytest.mark.parametrize(
    ("header", "address"),
    [
        ("198.51.100.10:46532", "198.51.100.10"),
        ("2001:db8::1:46532", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
    ],
)
def test_behind_cloudfront_it_is_the_viewers_address_without_the_port(header, address):
    headers = {"cloudfront-viewer-address": header, "x-amz-cf-id": "x"}
    assert client_address({"aws.event": EVENT}, headers, "cloudfront-viewer-address", via_cloudfront=True) == address


def test_a_request_through_cloudfront_without_the_viewers_address_has_none():
    assert client_address({"aws.event": EVENT}, {"x-amz-cf-id": "x"}, "cloudfront-viewer-address") is None
    assert client_address({"aws.event": EVENT}, {}, "cloudfront-viewer-address", via_cloudfront=True) is None


def test_the_header_is_ignored_unless_configured():
    headers = {"cloudfront-viewer-address": "198.51.100.10:1"}
    assert client_address({"aws.event": EVENT}, headers) == "130.176.0.1"


def test_a_viewer_address_claimed_by_a_request_that_did_not_pass_cloudfront_is_ignored():
    headers = {"cloudfront-viewer-address": "203.0.113.7:1"}
    assert client_address({"aws.event": EVENT}, headers, "cloudfront-viewer-address") == "130.176.0.1"
    assert client_address({"client": ("127.0.0.1", 5)}, headers, "cloudfront-viewer-address") == "127.0.0.1"


def test_passing_cloudfront_is_proved_by_the_origin_secret_only():
    assert passed_cloudfront({ORIGIN_SECRET_HEADER: "s3cret-value"}, "s3cret-value")
    assert not passed_cloudfront({ORIGIN_SECRET_HEADER: "guess"}, "s3cret-value")
    assert not passed_cloudfront({}, "s3cret-value")
    assert not passed_cloudfront({ORIGIN_SECRET_HEADER: ""}, "")  # no secret configured: nothing passes
