"""The local server's app: the portal's ASGI app, the static site, and the local identity provider."""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote

import uvicorn
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp

from infra.dev_issuer import DevIssuer
from infra.local_env import DEV_ISSUER_PATH, ROOT
from infra.site_build import VersionedSite
from portal.api.http.app import create_app
from portal.bootstrap import Services, default_services
from portal.errors import NotAuthenticated

FRONTEND = ROOT / "frontend"
ROLES = {"citizen", "officer", "admin"}


# Where to go after signing in: a route of the site (#/...), never another address - an open redirect
# on a sign-in page is a phishing tool.
_ROUTE = re.compile(r"^#/[A-Za-z0-9/._~?=&%+-]*$")


def _safe_route(target: str | None) -> str:
    return target if target and _ROUTE.match(target) else "#/"


MAX_TOKEN_REQUEST_BYTES = 4096


def _client_credentials(request: Request, form: dict[str, list[str]]) -> tuple[str, str]:
    """client_id and client_secret from HTTP Basic (RFC 6749 2.3.1) or the form body."""
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "basic":
        try:
            client_id, _, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return "", ""
        return unquote(client_id), unquote(secret)
    return (form.get("client_id") or [""])[0], (form.get("client_secret") or [""])[0]


def dev_issuer_routes(issuer: DevIssuer, services: Services | None = None) -> list[Route]:
    async def token(request: Request) -> Response:
        """OAuth 2 client credentials (RFC 6749 4.4), checked against the portal's client registry; in AWS
        the issuer the template configures does this."""
        body = await request.body()
        if len(body) > MAX_TOKEN_REQUEST_BYTES:
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        form = parse_qs(body.decode("utf-8", "replace"))
        if (form.get("grant_type") or [""])[0] != "client_credentials":
            return JSONResponse({"error": "unsupported_grant_type"}, status_code=400)
        client_id, secret = _client_credentials(request, form)
        registry = (services or default_services()).clients
        address = request.client.host if request.client else None
        try:
            client = registry.authenticate(client_id, secret, address)
        except NotAuthenticated:
            return JSONResponse(
                {"error": "invalid_client"}, status_code=401, headers={"www-authenticate": 'Basic realm="portal"'}
            )
        from portal.clients.rules import TOKEN_SECONDS, token_claims

        claims = token_claims(client, (form.get("scope") or [""])[0])
        access_token = issuer.mint(claims, seconds=TOKEN_SECONDS)
        return JSONResponse(
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": TOKEN_SECONDS,
                "scope": claims["scope"],
            },
            headers={"cache-control": "no-store"},
        )

    async def jwks(_: Request) -> Response:
        return JSONResponse(issuer.jwks(), headers={"cache-control": "max-age=300"})

    async def sign_in(request: Request) -> Response:
        """Stands in for the national identity provider's sign-in: returns to the site with a token."""
        role = request.query_params.get("role", "citizen")
        if role not in ROLES:
            return JSONResponse({"error": f"role must be one of {sorted(ROLES)}"}, status_code=400)
        token = issuer.mint_for(role, center_id=request.query_params.get("center", "hcc-01"))
        route = _safe_route(request.query_params.get("next"))
        return RedirectResponse(f"/#access_token={quote(token)}&next={quote(route, safe='')}", status_code=303)

    return [
        Route(f"{DEV_ISSUER_PATH}/jwks.json", jwks),
        Route(f"{DEV_ISSUER_PATH}/sign-in", sign_in),
        Route(f"{DEV_ISSUER_PATH}/token", token, methods=["POST"]),
    ]


def server_config(app: ASGIApp, port: int, log_level: str = "warning") -> uvicorn.Config:
    """How every local server runs (make dev, the tests' servers): on loopback, and with uvicorn's proxy
    headers off. uvicorn trusts X-Forwarded-For from 127.0.0.1 by default, so any local client could name
    its own address and step around the per-address limit and a client's IP allow-list: the socket's peer
    is the address (CloudFront's viewer address in AWS, api/client_address.py)."""
    return uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level=log_level,
        server_header=False,
        proxy_headers=False,
        forwarded_allow_ips="",
    )


MAX_UPLOAD_BODY = 11 * 1024 * 1024  # a 10 MB file and its form fields


def storage_routes() -> list[Route]:
    """POST /storage -> the local S3 gateway's bucket, as CloudFront's /storage behavior does in AWS: the
    browser posts its presigned form to the site's own address (connect-src 'self'); the storage checks the
    policy and its signature, this route only carries the bytes."""
    import asyncio
    import urllib.error
    import urllib.request

    from portal.config import settings

    async def upload(request: Request) -> Response:
        storage = settings().storage
        if not storage.endpoint or not storage.bucket:
            return JSONResponse({"error": "no local storage configured"}, status_code=503)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_UPLOAD_BODY:
                return Response("EntityTooLarge", status_code=400)
        forwarded = urllib.request.Request(  # noqa: S310 - the configured local endpoint
            f"{storage.endpoint}/{storage.bucket}",
            data=bytes(body),
            method="POST",
            headers={"content-type": request.headers.get("content-type", "")},
        )

        def send() -> tuple[int, bytes, str]:
            try:
                with urllib.request.urlopen(forwarded, timeout=30) as answer:  # noqa: S310
                    return answer.status, answer.read(), answer.headers.get("content-type", "")
            except urllib.error.HTTPError as refused:
                return refused.code, refused.read(), refused.headers.get("content-type", "")
            except OSError:
                return 503, b"storage is not answering", "text/plain"

        status, content, content_type = await asyncio.to_thread(send)
        return Response(content, status_code=status, media_type=content_type or None)

    return [Route("/storage", upload, methods=["POST"])]


def create_local_app(
    issuer: DevIssuer, services: Services | None = None, static_dir: Path | None = FRONTEND
) -> ASGIApp:
    """The site is served as CloudFront serves it: versioned modules cached for a year (infra/site_build.py)."""
    site = [Mount("/", VersionedSite(static_dir))] if static_dir is not None else []
    return create_app(services=services, extra_routes=[*dev_issuer_routes(issuer, services), *storage_routes(), *site])
