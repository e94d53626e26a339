"""Following dossiers: one's own (signed in), a center's (officers), anyone's with its receipt."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.dossiers.types import Dossier, DossierConnection, DossierEdge, DossierStatus, DossierTracking
from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo


@strawberry.type
class DossierQueries:
    @strawberry.field(description="A dossier of yours (citizen) or of your center (officer).")
    def dossier(self, info: Info[PortalContext, None], code: str) -> Dossier:
        ctx = info.context
        return Dossier(dossier=ctx.services.following.get(ctx.principal, code))

    @strawberry.field(description="Follow any dossier with the code and tracking secret printed on its receipt.")
    def track_dossier(self, info: Info[PortalContext, None], code: str, tracking_secret: str) -> DossierTracking:
        ctx = info.context
        return DossierTracking(dossier=ctx.services.following.track(ctx.principal, code, tracking_secret))

    @strawberry.field(description="Your dossiers, newest first.")
    def my_dossiers(
        self, info: Info[PortalContext, None], first: int | None = None, after: str | None = None
    ) -> DossierConnection:
        ctx = info.context
        page = ctx.services.following.mine(ctx.principal, first, after)
        return DossierConnection(
            edges=[DossierEdge(node=Dossier(dossier=d)) for d in page.items], page_info=PageInfo.of(page.end_cursor)
        )

    @strawberry.field(
        description="Dossiers you filed for others as their authorized person, newest first (they follow them too)."
    )
    def dossiers_filed_on_behalf(
        self, info: Info[PortalContext, None], first: int | None = None, after: str | None = None
    ) -> DossierConnection:
        ctx = info.context
        page = ctx.services.following.filed_on_behalf(ctx.principal, first, after)
        return DossierConnection(
            edges=[DossierEdge(node=Dossier(dossier=d)) for d in page.items], page_info=PageInfo.of(page.end_cursor)
        )

    @strawberry.field(
        description="Officers: your center's dossiers by status, then appointment date (most urgent first)."
    )
    def center_queue(
        self,
        info: Info[PortalContext, None],
        status: DossierStatus | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> DossierConnection:
        ctx = info.context
        page = ctx.services.following.center_queue(ctx.principal, status, first, after)
        return DossierConnection(
            edges=[DossierEdge(node=Dossier(dossier=d)) for d in page.items], page_info=PageInfo.of(page.end_cursor)
        )
