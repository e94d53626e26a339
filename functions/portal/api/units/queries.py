"""Administrative units and address resolution: public, no sign-in needed."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.pagination import PageInfo
from portal.api.units.types import (
    AddressResolution,
    Commune,
    CommuneConnection,
    CommuneEdge,
    Province,
    ReferenceDataset,
)
from portal.identity.access import require_public_read
from portal.units import service


@strawberry.type
class UnitQueries:
    @strawberry.field(description="The 34 provinces and centrally-run cities in force since 1 July 2025.")
    def provinces(self, info: Info) -> list[Province]:
        require_public_read(info.context.principal)
        return [Province.from_domain(p) for p in service.list_provinces(info.context.services.units)]

    @strawberry.field(description="The communes, wards and special zones of one province, in code order.")
    def communes(
        self, info: Info, province_code: str, first: int | None = None, after: str | None = None
    ) -> CommuneConnection:
        require_public_read(info.context.principal)
        page = service.list_communes(info.context.services.units, province_code, first, after)
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
        self, info: Info, text: Annotated[str, strawberry.argument(description="At most 300 characters.")]
    ) -> AddressResolution:
        require_public_read(info.context.principal)
        return AddressResolution.from_domain(service.resolve_address(info.context.services.units, text))

    @strawberry.field(description="The datasets (name and version) the administrative units come from.")
    def reference_datasets(self, info: Info) -> list[ReferenceDataset]:
        require_public_read(info.context.principal)
        return [ReferenceDataset.from_domain(d) for d in service.reference_datasets(info.context.services.units)]
