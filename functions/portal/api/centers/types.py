"""GraphQL types of the center directory."""

from __future__ import annotations

import strawberry

from portal.api.pagination import PageInfo
from portal.api.units.types import ReferenceDataset
from portal.centers import model

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
    agency_code: str
    province_code: str
    commune_code: str | None
    parent_id: str | None
    address: str
    hotline: str
    email: str
    opening_hours: str
    location: GeoPoint | None
    procedure_codes: list[str] = strawberry.field(description="Codes of the procedures this center receives.")
    is_sample: bool = strawberry.field(
        description="True when derived or made up here, not read from an official source."
    )
    sample_fields: list[str] = strawberry.field(
        description="Which fields are derived or made up (e.g. location: the commune's centroid)."
    )
    datasets: list[ReferenceDataset] = strawberry.field(description="What the entry was built from, with versions.")

    @classmethod
    def from_domain(cls, c: model.Center) -> Center:
        return cls(
            id=c.id,
            kind=c.kind,
            name=c.name,
            agency_code=c.agency_code,
            province_code=c.province_code,
            commune_code=c.commune_code,
            parent_id=c.parent_id,
            address=c.address,
            hotline=c.hotline,
            email=c.email,
            opening_hours=c.opening_hours,
            location=GeoPoint(lat=c.location.lat, lon=c.location.lon) if c.location else None,
            procedure_codes=sorted(c.procedure_codes),
            is_sample=c.is_sample,
            sample_fields=sorted(c.sample_fields),
            datasets=[ReferenceDataset.from_domain(d) for d in c.datasets],
        )


@strawberry.type
class CenterEdge:
    node: Center
    distance_km: float | None = strawberry.field(description="Distance from `near`, when searching near a point.")


@strawberry.type
class CenterConnection:
    edges: list[CenterEdge]
    page_info: PageInfo
