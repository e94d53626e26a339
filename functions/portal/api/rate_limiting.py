"""The API's own rate limit: a schema extension that counts each request that passed validation in the
RateLimits table and answers RATE_LIMITED (HTTP 429, Retry-After) past the limit, before any resolver.

It runs after validation on purpose: a refused query (too deep, too costly...) costs no DynamoDB write.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from graphql import ExecutionResult, GraphQLError
from portal.errors import RateLimited
from portal.ratelimit.policy import RequestKind, client_of
from portal.ratelimit.service import admit

HTTP_TOO_MANY_REQUESTS = 429


class RateLimiting(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        services = context.services
        if services.rate_limits.enabled and execution.result is None:  # not already refused (e.g. too costly)
            kind = RequestKind.WRITE if execution.operation_type is OperationType.MUTATION else RequestKind.READ
            try:
                # pynamodb is synchronous: keep the event loop free for other requests (local server).
                await asyncio.to_thread(
                    admit,
                    services.rate_counters,
                    services.rate_limits,
                    services.clock.now(),
                    kind,
                    client_of(context.known_principal),
                    context.client_address,
                )
            except RateLimited as refusal:
                execution.result = ExecutionResult(
                    data=None, errors=[GraphQLError(refusal.message, original_error=refusal)]
                )
                if context.response is not None:
                    context.response.status_code = HTTP_TOO_MANY_REQUESTS
                    context.response.headers["retry-after"] = str(refusal.retry_after)
        yield
