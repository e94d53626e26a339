"""Procedure lookup: public, no sign-in needed."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.pagination import PageInfo
from portal.api.procedures.types import (
    LifeEvent,
    Procedure,
    ProcedureConnection,
    ProcedureEdge,
    ProcedureFilterInput,
)
from portal.identity.access import require_public_read
from portal.input_limits import LIMITS
from portal.procedures import service


@strawberry.type
class ProcedureQueries:
    @strawberry.field(description="Search or list the national catalog. Accents and case do not matter.")
    def procedures(
        self,
        info: Info,
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
        require_public_read(ctx.principal)
        f = filter or ProcedureFilterInput()
        page = service.search_procedures(
            ctx.services.catalog,
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
    def procedure(self, info: Info, code: str) -> Procedure:
        require_public_read(info.context.principal)
        return Procedure.from_domain(service.get_procedure(info.context.services.catalog, code))

    @strawberry.field(description="The fields (lĩnh vực) of the catalog, for filters.")
    def procedure_fields(self, info: Info) -> list[str]:
        require_public_read(info.context.principal)
        return service.list_fields(info.context.services.catalog)

    @strawberry.field(description="Browse by life event: a child is born, someone died, building a house, ...")
    def life_events(self, info: Info) -> list[LifeEvent]:
        require_public_read(info.context.principal)
        catalog = info.context.services.catalog
        return [
            LifeEvent(
                id=e.id,
                name=e.name,
                name_en=e.name_en,
                procedures=[Procedure.from_summary(p) for p in service.life_event_procedures(catalog, e)],
            )
            for e in service.life_events()
        ]
