"""Centers in DynamoDB <-> portal.centers.model."""

from __future__ import annotations

from collections.abc import Iterable

from portal.centers.geo import CELL_PRECISION, geohash
from portal.centers.model import Center, CenterKind, GeoPoint
from portal.datasets import ReferenceDataset
from portal.pagination import Page
from portal.store.center_items import CenterItem, DatasetMap
from portal.store.paging import query_page

BATCH_GET_LIMIT = 100  # DynamoDB's BatchGetItem limit; pynamodb splits larger requests


def to_item(c: Center) -> CenterItem:
    cell = full_hash = None
    if c.location is not None:
        full_hash = geohash(c.location, 9)
        cell = full_hash[:CELL_PRECISION]
    return CenterItem(
        center_id=c.id,
        kind=c.kind.value,
        name=c.name,
        agency_code=c.agency_code,
        province_code=c.province_code,
        commune_code=c.commune_code,
        parent_id=c.parent_id,
        address=c.address,
        hotline=c.hotline,
        email=c.email,
        opening_hours=c.opening_hours,
        lat=c.location.lat if c.location else None,
        lon=c.location.lon if c.location else None,
        geo_cell=cell,
        geohash=full_hash,
        procedure_codes=set(c.procedure_codes) or None,
        is_sample=c.is_sample,
        sample_fields=set(c.sample_fields) or None,
        datasets=[DatasetMap(name=d.name, version=d.version, note=d.note) for d in c.datasets],
    )


def from_item(item: CenterItem) -> Center:
    location = GeoPoint(float(item.lat), float(item.lon)) if item.lat is not None and item.lon is not None else None
    return Center(
        id=item.center_id,
        kind=CenterKind(item.kind),
        name=item.name,
        agency_code=item.agency_code,
        province_code=item.province_code,
        commune_code=item.commune_code,
        address=item.address,
        hotline=item.hotline,
        opening_hours=item.opening_hours,
        location=location,
        procedure_codes=frozenset(item.procedure_codes or ()),
        is_sample=item.is_sample,
        email=item.email,
        parent_id=item.parent_id,
        sample_fields=frozenset(item.sample_fields or ()),
        datasets=tuple(ReferenceDataset(d.name, d.version, d.note) for d in item.datasets or ()),
    )


class CenterStore:
    def get(self, center_id: str) -> Center | None:
        try:
            return from_item(CenterItem.get(center_id))
        except CenterItem.DoesNotExist:
            return None

    def get_many(self, center_ids: Iterable[str]) -> dict[str, Center]:
        """One BatchGetItem per 100 ids (the DataLoader's batch function)."""
        unique = list(dict.fromkeys(center_ids))
        return {item.center_id: from_item(item) for item in CenterItem.batch_get(unique)}

    def by_province(self, province_code: str, first: int | None, after: str | None) -> Page[Center]:
        return query_page(
            lambda **kw: CenterItem.province_index.query(province_code, **kw),
            {"province_code": province_code},
            first,
            after,
            from_item,
        )

    def by_commune(self, commune_code: str, first: int | None, after: str | None) -> Page[Center]:
        return query_page(
            lambda **kw: CenterItem.commune_index.query(commune_code, **kw),
            {"commune_code": commune_code},
            first,
            after,
            from_item,
        )

    def in_cells(self, cells: Iterable[str]) -> list[Center]:
        """Every center standing in the given geohash cells: one Query per cell."""
        return [from_item(item) for cell in cells for item in CenterItem.geo_index.query(cell)]

    def put_many(self, centers: Iterable[Center]) -> int:
        count = 0
        with CenterItem.batch_write() as batch:
            for center in centers:
                batch.save(to_item(center))
                count += 1
        return count
