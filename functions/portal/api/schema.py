"""The one GraphQL schema: it only combines the capabilities' queries and mutations."""

from __future__ import annotations

import strawberry
from strawberry.extensions import DisableIntrospection, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from portal.api.centers.queries import CenterQueries
from portal.api.dossiers.mutations import DossierMutations
from portal.api.dossiers.queries import DossierQueries
from portal.api.errors import EXCEPTION_HANDLERS, PublicErrors
from portal.api.procedures.queries import ProcedureQueries
from portal.api.units.queries import UnitQueries

MAX_DEPTH = 8
MAX_ALIASES = 15
MAX_TOKENS = 2000


@strawberry.type
class Query(ProcedureQueries, CenterQueries, UnitQueries, DossierQueries):
    pass


@strawberry.type
class Mutation(DossierMutations):
    pass


class PortalSchema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        """Logging happens in PublicErrors, once, with the request id; strawberry's own logger stays quiet."""


def build_schema(introspection: bool = True) -> strawberry.Schema:
    extensions = [
        PublicErrors,
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return PortalSchema(query=Query, mutation=Mutation, extensions=extensions, exception_handlers=EXCEPTION_HANDLERS)
