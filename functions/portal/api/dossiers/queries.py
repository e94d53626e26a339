"""Following dossiers: one's own (signed in), a center's (officers), anyone's with its receipt."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.dossiers.types import Dossier, DossierConnection, DossierEdge, DossierStatus, DossierTracking
from portal.api.pagination import PageInfo
from portal.dossiers import service
from portal.identity.access import require_applicant, require_officer, require_public_read
from portal.identity.principal import Scope


@strawberry.type
class DossierQueries:
    @strawberry.field(description="A dossier of yours (citizen) or of your center (officer).")
    def dossier(self, info: Info, code: str) -> Dossier:
        ctx = info.context
        return Dossier(dossier=service.get_dossier(ctx.services.dossiers, ctx.principal, code))

    @strawberry.field(description="Follow any dossier with the code and tracking secret printed on its receipt.")
    def track_dossier(self, info: Info, code: str, tracking_secret: str) -> DossierTracking:
        ctx = info.context
        require_public_read(ctx.principal)
        return DossierTracking(
            dossier=service.track_dossier(ctx.services.dossiers, ctx.services.tracking_key(), code, tracking_secret)
        )

    @strawberry.field(description="Your dossiers, newest first.")
    def my_dossiers(self, info: Info, first: int | None = None, after: str | None = None) -> DossierConnection:
        ctx = info.context
        citizen = require_applicant(ctx.principal, Scope.DOSSIERS_READ)
        page = service.my_dossiers(ctx.services.dossiers, citizen, first, after)
        return DossierConnection(
            edges=[DossierEdge(node=Dossier(dossier=d)) for d in page.items], page_info=PageInfo.of(page.end_cursor)
        )

    @strawberry.field(
        description="Dossiers you filed for others as their authorized person, newest first (they follow them too)."
    )
    def dossiers_filed_on_behalf(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> DossierConnection:
        ctx = info.context
        citizen = require_applicant(ctx.principal, Scope.DOSSIERS_READ)
        page = service.filed_on_behalf(ctx.services.dossiers, citizen, first, after)
        return DossierConnection(
            edges=[DossierEdge(node=Dossier(dossier=d)) for d in page.items], page_info=PageInfo.of(page.end_cursor)
        )

    @strawberry.field(
        description="Officers: your center's dossiers by status, then appointment date (most urgent first)."
    )
    def center_queue(
        self, info: Info, status: DossierStatus | None = None, first: int | None = None, after: str | None = None
    ) -> DossierConnection:
        ctx = info.context
        officer = require_officer(ctx.principal)
        page = service.center_queue(ctx.services.dossiers, officer, status, first, after)
        return DossierConnection(
            edges=[DossierEdge(node=Dossier(dossier=d)) for d in page.items], page_info=PageInfo.of(page.end_cursor)
        )
