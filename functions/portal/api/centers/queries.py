"""Center directory: public, no sign-in needed."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.centers.types import Center, CenterConnection, CenterEdge, GeoPointInput
from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.centers.directory import CenterSearch
from portal.centers.model import GeoPoint


@strawberry.type
class CenterQueries:
    @strawberry.field(
        description="Centers of a province, of a commune, or nearest to a point (give exactly one of the three); "
        "with `procedureCode`, only those receiving it (alone: where one can file it)."
    )
    def centers(
        self,
        info: Info[PortalContext, None],
        province_code: str | None = None,
        commune_code: str | None = None,
        near: GeoPointInput | None = None,
        radius_km: Annotated[float | None, strawberry.argument(description="Default 5 km, at most 50.")] = None,
        procedure_code: Annotated[
            str | None, strawberry.argument(description="Only centers receiving this procedure.")
        ] = None,
        first: int | None = None,
        after: str | None = None,
    ) -> CenterConnection:
        ctx = info.context
        search = CenterSearch(
            province_code=province_code,
            commune_code=commune_code,
            near=GeoPoint(near.lat, near.lon) if near is not None else None,
            radius_km=radius_km,
            procedure_code=procedure_code,
            first=first,
            after=after,
        )
        results = ctx.services.center_directory.find(ctx.principal, search)
        return CenterConnection(
            edges=[CenterEdge(node=Center.from_domain(f.center), distance_km=f.distance_km) for f in results.found],
            page_info=PageInfo.of(results.end_cursor),
        )

    @strawberry.field(description="One center by id.")
    def center(self, info: Info[PortalContext, None], id: str) -> Center:
        return Center.from_domain(info.context.services.center_directory.get(info.context.principal, id))
