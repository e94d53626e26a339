"""Security headers on every response of the app, with the values of CloudFront's response headers policy
in template.yaml (a contract test holds them equal), so the local server behaves as the deployed site.

GraphiQL, served only where introspection is on, loads React and GraphiQL from unpkg.com (pinned by SRI
hashes) and runs one inline script: its page declares its own policy allowing exactly that CDN and that
script's sha256, plus inline styles (GraphiQL sets them); every other response gets the strict policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "content-security-policy"
SITE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HSTS_MAX_AGE_SECONDS = 63072000  # two years, with preload: the portal is only ever served over HTTPS
# The site uses none of the browser's powerful features; geolocation only for "centers near me".
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), magnetometer=(), gyroscope=(), accelerometer=()"
)

SECURITY_HEADERS = {
    CSP: SITE_CSP,
    "strict-transport-security": f"max-age={HSTS_MAX_AGE_SECONDS}; includeSubDomains; preload",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
}

GRAPHIQL_CDN = "https://unpkg.com"
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def graphiql_csp(html: str) -> str:
    """The policy of the GraphiQL page: the strict one, plus its CDN and the hashes of its inline scripts."""
    scripts = " ".join(_sha256(s) for s in _INLINE_SCRIPT.findall(html))
    return (
        f"default-src 'self'; script-src 'self' {GRAPHIQL_CDN} {scripts}; "
        f"style-src 'self' {GRAPHIQL_CDN} 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        f"font-src 'self' {GRAPHIQL_CDN} data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    )


class SecurityHeadersMiddleware:
    """Sets SECURITY_HEADERS on every HTTP response. Only the content security policy may be chosen by the
    response itself (the GraphiQL page); the other headers are always these."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        def secure(headers: MutableHeaders) -> None:
            for name, value in SECURITY_HEADERS.items():
                if name != CSP or CSP not in headers:
                    headers[name] = value

        await self.app(scope, receive, on_response_start(send, secure))


def on_response_start(send: Send, change: Callable[[MutableHeaders], None]) -> Send:
    """`send`, changing the response's headers as it starts (for middlewares that add headers)."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            change(MutableHeaders(scope=message))
        await send(message)

    return sending
