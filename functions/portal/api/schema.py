"""The one GraphQL schema: it only combines the capabilities' queries and mutations, and the protections
every request goes through (error masking, query limits, rate limiting)."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.extensions import MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.types import ExecutionResult

from portal.api.centers.queries import CenterQueries
from portal.api.dossiers.mutations import DossierMutations
from portal.api.dossiers.queries import DossierQueries
from portal.api.drafts.mutations import DraftMutations
from portal.api.drafts.queries import DraftQueries
from portal.api.errors import EXCEPTION_HANDLERS, public_error
from portal.api.kpis.queries import KpiQueries
from portal.api.limits import QueryCost, QueryLimits, StaticRules, static_rules
from portal.api.procedures.queries import ProcedureQueries
from portal.api.rate_limiting import RateLimiting
from portal.api.units.queries import UnitQueries

# Clients send the same named operations again and again: parse and validate each document once.
DOCUMENT_CACHE_SIZE = 256


@strawberry.type
class Query(ProcedureQueries, CenterQueries, UnitQueries, DossierQueries, KpiQueries, DraftQueries):
    pass


@strawberry.type
class Mutation(DossierMutations, DraftMutations):
    pass


class PortalSchema(strawberry.Schema):
    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        """Every error leaves through public_error, including one raised by an extension or a validation rule
        (strawberry answers those with the exception's text, outside any extension's reach)."""
        result = await super().execute(*args, **kwargs)
        if result.errors:
            result.errors = [public_error(e) for e in result.errors]
        return result

    def process_errors(self, errors, execution_context=None) -> None:
        """Logging happens in public_error, once, with the request id; strawberry's own logger stays quiet."""


def build_schema(introspection: bool = True, limits: QueryLimits | None = None) -> strawberry.Schema:
    limits = limits or QueryLimits()
    rules = static_rules(limits, introspection)  # built once: the validation cache is keyed by these classes
    extensions = [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: StaticRules(rules),
        lambda: QueryCost(limits.max_cost),  # prices the validated document with this request's variables
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
        RateLimiting,  # after validation: a refused query costs no counter write either
    ]
    return PortalSchema(query=Query, mutation=Mutation, extensions=extensions, exception_handlers=EXCEPTION_HANDLERS)
