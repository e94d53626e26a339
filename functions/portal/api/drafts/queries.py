"""Reading one's drafts (signed-in citizens, or an app filing for them)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.drafts.types import Draft
from portal.api.graphql.context import PortalContext


@strawberry.type
class DraftQueries:
    @strawberry.field(description="Your drafts not yet submitted, the most recently changed first.")
    def my_drafts(self, info: Info[PortalContext, None]) -> list[Draft]:
        ctx = info.context
        return [Draft.from_domain(d) for d in ctx.services.draft_service.mine(ctx.principal)]

    @strawberry.field(
        description="Your draft of this procedure (with the dossier it made once submitted), "
        "or a new one with its clientRequestId when there is none."
    )
    def draft(self, info: Info[PortalContext, None], procedure_code: str) -> Draft:
        ctx = info.context
        return Draft.from_domain(ctx.services.draft_service.get(ctx.principal, procedure_code))
