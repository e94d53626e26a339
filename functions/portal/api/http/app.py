"""The ASGI application, the same in Lambda (through Mangum) and on the local server (uvicorn)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Sequence
from pathlib import Path

from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.types.unset import UNSET

from portal.api.graphql.context import PortalContext
from portal.api.graphql.limits import QueryLimits
from portal.api.graphql.schema import build_schema
from portal.api.http.client_address import client_address
from portal.api.http.protection.body import BAD_REQUEST, BodyGuard
from portal.api.http.protection.origin import OriginGuard, passed_cloudfront
from portal.api.http.protection.responses import error_body
from portal.api.http.security_headers import CSP, SecurityHeadersMiddleware, graphiql_csp, on_response_start
from portal.bootstrap import Services, default_services, payment_service
from portal.config import settings
from portal.observability import logger, request_id_var
from portal.payments.notification_answer import PATH as NOTIFY_PATH
from portal.payments.notification_answer import answer as answer_payment_notification
from portal.payments.notifications import SIGNATURE_HEADER

GRAPHQL_PATH = "/graphql"


class PortalGraphQL(GraphQL):
    def __init__(self, services: Services | None, origin_secret: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._services = services
        self._origin_secret = origin_secret

    async def get_context(self, request: Request, response: Response) -> PortalContext:  # type: ignore[override]
        services = self._services or default_services()
        context = PortalContext(
            services=services,
            request_id=request_id_var.get(),
            authorization=request.headers.get("authorization"),
            client_address=client_address(
                request.scope,
                request.headers,
                services.client_ip_header,
                via_cloudfront=passed_cloudfront(request.headers, self._origin_secret),
            ),
            response=response,
        )
        if context.authorization:
            await context.authenticate()
        return context

    async def run(self, request, context=UNSET, root_value=UNSET):  # type: ignore[override]
        """strawberry refuses some requests as plain text (a query sent by GET, an unknown operationName, no
        query): they get the GraphQL error shape every other refusal has."""
        try:
            return await super().run(request, context, root_value)
        except HTTPException as refusal:
            return Response(
                error_body(BAD_REQUEST if refusal.status_code == 400 else "REQUEST_REFUSED", *_why(refusal)),
                status_code=refusal.status_code,
                media_type="application/json",
                headers={"allow": "POST"} if refusal.status_code == 405 else None,
            )

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        """GraphiQL needs its CDN and its inline script: its page carries its own, looser policy."""
        html = self.graphql_ide_html
        return HTMLResponse(html, headers={CSP: graphiql_csp(html)})

    def encode_json(self, data: object) -> str:
        """UTF-8 as is: Vietnamese text escaped as \\uXXXX would be two to three times larger on the wire."""
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _why(refusal: HTTPException) -> tuple[str, str]:
    """The refusal's reason in Vietnamese and English (strawberry's own words kept in English)."""
    reason = str(refusal.reason)
    if "not allowed when using GET" in reason or "only supports GET and POST" in reason:
        return "Chỉ nhận truy vấn gửi bằng POST.", "Queries are accepted by POST only."
    if "operation" in reason.lower():
        return f"Không tìm thấy thao tác được yêu cầu (operationName): {reason}", reason
    return f"Yêu cầu không hợp lệ: {reason}", reason


def _request_id(scope: Scope) -> str:
    event = scope.get("aws.event") or {}
    from_gateway = (event.get("requestContext") or {}).get("requestId")
    return from_gateway or str(uuid.uuid4())


class RequestIdMiddleware:
    """One id per request: API Gateway's in Lambda, a new UUID locally. Logged, and returned as x-request-id."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        token = request_id_var.set(request_id)

        def identify(headers: MutableHeaders) -> None:
            headers["x-request-id"] = request_id

        try:
            await self.app(scope, receive, on_response_start(send, identify))
        finally:
            request_id_var.reset(token)


def _answer_notification(services: Services, body: bytes, signature: str | None) -> tuple[int, dict[str, str]]:
    return answer_payment_notification(payment_service(services), body, signature)


def payment_notification_route(services: Services | None) -> Route:
    """The provider's notifications (in AWS they reach a function of their own: entrypoints/payment_notification)."""

    async def notify(request: Request) -> Response:
        body = await request.body()
        status, answer = await asyncio.to_thread(
            _answer_notification, services or default_services(), body, request.headers.get(SIGNATURE_HEADER)
        )
        return Response(json.dumps(answer), status_code=status, media_type="application/json")

    return Route(NOTIFY_PATH, notify, methods=["POST"])


def create_app(
    services: Services | None = None,
    static_dir: Path | None = None,
    extra_routes: Sequence[BaseRoute] = (),
    introspection: bool | None = None,
    query_limits: QueryLimits | None = None,
    origin_secret: str | None = None,
    persisted_only: bool | None = None,
) -> ASGIApp:
    """The GraphQL API at /graphql; with `static_dir`, the static site at / (locally; CloudFront does it in AWS).

    `introspection` defaults to the stage's setting (off in prod); GraphiQL is served only when it is on.
    `origin_secret` (default: ORIGIN_SECRET) is the header value CloudFront adds (api/http/protection/origin.py).
    """
    config = settings()
    introspection = config.introspection if introspection is None else introspection
    origin_secret = config.origin_secret if origin_secret is None else origin_secret
    persisted_only = config.persisted_operations_only if persisted_only is None else persisted_only
    graphql = PortalGraphQL(
        services,
        origin_secret=origin_secret,
        schema=build_schema(introspection=introspection, limits=query_limits, persisted_only=persisted_only),
        graphql_ide="graphiql" if introspection else None,
        allow_queries_via_get=False,  # GET would let a link trigger queries and leak them in logs
    )
    routes: list[BaseRoute] = [
        Route(GRAPHQL_PATH, graphql, methods=["GET", "POST"]),
        payment_notification_route(services),
        *extra_routes,
    ]
    if static_dir is not None:
        routes.append(Mount("/", StaticFiles(directory=static_dir, html=True)))
    app = Starlette(routes=routes)
    logger.debug("app created", extra={"stage": config.stage})
    protected = OriginGuard(BodyGuard(app, GRAPHQL_PATH), origin_secret)
    return RequestIdMiddleware(SecurityHeadersMiddleware(protected))
