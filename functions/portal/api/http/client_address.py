"""The caller's network address, for per-address rate limits.

In Lambda, API Gateway's `requestContext.http.sourceIp` (Mangum keeps the event in scope["aws.event"]) is
the TCP peer: behind CloudFront that is an edge server shared by thousands of people, so the viewer's
address is taken from the header CloudFront adds (CLIENT_IP_HEADER), but only from a request that
provably passed through CloudFront (`via_cloudfront`: it carried the distribution's origin secret, see
api/http/protection/origin.py); anyone can write that header on a request of their own. A request through
CloudFront without it gets no address rather than the edge's. Locally it is the socket's peer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CLOUDFRONT_REQUEST_ID = "x-amz-cf-id"  # present on every request CloudFront forwards to an origin


def _without_port(value: str) -> str:
    """'198.51.100.10:46532' -> '198.51.100.10'; '2001:db8::1:46532' -> '2001:db8::1'; '[::1]:80' -> '::1'."""
    host = value.strip().rpartition(":")[0] or value.strip()
    return host.strip("[]")


def client_address(
    scope: Mapping[str, Any], headers: Mapping[str, str], trusted_header: str = "", via_cloudfront: bool = False
) -> str | None:
    if via_cloudfront:
        value = headers.get(trusted_header) if trusted_header else None
        return _without_port(value) if value else None
    event = scope.get("aws.event")
    if event is not None:
        if CLOUDFRONT_REQUEST_ID in headers:
            return None
        return ((event.get("requestContext") or {}).get("http") or {}).get("sourceIp") or None
    peer = scope.get("client")
    return peer[0] if peer else None
