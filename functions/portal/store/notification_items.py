"""The Notifications table: the portal inbox, the deliveries outbox and citizens' channel preferences.

    pk = "INBOX#<recipient>"               sk = "<at>#<code>#<seq>"   one inbox entry (unread_for while unread)
    pk = "DELIVERY#<code>#<seq>#<recipient>#<channel>"  sk = "DELIVERY"  one delivery (queue while not final)
    pk = "PREFERENCES#<citizen>"           sk = "PREFERENCES"         the citizen's channels

Both indexes are sparse: `unread-index` holds unread entries only (the bell's count is one Query with
Select=COUNT); `delivery-queue-index` holds deliveries to send ("pending", by next attempt) and those
failed for good ("failed", by time): the retry job's and the ops' lists. The Idempotency table is
powertools' (the stream consumer's records of events handled).
"""

from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection

from portal.config import settings
from portal.store import keys
from portal.store.tables import PortalModel, table_meta

DELIVERY_SK = keys.DELIVERY.sk
PREFERENCES_SK = keys.PREFERENCES.sk
PENDING = "pending"
FAILED = "failed"


class UnreadIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "unread-index"
        projection = KeysOnlyProjection()

    unread_for = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)


class DeliveryQueueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "delivery-queue-index"
        projection = AllProjection()

    queue = UnicodeAttribute(hash_key=True)  # "pending" | "failed"
    queue_at = UnicodeAttribute(range_key=True)  # next attempt (pending) or when it failed (failed)


class InboxItem(PortalModel):
    Meta = table_meta(settings().tables.notifications)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    unread_for = UnicodeAttribute(null=True)
    code = UnicodeAttribute()
    seq = NumberAttribute()
    action = UnicodeAttribute()
    at = UnicodeAttribute()
    subject_vi = UnicodeAttribute()
    subject_en = UnicodeAttribute()
    body_vi = UnicodeAttribute()
    body_en = UnicodeAttribute()
    link = UnicodeAttribute()
    expires_at = TTLAttribute(null=True)

    unread_index = UnreadIndex()


class DeliveryItem(PortalModel):
    Meta = table_meta(settings().tables.notifications)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=DELIVERY_SK)
    code = UnicodeAttribute()
    seq = NumberAttribute()
    recipient_key = UnicodeAttribute()
    channel = UnicodeAttribute()
    address = UnicodeAttribute()
    subject = UnicodeAttribute(default="")
    body = UnicodeAttribute()
    state = UnicodeAttribute()
    attempts = NumberAttribute(default=0)
    created_at = UnicodeAttribute()
    next_attempt_at = UnicodeAttribute(null=True)
    sent_at = UnicodeAttribute(null=True)
    last_error = UnicodeAttribute(default="")
    queue = UnicodeAttribute(null=True)
    queue_at = UnicodeAttribute(null=True)
    expires_at = TTLAttribute(null=True)

    queue_index = DeliveryQueueIndex()


class PreferencesItem(PortalModel):
    Meta = table_meta(settings().tables.notifications)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=PREFERENCES_SK)
    email = BooleanAttribute(default=True)
    sms = BooleanAttribute(default=False)


class IdempotencyRecordItem(PortalModel):
    """powertools' idempotency record (written by its DynamoDBPersistenceLayer; modelled for the schema test)."""

    Meta = table_meta(settings().tables.idempotency)

    id = UnicodeAttribute(hash_key=True)
    expiration = TTLAttribute(null=True)
    status = UnicodeAttribute(null=True)
