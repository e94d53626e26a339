"""Administrative units and address resolution: public, no sign-in needed."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.api.units.types import (
    AddressResolution,
    Commune,
    CommuneConnection,
    CommuneEdge,
    Province,
    ReferenceDataset,
)


@strawberry.type
class UnitQueries:
    @strawberry.field(description="The 34 provinces and centrally-run cities in force since 1 July 2025.")
    def provinces(self, info: Info[PortalContext, None]) -> list[Province]:
        return [Province.from_domain(p) for p in info.context.services.public_units.provinces(info.context.principal)]

    @strawberry.field(description="The communes, wards and special zones of one province, in code order.")
    def communes(
        self, info: Info[PortalContext, None], province_code: str, first: int | None = None, after: str | None = None
    ) -> CommuneConnection:
        page = info.context.services.public_units.communes(info.context.principal, province_code, first, after)
        return CommuneConnection(
            edges=[CommuneEdge(node=Commune.from_domain(c)) for c in page.items],
            page_info=PageInfo.of(page.end_cursor),
            total_count=page.total or 0,
        )

    @strawberry.field(
        description="Today's province and commune for an address typed in the old (pre-2025) or new form, "
        "with or without accents and abbreviations. Every candidate when an old commune was split."
    )
    def resolve_address(
        self,
        info: Info[PortalContext, None],
        text: Annotated[str, strawberry.argument(description="At most 300 characters.")],
    ) -> AddressResolution:
        return AddressResolution.from_domain(
            info.context.services.public_units.resolve_address(info.context.principal, text)
        )

    @strawberry.field(description="The datasets (name and version) the administrative units come from.")
    def reference_datasets(self, info: Info[PortalContext, None]) -> list[ReferenceDataset]:
        return [
            ReferenceDataset.from_domain(d) for d in info.context.services.public_units.datasets(info.context.principal)
        ]
