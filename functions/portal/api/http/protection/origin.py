"""Only CloudFront may call the function in AWS: the distribution adds ORIGIN_SECRET_HEADER with a secret
(template.yaml, Distribution's api origin) and the function refuses any request without it. A request to
the execute-api address directly would skip the WAF and could claim any viewer address; with the secret
checked it is refused, and the viewer-address header is trusted only on requests that carried it.

Locally no secret is configured: nothing is refused, and the socket's peer is the client's address.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from starlette.types import ASGIApp, Receive, Scope, Send

from portal.api.http.protection.responses import send_error

ORIGIN_SECRET_HEADER = "x-origin-verify"  # noqa: S105 (the header's name; its value is in SSM)
FORBIDDEN = "FORBIDDEN"


def passed_cloudfront(headers: Mapping[str, str], secret: str) -> bool:
    """True when the request carries the distribution's origin secret (compared in constant time)."""
    if not secret:
        return False
    return hmac.compare_digest(headers.get(ORIGIN_SECRET_HEADER, "").encode(), secret.encode())


class OriginGuard:
    """With a secret configured, answers 403 to any request that did not come through CloudFront."""

    def __init__(self, app: ASGIApp, secret: str) -> None:
        self.app = app
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.secret:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if not passed_cloudfront(headers, self.secret):
            await send_error(
                send,
                403,
                FORBIDDEN,
                "Hãy dùng địa chỉ chính thức của Cổng.",
                "Use the portal's official address.",
            )
            return
        await self.app(scope, receive, send)
