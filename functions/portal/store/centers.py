"""Centers in DynamoDB <-> portal.centers.model."""

from __future__ import annotations

from collections.abc import Iterable

from portal.centers.geo import CELL_PRECISION, geohash
from portal.centers.model import Center, CenterKind, GeoPoint
from portal.datasets import ReferenceDataset
from portal.pagination import Page
from portal.store.center_items import CenterItem, DatasetMap
from portal.store.paging import query_page
from portal.store.ttl_cache import MISSING, TtlCache

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
        lat=c.location.lat if c.location else None,
        lon=c.location.lon if c.location else None,
        geo_cell=cell,
        geohash=full_hash,
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
        is_sample=item.is_sample,
        email=item.email,
        parent_id=item.parent_id,
        sample_fields=frozenset(item.sample_fields or ()),
        datasets=tuple(ReferenceDataset(d.name, d.version, d.note) for d in item.datasets or ()),
        address_note=item.address_note or "",
        name_en=item.name_en or "",
    )


class CenterStore:
    """Centers are reference data: each container keeps what it read for `cache_seconds` (0: no cache)."""

    def __init__(self, cache_seconds: float = 0) -> None:
        self._by_id: TtlCache[str, Center | None] = TtlCache(cache_seconds)
        self._by_cell: TtlCache[str, list[Center]] = TtlCache(cache_seconds)

    def get(self, center_id: str) -> Center | None:
        cached = self._by_id.get(center_id)
        if cached is not MISSING:
            return cached  # type: ignore[return-value]
        try:
            center: Center | None = from_item(CenterItem.get(center_id))
        except CenterItem.DoesNotExist:
            center = None
        self._by_id.put(center_id, center)
        return center

    def get_many(self, center_ids: Iterable[str]) -> dict[str, Center]:
        """The cached ones, and one BatchGetItem per 100 of the others (the DataLoader's batch function)."""
        found: dict[str, Center] = {}
        missing = []
        for center_id in dict.fromkeys(center_ids):
            cached = self._by_id.get(center_id)
            if cached is MISSING:
                missing.append(center_id)
            elif cached is not None:
                found[center_id] = cached  # type: ignore[assignment]
        if missing:
            loaded = {item.center_id: from_item(item) for item in CenterItem.batch_get(missing)}
            for center_id in missing:
                self._by_id.put(center_id, loaded.get(center_id))
            found.update(loaded)
        return found

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
        """Every center standing in the given geohash cells: one Query per cell not cached."""
        centers: list[Center] = []
        for cell in cells:
            cached = self._by_cell.get(cell)
            if cached is MISSING:
                cached = [from_item(item) for item in CenterItem.geo_index.query(cell)]
                self._by_cell.put(cell, cached)
            centers.extend(cached)  # type: ignore[arg-type]
        return centers

    def put_many(self, centers: Iterable[Center]) -> int:
        count = 0
        with CenterItem.batch_write() as batch:
            for center in centers:
                batch.save(to_item(center))
                count += 1
        return count
