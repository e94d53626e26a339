"""The Documents table: one item per file, keyed by its id.

    id = <32 hex>           the document (who owns it, its state, size, type, SHA-256, the dossiers holding it)
    store-index: store_owner (set only once clean: a sparse index) + created_at: a citizen's personal store

An upload asked for but never completed carries `expires_at` and is forgotten through TTL.
"""

from __future__ import annotations

from pynamodb.attributes import ListAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from portal.config import settings
from portal.store.tables import PortalModel, table_meta


class StoreIndex(GlobalSecondaryIndex):
    """A citizen's clean documents, newest first."""

    class Meta:
        index_name = "store-index"
        projection = AllProjection()

    store_owner = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class DocumentItem(PortalModel):
    Meta = table_meta(settings().tables.documents)

    id = UnicodeAttribute(hash_key=True)
    owner_id = UnicodeAttribute()
    store_owner = UnicodeAttribute(null=True)  # = owner_id once clean
    purpose = UnicodeAttribute()
    slot = UnicodeAttribute(default="")
    procedure_code = UnicodeAttribute(default="")
    file_name = UnicodeAttribute()
    declared_type = UnicodeAttribute()
    key = UnicodeAttribute()
    state = UnicodeAttribute()
    created_at = UnicodeAttribute()
    requested_by = UnicodeAttribute(default="")
    dossier_code = UnicodeAttribute(default="")
    uploaded_at = UnicodeAttribute(null=True)
    content_type = UnicodeAttribute(default="")
    size_bytes = NumberAttribute(default=0)
    sha256 = UnicodeAttribute(default="")
    reason = UnicodeAttribute(default="")
    dossiers = ListAttribute(of=UnicodeAttribute, default=list)
    expires_at = TTLAttribute(null=True)

    store_index = StoreIndex()


SEAL_PREFIX = "seal:"


class SealItem(PortalModel):
    """A signed electronic result (portal.documents.seals), keyed "seal:<verification code>"."""

    Meta = table_meta(settings().tables.documents)

    id = UnicodeAttribute(hash_key=True)
    sha256 = UnicodeAttribute()
    issued_at = UnicodeAttribute()
    procedure_code = UnicodeAttribute()
    procedure_name = UnicodeAttribute()
    center_id = UnicodeAttribute()
    signature = UnicodeAttribute()
