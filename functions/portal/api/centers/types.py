"""GraphQL types of the center directory."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.api.procedures.types import Procedure, ProcedureConnection, ProcedureEdge
from portal.api.units.types import ReferenceDataset
from portal.centers import model
from portal.procedures import service as procedures

CenterKind = strawberry.enum(model.CenterKind, name="CenterKind")


@strawberry.type
class GeoPoint:
    lat: float
    lon: float


@strawberry.input
class GeoPointInput:
    lat: float
    lon: float


@strawberry.type
class Center:
    id: str
    kind: CenterKind
    name: str
    name_en: str = strawberry.field(default="", description="The English name, where one is known (agencies).")
    agency_code: str
    province_code: str
    commune_code: str | None
    parent_id: str | None
    address: str = strawberry.field(description="Empty when no source gives it yet: addressNote says why.")
    address_note: str = strawberry.field(
        default="", description="Why the address is empty (its source says «đang cập nhật»); else empty."
    )
    hotline: str
    email: str
    opening_hours: str
    location: GeoPoint | None
    is_sample: bool = strawberry.field(
        description="True when derived or made up here, not read from an official source."
    )
    sample_fields: list[str] = strawberry.field(
        description="Which fields are derived or made up (e.g. location: the commune's centroid)."
    )
    datasets: list[ReferenceDataset] = strawberry.field(description="What the entry was built from, with versions.")
    center: strawberry.Private[model.Center]

    @strawberry.field(description="Codes of the procedures this center receives (by its level and province).")
    def procedure_codes(self, info: Info[PortalContext, None]) -> list[str]:
        return [p.code for p in procedures.received_by(info.context.services.catalog, self.center)]

    @strawberry.field(description="Does this center receive the procedure (whatever the applicant's residence)?")
    def receives(self, info: Info[PortalContext, None], procedure_code: str) -> bool:
        return self.center.receives(procedures.get_summary(info.context.services.catalog, procedure_code))

    @strawberry.field(description="The procedures this center receives, the most used first.")
    def procedures(
        self, info: Info[PortalContext, None], first: int | None = None, after: str | None = None
    ) -> ProcedureConnection:
        page = procedures.page_received_by(info.context.services.catalog, self.center, first, after)
        return ProcedureConnection(
            edges=[ProcedureEdge(node=Procedure.from_summary(p), score=0.0) for p in page.items],
            page_info=PageInfo.of(page.end_cursor),
            total_count=page.total or 0,
        )

    @classmethod
    def from_domain(cls, c: model.Center) -> Center:
        return cls(
            id=c.id,
            kind=c.kind,
            name=c.name,
            name_en=c.name_en,
            agency_code=c.agency_code,
            province_code=c.province_code,
            commune_code=c.commune_code,
            parent_id=c.parent_id,
            address=c.address,
            address_note=c.address_note,
            hotline=c.hotline,
            email=c.email,
            opening_hours=c.opening_hours,
            location=GeoPoint(lat=c.location.lat, lon=c.location.lon) if c.location else None,
            is_sample=c.is_sample,
            sample_fields=sorted(c.sample_fields),
            datasets=[ReferenceDataset.from_domain(d) for d in c.datasets],
            center=c,
        )


@strawberry.type
class CenterEdge:
    node: Center
    distance_km: float | None = strawberry.field(description="Distance from `near`, when searching near a point.")


@strawberry.type
class CenterConnection:
    edges: list[CenterEdge]
    page_info: PageInfo
