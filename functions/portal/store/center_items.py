"""The Centers table: service centers, branches, reception points and agencies' receptions, three ways in."""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from portal.config import settings
from portal.store.tables import PortalModel, table_meta


class ProvinceIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "province-index"
        projection = AllProjection()

    province_code = UnicodeAttribute(hash_key=True)
    center_id = UnicodeAttribute(range_key=True)


class CommuneIndex(GlobalSecondaryIndex):
    """Sparse: provincial centers have no commune."""

    class Meta:
        index_name = "commune-index"
        projection = AllProjection()

    commune_code = UnicodeAttribute(hash_key=True)
    center_id = UnicodeAttribute(range_key=True)


class GeoIndex(GlobalSecondaryIndex):
    """Sparse: centers whose coordinates are known, by geohash cell (see portal.centers.geo)."""

    class Meta:
        index_name = "geo-index"
        projection = AllProjection()

    geo_cell = UnicodeAttribute(hash_key=True)
    geohash = UnicodeAttribute(range_key=True)


class DatasetMap(MapAttribute):
    name = UnicodeAttribute()
    version = UnicodeAttribute()
    note = UnicodeAttribute(default="")


class CenterItem(PortalModel):
    Meta = table_meta(settings().tables.centers)

    center_id = UnicodeAttribute(hash_key=True)
    kind = UnicodeAttribute()
    name = UnicodeAttribute()
    name_en = UnicodeAttribute(default="")
    agency_code = UnicodeAttribute()
    province_code = UnicodeAttribute()
    commune_code = UnicodeAttribute(null=True)
    parent_id = UnicodeAttribute(null=True)
    address = UnicodeAttribute()
    address_note = UnicodeAttribute(default="")
    hotline = UnicodeAttribute()
    email = UnicodeAttribute(default="")
    opening_hours = UnicodeAttribute()
    lat = NumberAttribute(null=True)
    lon = NumberAttribute(null=True)
    geo_cell = UnicodeAttribute(null=True)
    geohash = UnicodeAttribute(null=True)
    is_sample = BooleanAttribute()
    sample_fields = UnicodeSetAttribute(default=set)
    datasets = ListAttribute(of=DatasetMap, default=list)

    province_index = ProvinceIndex()
    commune_index = CommuneIndex()
    geo_index = GeoIndex()
