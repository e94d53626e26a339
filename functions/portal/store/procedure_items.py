"""The Procedures table: one item per procedure of the national catalog."""

from __future__ import annotations

from pynamodb.attributes import (
    BinaryAttribute,
    BooleanAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from portal.config import settings
from portal.store.tables import PortalModel, table_meta

NATIONAL_CATALOG = "national"


class DocumentMap(MapAttribute):
    name = UnicodeAttribute()
    name_en = UnicodeAttribute()
    originals = NumberAttribute()
    copies = NumberAttribute()
    note = UnicodeAttribute(default="")


class FeeMap(MapAttribute):
    description = UnicodeAttribute()
    description_en = UnicodeAttribute()
    amount_vnd = NumberAttribute(null=True)  # absent: not fixed in đồng
    channel = UnicodeAttribute(null=True)  # absent: whatever the channel
    amount = NumberAttribute(null=True)  # in `currency`; absent: not fixed or unclear
    currency = UnicodeAttribute(null=True)
    editorial = UnicodeAttribute(default="")  # who decided the line and why, when no source gives it


class FeeExemptionMap(MapAttribute):
    code = UnicodeAttribute()
    description = UnicodeAttribute()
    description_en = UnicodeAttribute(default="")
    amount_vnd = NumberAttribute()
    proof = UnicodeAttribute(default="")
    proof_en = UnicodeAttribute(default="")
    source = UnicodeAttribute(default="")
    legal_basis = UnicodeAttribute(default="")
    published = UnicodeAttribute(default="")
    published_file = UnicodeAttribute(default="")


class ProcessingTimeMap(MapAttribute):
    channel = UnicodeAttribute()
    amount = NumberAttribute()
    unit = UnicodeAttribute(null=True)  # absent: the catalog gives no unit
    note = UnicodeAttribute(default="")


class FormFieldMap(MapAttribute):
    name = UnicodeAttribute()
    label = UnicodeAttribute()
    label_en = UnicodeAttribute()
    type = UnicodeAttribute()
    required = BooleanAttribute()
    options = ListAttribute(of=UnicodeAttribute, default=list)


class CatalogIndex(GlobalSecondaryIndex):
    """All procedures of one catalog, in code order: how a container loads the whole catalog."""

    class Meta:
        index_name = "catalog-index"
        projection = AllProjection()

    catalog = UnicodeAttribute(hash_key=True)
    code = UnicodeAttribute(range_key=True)


class ProcedureItem(PortalModel):
    Meta = table_meta(settings().tables.procedures)

    code = UnicodeAttribute(hash_key=True)
    catalog = UnicodeAttribute(default=NATIONAL_CATALOG)
    name = UnicodeAttribute()
    name_en = UnicodeAttribute()
    field = UnicodeAttribute()
    field_en = UnicodeAttribute()
    levels = ListAttribute(of=UnicodeAttribute)
    agency = UnicodeAttribute()
    agency_en = UnicodeAttribute()
    documents = ListAttribute(of=DocumentMap, default=list)
    processing_days = NumberAttribute(null=True)
    processing_note = UnicodeAttribute(default="")
    fees = ListAttribute(of=FeeMap, default=list)
    legal_basis = ListAttribute(of=UnicodeAttribute, default=list)
    online_level = UnicodeAttribute(null=True)
    any_center = BooleanAttribute()
    form_fields = ListAttribute(of=FormFieldMap, default=list)
    is_sample = BooleanAttribute()
    source_ref = UnicodeAttribute(default="")
    detail_level = UnicodeAttribute(default="checked")
    province_code = UnicodeAttribute(null=True)
    official_url = UnicodeAttribute(default="")
    implementing_agency = UnicodeAttribute(default="")
    issuing_body = UnicodeAttribute(default="")
    applicants = UnicodeAttribute(default="")
    processing_times = ListAttribute(of=ProcessingTimeMap, default=list)
    conditions = UnicodeAttribute(null=True)
    results = ListAttribute(of=UnicodeAttribute, default=list)
    decision = UnicodeAttribute(default="")
    popularity = NumberAttribute(default=0)
    exemptions = ListAttribute(of=FeeExemptionMap, default=list)
    document_notes = ListAttribute(of=UnicodeAttribute, default=list)
    notes = ListAttribute(of=UnicodeAttribute, default=list)
    # Per detail [field, file, part, text, editorial] as zlib-compressed JSON: the source texts are 40 MB in all
    # (up to 150 KB for one procedure), 8.5 MB compressed; they are read only with the details.
    provenance = BinaryAttribute(null=True, legacy_encoding=False)
    # The time the appointment is counted from, with its unit and the source's words (absent: see processing_days).
    time_amount = NumberAttribute(null=True)
    time_unit = UnicodeAttribute(null=True)
    time_source_text = UnicodeAttribute(default="")

    catalog_index = CatalogIndex()
