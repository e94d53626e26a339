"""Bundles (portal.bundles) in the Dossiers table, beside their members' dossiers:

    pk = "BUNDLE#<id>"                       sk = "BUNDLE"               the bundle and its members
    pk = "IDEMPOTENCY#<applicant>#<key>"     sk = "BUNDLE"               one submit request -> one bundle
    pk = "BUNDLES#<applicant>"               sk = "<created at>#<id>"    the applicant's bundles, newest last

In the Dossiers table so that the bundle, its request id and its first members' dossiers are written in one
transaction (a retry can never make a second set), and a member started later is written with the bundle
that records it. None of these items has the attributes of the table's indexes: they stay out of them.
"""

from __future__ import annotations

from pynamodb.attributes import (
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    VersionAttribute,
)

from portal.config import settings
from portal.store import keys
from portal.store.tables import PortalModel, table_meta

BUNDLE_SK = keys.BUNDLE.sk
BUNDLE_PK_PREFIX = keys.BUNDLE.pk_prefix
OWNER_PK_PREFIX = keys.APPLICANT_BUNDLES.pk_prefix


class MemberMap(MapAttribute):
    key = UnicodeAttribute()
    procedure_code = UnicodeAttribute()
    procedure_name = UnicodeAttribute()
    center_id = UnicodeAttribute()
    after = ListAttribute(of=UnicodeAttribute, default=list)
    state = UnicodeAttribute()
    dossier_code = UnicodeAttribute(default="")
    started_at = UnicodeAttribute(null=True)


class BundleItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=BUNDLE_SK)
    code = UnicodeAttribute()
    name = UnicodeAttribute()
    owner_id = UnicodeAttribute()  # not "applicant_id": the bundle stays out of the dossiers' applicant index
    owner_name = UnicodeAttribute()
    filed_at_center = UnicodeAttribute()
    answers = JSONAttribute(default=dict)
    electronic_documents = UnicodeSetAttribute(null=True)
    members = ListAttribute(of=MemberMap, default=list)
    created_at = UnicodeAttribute()
    changed_at = UnicodeAttribute()
    withdrawn_at = UnicodeAttribute(null=True)
    phone = UnicodeAttribute(default="")
    email = UnicodeAttribute(default="")
    version = VersionAttribute()


class BundleMarkerItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=BUNDLE_SK)
    bundle_id = UnicodeAttribute()
    expires_at = TTLAttribute()


class OwnedBundleItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    bundle_id = UnicodeAttribute()
