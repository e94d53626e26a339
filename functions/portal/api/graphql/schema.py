"""The one GraphQL schema: it only combines the capabilities' queries and mutations, and the protections
every request goes through (error masking, query limits, rate limiting)."""

from __future__ import annotations

import re
from typing import Any

import strawberry
from strawberry.extensions import MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.types import ExecutionResult

from graphql import GraphQLError
from portal.api.bundles.mutations import BundleMutations
from portal.api.bundles.queries import BundleQueries
from portal.api.centers.queries import CenterQueries
from portal.api.clients.mutations import ClientMutations
from portal.api.clients.queries import ClientQueries
from portal.api.documents.mutations import DocumentMutations
from portal.api.documents.queries import DocumentQueries
from portal.api.dossiers.messages import DossierMessageMutations
from portal.api.dossiers.mutations import DossierMutations
from portal.api.dossiers.queries import DossierQueries
from portal.api.drafts.mutations import DraftMutations
from portal.api.drafts.queries import DraftQueries
from portal.api.feedback.mutations import FeedbackMutations
from portal.api.feedback.queries import FeedbackQueries
from portal.api.graphql.client_quota import ClientQuota
from portal.api.graphql.errors import EXCEPTION_HANDLERS, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE, public_error
from portal.api.graphql.limits import QueryCost, QueryLimits, StaticRules, static_rules
from portal.api.graphql.operation_metrics import OperationMetrics
from portal.api.graphql.persisted_operations import PersistedOperations
from portal.api.graphql.rate_limiting import RateLimiting
from portal.api.graphql.text_limit import TextLimit
from portal.api.kpis.queries import KpiQueries
from portal.api.kpis.service_index import ServiceIndexQueries
from portal.api.notifications.mutations import NotificationMutations
from portal.api.notifications.queries import NotificationQueries
from portal.api.payments.mutations import PaymentMutations
from portal.api.payments.queries import PaymentQueries
from portal.api.procedures.queries import ProcedureQueries
from portal.api.sync.queries import SyncQueries
from portal.api.units.queries import UnitQueries
from portal.api.webhooks.mutations import WebhookMutations
from portal.api.webhooks.queries import WebhookQueries

# Clients send the same named operations again and again: parse and validate each document once.
DOCUMENT_CACHE_SIZE = 256
HTTP_SERVICE_UNAVAILABLE = 503
# graphql-core's "Did you mean 'x'?" would spell out the schema that introspection hides.
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


@strawberry.type
class Query(
    ProcedureQueries,
    CenterQueries,
    UnitQueries,
    DossierQueries,
    KpiQueries,
    ServiceIndexQueries,
    NotificationQueries,
    PaymentQueries,
    DocumentQueries,
    ClientQueries,
    WebhookQueries,
    SyncQueries,
    DraftQueries,
    BundleQueries,
    FeedbackQueries,
):
    pass


@strawberry.type
class Mutation(
    DossierMutations,
    DossierMessageMutations,
    NotificationMutations,
    PaymentMutations,
    DocumentMutations,
    ClientMutations,
    WebhookMutations,
    DraftMutations,
    BundleMutations,
    FeedbackMutations,
):
    pass


class PortalSchema(strawberry.Schema):
    def __init__(self, *args: Any, suggestions: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._suggestions = suggestions

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        """Every error leaves through public_error, including one raised by an extension or a validation rule
        (strawberry answers those with the exception's text, outside any extension's reach)."""
        result = await super().execute(*args, **kwargs)
        if result.errors:
            result.errors = [public_error(e) for e in result.errors]
            if not self._suggestions:
                result.errors = [_without_suggestions(e) for e in result.errors]
            if any((e.extensions or {}).get("code") == SERVICE_UNAVAILABLE for e in result.errors):
                _answer_unavailable(kwargs.get("context_value", args[2] if len(args) > 2 else None))
        return result

    def process_errors(self, errors, execution_context=None) -> None:
        """Logging happens in public_error, once, with the request id; strawberry's own logger stays quiet."""


def _without_suggestions(error: GraphQLError) -> GraphQLError:
    message = _SUGGESTION.sub("", error.message)
    if message == error.message:
        return error
    return GraphQLError(message, error.nodes, error.source, error.positions, error.path, extensions=error.extensions)


def _answer_unavailable(context: Any) -> None:
    """HTTP 503 and Retry-After: clients and CloudFront read the status, not the body, to decide to retry."""
    response = getattr(context, "response", None)
    if response is not None:
        response.status_code = HTTP_SERVICE_UNAVAILABLE
        response.headers["retry-after"] = str(RETRY_AFTER_SECONDS)


def build_schema(
    introspection: bool = True, limits: QueryLimits | None = None, persisted_only: bool = False
) -> strawberry.Schema:
    limits = limits or QueryLimits()
    rules = static_rules(limits, introspection)  # built once: the validation cache is keyed by these classes
    extensions = [
        lambda: PersistedOperations(required=persisted_only),  # first: an unregistered text is not even parsed
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: StaticRules(rules),
        lambda: QueryCost(limits.max_cost),  # prices the validated document with this request's variables
        TextLimit,  # no text longer than the longest input takes, whatever field it is in
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
        RateLimiting,  # after validation: a refused query costs no counter write either
        OperationMetrics,  # latency and errors per root field (EMF, in Lambda only)
        ClientQuota,  # a registered client's own limits (per minute and per day)
    ]
    return PortalSchema(
        query=Query,
        mutation=Mutation,
        extensions=extensions,
        exception_handlers=EXCEPTION_HANDLERS,
        suggestions=introspection,  # off with introspection: no schema spelled out in errors either
    )
