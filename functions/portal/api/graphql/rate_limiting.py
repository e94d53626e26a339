"""The API's own rate limit: a schema extension that counts each request that passed validation in the
RateLimits table, a query by its cost (ratelimit/policy.py's weight: a costly query counts for more),
and answers RATE_LIMITED (HTTP 429, Retry-After) past the limit.

It runs after validation on purpose: a refused query (too deep, too costly...) costs no DynamoDB write.
A mutation is counted before it runs: past the limit it never runs. A query changes nothing, so it runs
while its counters are incremented and its answer is replaced by RATE_LIMITED past the limit: the client
sees the same, and the counting does not add its latency to every read. Once refused, a client or
address is refused at once by this container until its window ends: a flood past the limit runs nothing.
When the counters cannot be reached (DynamoDB down or throttling) the request is admitted uncounted: what
it needs from DynamoDB then fails on its own (503), and what does not (the in-memory catalog) still works.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from graphql import ExecutionResult, GraphQLError
from portal.errors import RateLimited
from portal.observability import emit, logger
from portal.ratelimit.policy import RequestKind, client_of, weight
from portal.ratelimit.service import admit, already_refused
from portal.store.availability import engine_unavailable

HTTP_TOO_MANY_REQUESTS = 429


class RateLimiting(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        services = context.services
        if not services.rate_limits.enabled or execution.result is not None:  # off, or already refused
            yield
            return
        kind = RequestKind.WRITE if execution.operation_type is OperationType.MUTATION else RequestKind.READ
        client, address, now = client_of(context.known_principal), context.client_address, services.clock.now()
        refusal = already_refused(services.rate_refusals, services.rate_limits, now, kind, client, address)
        if refusal is not None:
            execution.result = _refused(refusal, context)
            yield
            return
        # In a worker thread, submitted now: the query's resolvers are synchronous and would not let a
        # coroutine start until they are done (the event loop only regains control after execution).
        amount = weight(kind, getattr(context, "query_cost", 0))  # a costly query counts for the work it asks
        counting = asyncio.get_running_loop().run_in_executor(
            None,
            functools.partial(
                admit,
                services.rate_counters,
                services.rate_limits,
                now,
                kind,
                client,
                address,
                services.rate_refusals,
                amount,
            ),
        )
        if kind is RequestKind.WRITE:
            refusal = await _refusal(counting)
            if refusal is not None:
                execution.result = _refused(refusal, context)
            yield
            return
        yield  # the query runs meanwhile
        refusal = await _refusal(counting)
        if refusal is not None and execution.result is not None:
            # the answer computed meanwhile is dropped: it is replaced in place (strawberry returns this object)
            refused = _refused(refusal, context)
            execution.result.data, execution.result.errors = refused.data, refused.errors


async def _refusal(counting: asyncio.Future) -> RateLimited | None:
    try:
        await counting
    except RateLimited as refusal:
        return refusal
    except Exception as error:
        if not engine_unavailable(error):
            raise
        logger.warning(
            "rate-limit counters unreachable: request admitted uncounted",
            extra={"error": f"{type(error).__name__}: {error}"[:500]},
        )
    return None


def _refused(refusal: RateLimited, context: Any) -> ExecutionResult:
    emit("RateLimitRefusals")
    if context.response is not None:
        context.response.status_code = HTTP_TOO_MANY_REQUESTS
        context.response.headers["retry-after"] = str(refusal.retry_after)
    return ExecutionResult(data=None, errors=[GraphQLError(refusal.message, original_error=refusal)])
