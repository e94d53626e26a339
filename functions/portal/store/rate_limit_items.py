"""The RateLimits table: one small item per counter and window, removed by DynamoDB's TTL."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute

from portal.config import settings
from portal.store.tables import PortalModel, table_meta


class RateLimitItem(PortalModel):
    Meta = table_meta(settings().tables.rate_limits)

    key = UnicodeAttribute(hash_key=True)  # "<client|ip>#<who>#<read|write>#<window start>"
    count = NumberAttribute(default=0)
    expires_at = TTLAttribute()
