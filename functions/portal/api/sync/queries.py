"""Incremental sync for third-party clients (portal.dossiers.sync)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from portal.api.dossiers.types import Dossier, DossierConnection, DossierEdge
from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.api.sync.types import DossierRemoval, DossierRemovalConnection, DossierRemovalEdge
from portal.dossiers import sync


@strawberry.type
class SyncQueries:
    @strawberry.field(
        description=(
            "Apps: the dossiers in your view (your center's, or the citizen's you read for) changed at or after "
            "updatedSince, oldest change first. Pass the last updatedAt you saw next time."
        )
    )
    def dossier_changes(
        self,
        info: Info[PortalContext, None],
        updated_since: datetime,
        first: int | None = None,
        after: str | None = None,
    ) -> DossierConnection:
        ctx = info.context
        s = ctx.services
        page = sync.dossier_changes(s.dossiers, ctx.principal, updated_since, s.clock.now(), first, after)
        return DossierConnection(
            edges=[DossierEdge(node=Dossier(dossier=d)) for d in page.items], page_info=PageInfo.of(page.end_cursor)
        )

    @strawberry.field(
        description=(
            "Apps: the dossiers that left your view at or after removedSince (your procedure list was narrowed): "
            "delete your copies. Ask with the same time you pass to dossierChanges."
        )
    )
    def dossier_removals(
        self,
        info: Info[PortalContext, None],
        removed_since: datetime,
        first: int | None = None,
        after: str | None = None,
    ) -> DossierRemovalConnection:
        ctx = info.context
        s = ctx.services
        page = sync.dossier_removals(s.dossiers, s.clients, ctx.principal, removed_since, s.clock.now(), first, after)
        edges = [
            DossierRemovalEdge(node=DossierRemoval(code=r.code, removed_at=r.removed_at, reason=r.reason))
            for r in page.items
        ]
        return DossierRemovalConnection(edges=edges, page_info=PageInfo.of(page.end_cursor))
