"""Reading one's drafts (signed-in citizens, or an app filing for them)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.drafts.types import Draft
from portal.drafts import service
from portal.identity.access import require_draft_owner


@strawberry.type
class DraftQueries:
    @strawberry.field(description="Your drafts not yet submitted, the most recently changed first.")
    def my_drafts(self, info: Info) -> list[Draft]:
        ctx = info.context
        citizen = require_draft_owner(ctx.principal)
        s = ctx.services
        return [Draft.from_domain(d) for d in service.my_drafts(s.drafts, s.dossiers, s.clock, citizen)]

    @strawberry.field(
        description="Your draft of this procedure (with the dossier it made once submitted), "
        "or a new one with its clientRequestId when there is none."
    )
    def draft(self, info: Info, procedure_code: str) -> Draft:
        ctx = info.context
        citizen = require_draft_owner(ctx.principal)
        s = ctx.services
        return Draft.from_domain(service.get_draft(s.drafts, s.dossiers, s.catalog, s.clock, citizen, procedure_code))
