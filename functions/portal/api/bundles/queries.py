"""Reading bundles: a group's definition (public), one's own bundles (signed in)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.bundles.types import Bundle, BundleDefinition
from portal.bundles import service
from portal.bundles.questions import questions
from portal.identity.access import require_applicant, require_public_read
from portal.identity.principal import Scope


@strawberry.type
class BundleQueries:
    @strawberry.field(description="An interlinked group: its members in order, their documents, its questions.")
    def bundle_definition(self, info: Info, code: str) -> BundleDefinition:
        ctx = info.context
        require_public_read(ctx.principal)
        definition = service.get_definition(code)
        procedures = service.definition_procedures(ctx.services.catalog, definition)
        return BundleDefinition.of(definition, procedures, questions(definition, procedures))

    @strawberry.field(description="A bundle of yours, with each member's state.")
    def bundle(self, info: Info, id: str) -> Bundle:
        ctx = info.context
        return Bundle(view=service.get_bundle(ctx.services.bundles, ctx.services.dossiers, ctx.principal, id))

    @strawberry.field(description=f"Your bundles, newest first (at most {service.MAX_BUNDLES_LISTED}).")
    def my_bundles(self, info: Info) -> list[Bundle]:
        ctx = info.context
        citizen = require_applicant(ctx.principal, Scope.DOSSIERS_READ)
        return [Bundle(view=v) for v in service.my_bundles(ctx.services.bundles, ctx.services.dossiers, citizen)]
