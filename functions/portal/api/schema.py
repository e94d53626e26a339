"""The one GraphQL schema: it only combines the capabilities' queries and mutations."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from portal.api.centers.queries import CenterQueries
from portal.api.dossiers.mutations import DossierMutations
from portal.api.dossiers.queries import DossierQueries
from portal.api.errors import EXCEPTION_HANDLERS
from portal.api.kpis.queries import KpiQueries
from portal.api.procedures.queries import ProcedureQueries
from portal.api.units.queries import UnitQueries

MAX_DEPTH = 8
MAX_ALIASES = 15
MAX_TOKENS = 2000
# Clients send the same named operations again and again: parse and validate each document once.
DOCUMENT_CACHE_SIZE = 256


@strawberry.type
class Query(ProcedureQueries, CenterQueries, UnitQueries, DossierQueries, KpiQueries):
    pass


@strawberry.type
class Mutation(DossierMutations):
    pass


# Built once: the validation cache is keyed by the rule classes, and the limiters make new classes each time
# they are constructed - per-request limiters would make every request miss the cache.
STATIC_RULES = (
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)


class PortalValidationRules(AddValidationRules):
    """Depth and alias limits, checked (and cached with the rest of validation) before anything runs."""

    def __init__(self) -> None:
        super().__init__(list(STATIC_RULES))


class PortalSchema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        """Logging happens where errors are made public (api.app), once, with the request id."""


def build_schema(introspection: bool = True) -> strawberry.Schema:
    extensions = [
        PortalValidationRules,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return PortalSchema(query=Query, mutation=Mutation, extensions=extensions, exception_handlers=EXCEPTION_HANDLERS)
