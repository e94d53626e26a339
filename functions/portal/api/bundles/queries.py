"""Reading bundles: a group's definition (public), one's own bundles (signed in)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.bundles.types import Bundle, BundleDefinition
from portal.api.graphql.context import PortalContext
from portal.bundles import service
from portal.bundles.questions import questions


@strawberry.type
class BundleQueries:
    @strawberry.field(description="An interlinked group: its members in order, their documents, its questions.")
    def bundle_definition(self, info: Info[PortalContext, None], code: str) -> BundleDefinition:
        ctx = info.context
        definition, procedures = ctx.services.bundle_service.definition(ctx.principal, code)
        return BundleDefinition.of(definition, procedures, questions(definition, procedures))

    @strawberry.field(description="A bundle of yours, with each member's state.")
    def bundle(self, info: Info[PortalContext, None], id: str) -> Bundle:
        ctx = info.context
        return Bundle(view=ctx.services.bundle_service.get(ctx.principal, id))

    @strawberry.field(description=f"Your bundles, newest first (at most {service.MAX_BUNDLES_LISTED}).")
    def my_bundles(self, info: Info[PortalContext, None]) -> list[Bundle]:
        ctx = info.context
        return [Bundle(view=v) for v in ctx.services.bundle_service.mine(ctx.principal)]
