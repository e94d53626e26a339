"""Procedure lookup: public, no sign-in needed."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.api.procedures.browsing import CatalogGroup, LifeEvent
from portal.api.procedures.types import (
    Procedure,
    ProcedureConnection,
    ProcedureEdge,
    ProcedureFilterInput,
)
from portal.input_limits import LIMITS
from portal.procedures import service


@strawberry.type
class ProcedureQueries:
    @strawberry.field(description="Search or list the national catalog. Accents and case do not matter.")
    def procedures(
        self,
        info: Info[PortalContext, None],
        search: Annotated[
            str | None,
            strawberry.argument(
                description=f"At most {LIMITS['search']} characters and {LIMITS['searchWords']} words."
            ),
        ] = None,
        filter: ProcedureFilterInput | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> ProcedureConnection:
        ctx = info.context
        f = filter or ProcedureFilterInput()
        page = ctx.services.public_catalog.search(
            ctx.principal,
            search,
            service.ProcedureFilter(
                field=f.field,
                level=f.level,
                online_level=f.online_level,
                agency=f.agency,
                province_code=f.province_code,
            ),
            first,
            after,
        )
        return ProcedureConnection(
            edges=[
                ProcedureEdge(node=Procedure.from_summary(h.procedure), score=round(h.score, 4)) for h in page.items
            ],
            page_info=PageInfo.of(page.end_cursor),
            total_count=page.total or 0,
        )

    @strawberry.field(description="One procedure by its national code, e.g. 1.001193.")
    def procedure(self, info: Info[PortalContext, None], code: str) -> Procedure:
        return Procedure.from_domain(info.context.services.public_catalog.get(info.context.principal, code))

    @strawberry.field(description="The fields (lĩnh vực) of the catalog, for filters.")
    def procedure_fields(self, info: Info[PortalContext, None]) -> list[str]:
        return info.context.services.public_catalog.fields(info.context.principal)

    @strawberry.field(
        description="The fields of the national catalog with how many procedures each lists, the largest first: "
        "browsing by field (filter.field takes the name)."
    )
    def procedure_field_counts(self, info: Info[PortalContext, None]) -> list[CatalogGroup]:
        groups = info.context.services.public_catalog.fields_with_counts(info.context.principal)
        return [CatalogGroup.from_domain(g) for g in groups]

    @strawberry.field(
        description="The agencies of the national catalog that name one body, with how many procedures name it "
        "(alone or in a list), the largest first: browsing by agency (filter.agency takes the name)."
    )
    def procedure_agency_counts(self, info: Info[PortalContext, None]) -> list[CatalogGroup]:
        groups = info.context.services.public_catalog.agencies_with_counts(info.context.principal)
        return [CatalogGroup.from_domain(g) for g in groups]

    @strawberry.field(description="Browse by life event: a child is born, someone died, building a house, ...")
    def life_events(self, info: Info[PortalContext, None]) -> list[LifeEvent]:
        return [
            LifeEvent(
                id=e.id, name=e.name, name_en=e.name_en, procedures=[Procedure.from_summary(p) for p in procedures]
            )
            for e, procedures in info.context.services.public_catalog.life_events(info.context.principal)
        ]
