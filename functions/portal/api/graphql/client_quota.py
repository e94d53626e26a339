"""Registered clients' own limits (per minute and per day, set at registration): a schema extension that
counts every request of a registered client and answers RATE_LIMITED (HTTP 429, Retry-After) past them.
Every answer to such a client carries the RateLimit-* headers, so it can pace itself."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension

from graphql import ExecutionResult, GraphQLError
from portal.api.graphql.rate_limiting import HTTP_TOO_MANY_REQUESTS
from portal.clients import quota
from portal.errors import RateLimited
from portal.identity.principal import App

EXPIRY_GRACE_SECONDS = 60


class ClientQuota(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        principal = context.known_principal
        services = context.services
        if execution.result is not None or not isinstance(principal, App) or not principal.registered:
            yield
            return
        client = services.clients.lookup(principal.client_id)
        now = services.clock.now()
        windows = quota.windows(principal.client_id, client.limits, now) if client else []

        def count() -> list[quota.QuotaState]:
            return [
                quota.QuotaState(w, services.rate_counters.increment(w.key, w.resets_at + EXPIRY_GRACE_SECONDS))
                for w in windows
            ]

        states = await asyncio.to_thread(count) if windows else []
        if states and context.response is not None:
            context.response.headers.update(quota.headers(states, now.timestamp()))
        over = [s for s in states if s.exceeded]
        if over:
            retry_after = max(s.window.reset_in(now.timestamp()) for s in over)
            refusal = RateLimited(
                f"Ứng dụng đã dùng hết hạn mức ({over[0].window.limit} yêu cầu mỗi "
                f"{'phút' if over[0].window.name == 'minute' else 'ngày'}).",
                f"The client used up its limit ({over[0].window.limit} requests per {over[0].window.name}).",
                retry_after=retry_after,
            )
            if context.response is not None:
                context.response.status_code = HTTP_TOO_MANY_REQUESTS
            execution.result = ExecutionResult(
                data=None, errors=[GraphQLError(refusal.message, original_error=refusal)]
            )
        yield
