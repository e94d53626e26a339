"""Center directory: public, no sign-in needed."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.centers.types import Center, CenterConnection, CenterEdge, GeoPointInput
from portal.api.pagination import PageInfo
from portal.centers import service
from portal.centers.model import GeoPoint
from portal.errors import InvalidInput
from portal.identity.access import require_public_read


@strawberry.type
class CenterQueries:
    @strawberry.field(
        description="Centers of a province, of a commune, or nearest to a point (give exactly one of the three); "
        "with `procedureCode`, only those receiving it (alone: where one can file it)."
    )
    def centers(
        self,
        info: Info,
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
        require_public_read(ctx.principal)
        store = ctx.services.centers
        if procedure_code is not None and near is None and commune_code is None:
            provinces = sorted(ctx.services.units.gazetteer.provinces)
            page = service.centers_receiving(
                store, ctx.services.catalog, provinces, procedure_code, province_code, first, after
            )
            return CenterConnection(
                edges=[CenterEdge(node=Center.from_domain(c), distance_km=None) for c in page.items],
                page_info=PageInfo.of(page.end_cursor),
            )
        if sum(x is not None for x in (province_code, commune_code, near)) != 1:
            raise InvalidInput.for_field(
                "centers",
                "Hãy chọn đúng một: tỉnh, xã hoặc vị trí.",
                "Give exactly one of provinceCode, communeCode or near.",
            )
        if near is not None:
            if after is not None:
                raise InvalidInput.for_field(
                    "after", "Tìm theo vị trí không phân trang.", "A search near a point has one page only."
                )
            nearby = service.nearest_centers(
                store, ctx.services.catalog, GeoPoint(near.lat, near.lon), radius_km, procedure_code, first
            )
            return CenterConnection(
                edges=[CenterEdge(node=Center.from_domain(n.center), distance_km=n.distance_km) for n in nearby],
                page_info=PageInfo.of(None),
            )
        page = (
            service.centers_in_province(store, province_code, first, after)
            if province_code is not None
            else service.centers_in_commune(store, commune_code or "", first, after)
        )
        return CenterConnection(
            edges=[CenterEdge(node=Center.from_domain(c), distance_km=None) for c in page.items],
            page_info=PageInfo.of(page.end_cursor),
        )

    @strawberry.field(description="One center by id.")
    def center(self, info: Info, id: str) -> Center:
        require_public_read(info.context.principal)
        return Center.from_domain(service.get_center(info.context.services.centers, id))
