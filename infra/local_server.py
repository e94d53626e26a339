"""The local server's app: the portal's ASGI app, the static site, and the local identity provider."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp

from infra.dev_issuer import DevIssuer
from infra.local_env import DEV_ISSUER_PATH, ROOT
from infra.site_build import VersionedSite
from portal.api.app import create_app
from portal.api.dependencies import Services

FRONTEND = ROOT / "frontend"
ROLES = {"citizen", "officer", "admin"}


# Where to go after signing in: a route of the site (#/...), never another address - an open redirect
# on a sign-in page is a phishing tool.
_ROUTE = re.compile(r"^#/[A-Za-z0-9/._~?=&%+-]*$")


def _safe_route(target: str | None) -> str:
    return target if target and _ROUTE.match(target) else "#/"


def dev_issuer_routes(issuer: DevIssuer) -> list[Route]:
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
    ]


def create_local_app(
    issuer: DevIssuer, services: Services | None = None, static_dir: Path | None = FRONTEND
) -> ASGIApp:
    """The site is served as CloudFront serves it: versioned modules cached for a year (infra/site_build.py)."""
    site = [Mount("/", VersionedSite(static_dir))] if static_dir is not None else []
    return create_app(services=services, extra_routes=[*dev_issuer_routes(issuer), *site])
