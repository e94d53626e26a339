"""Inbox entries, deliveries and preferences in DynamoDB <-> portal.notifications.model. Every write that
could be repeated (a redelivered stream record) is conditional: adding twice adds once."""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.exceptions import PutError, UpdateError

from portal.notifications.model import Channel, Delivery, DeliveryState, InboxEntry, Preferences
from portal.pagination import Page
from portal.store import keys
from portal.store.notification_items import (
    DELIVERY_SK,
    FAILED,
    PENDING,
    PREFERENCES_SK,
    DeliveryItem,
    InboxItem,
    PreferencesItem,
)
from portal.store.paging import query_page

INBOX_RETENTION = timedelta(days=365)
DELIVERY_RETENTION = timedelta(days=90)
MAX_MARKED_AT_ONCE = 100


def inbox_pk(recipient_key: str) -> str:
    return keys.pk(keys.INBOX, recipient_key)


def _conditional_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _inbox(item: InboxItem) -> InboxEntry:
    return InboxEntry(
        recipient_key=item.pk.removeprefix(keys.INBOX.pk_prefix),
        code=item.code,
        seq=int(item.seq),
        action=item.action,
        at=datetime.fromisoformat(item.at),
        subject_vi=item.subject_vi,
        subject_en=item.subject_en,
        body_vi=item.body_vi,
        body_en=item.body_en,
        link=item.link,
        read=item.unread_for is None,
    )


def _delivery_item(d: Delivery) -> DeliveryItem:
    queue, queue_at = None, None
    if d.state is DeliveryState.PERMANENT_FAILURE:
        queue, queue_at = FAILED, d.created_at.isoformat()
    elif d.state is not DeliveryState.DELIVERED:
        queue, queue_at = PENDING, (d.next_attempt_at or d.created_at).isoformat()
    return DeliveryItem(
        pk=keys.pk(keys.DELIVERY, d.key),
        sk=DELIVERY_SK,
        code=d.code,
        seq=d.seq,
        recipient_key=d.recipient_key,
        channel=d.channel.value,
        address=d.address,
        subject=d.subject,
        body=d.body,
        state=d.state.value,
        attempts=d.attempts,
        created_at=d.created_at.isoformat(),
        next_attempt_at=_iso(d.next_attempt_at),
        sent_at=_iso(d.sent_at),
        last_error=d.last_error,
        queue=queue,
        queue_at=queue_at,
        expires_at=d.created_at + DELIVERY_RETENTION,
    )


def _delivery(item: DeliveryItem) -> Delivery:
    return Delivery(
        code=item.code,
        seq=int(item.seq),
        recipient_key=item.recipient_key,
        channel=Channel(item.channel),
        address=item.address,
        subject=item.subject,
        body=item.body,
        state=DeliveryState(item.state),
        created_at=datetime.fromisoformat(item.created_at),
        attempts=int(item.attempts),
        next_attempt_at=datetime.fromisoformat(item.next_attempt_at) if item.next_attempt_at else None,
        last_error=item.last_error,
        sent_at=datetime.fromisoformat(item.sent_at) if item.sent_at else None,
    )


class NotificationStore:
    # --- the inbox ----------------------------------------------------------------------------------
    def add_to_inbox(self, entry: InboxEntry) -> bool:
        item = InboxItem(
            pk=inbox_pk(entry.recipient_key),
            sk=entry.id,
            unread_for=entry.recipient_key,
            code=entry.code,
            seq=entry.seq,
            action=entry.action,
            at=entry.at.isoformat(),
            subject_vi=entry.subject_vi,
            subject_en=entry.subject_en,
            body_vi=entry.body_vi,
            body_en=entry.body_en,
            link=entry.link,
            expires_at=entry.at + INBOX_RETENTION,
        )
        try:
            item.save(condition=InboxItem.pk.does_not_exist())
        except PutError as error:
            if _conditional_failed(error):
                return False
            raise
        return True

    def inbox(self, recipient_key: str, first: int | None, after: str | None) -> Page[InboxEntry]:
        pk = inbox_pk(recipient_key)
        return query_page(
            lambda **kw: InboxItem.query(pk, scan_index_forward=False, **kw), {"pk": pk}, first, after, _inbox
        )

    def unread_count(self, recipient_key: str) -> int:
        return InboxItem.unread_index.count(recipient_key)

    def mark_read(self, recipient_key: str, entry_ids: list[str]) -> int:
        """Marks the given entries (all unread ones when empty) as read; returns how many changed."""
        if not entry_ids:
            entry_ids = [i.sk for i in InboxItem.unread_index.query(recipient_key, limit=MAX_MARKED_AT_ONCE)]
        changed = 0
        for entry_id in entry_ids[:MAX_MARKED_AT_ONCE]:
            item = InboxItem(pk=inbox_pk(recipient_key), sk=entry_id)
            try:
                item.update(actions=[InboxItem.unread_for.remove()], condition=InboxItem.unread_for.exists())
            except UpdateError as error:
                if _conditional_failed(error):
                    continue  # already read, or not this recipient's
                raise
            changed += 1
        return changed

    # --- deliveries ---------------------------------------------------------------------------------
    def add_delivery(self, delivery: Delivery) -> bool:
        try:
            _delivery_item(delivery).save(condition=DeliveryItem.pk.does_not_exist())
        except PutError as error:
            if _conditional_failed(error):
                return False
            raise
        return True

    def get_delivery(self, key: str) -> Delivery | None:
        try:
            return _delivery(DeliveryItem.get(keys.pk(keys.DELIVERY, key), DELIVERY_SK, consistent_read=True))
        except DeliveryItem.DoesNotExist:
            return None

    def save_delivery(self, delivery: Delivery, expected: DeliveryState, expected_attempts: int) -> bool:
        """Saves the delivery's new state only if nobody moved it since it was read."""
        condition = (DeliveryItem.state == expected.value) & (DeliveryItem.attempts == expected_attempts)
        try:
            _delivery_item(delivery).save(condition=condition)
        except PutError as error:
            if _conditional_failed(error):
                return False
            raise
        return True

    def due_deliveries(self, now: datetime, limit: int) -> list[Delivery]:
        items = DeliveryItem.queue_index.query(PENDING, DeliveryItem.queue_at <= now.isoformat(), limit=limit)
        return [_delivery(i) for i in items]

    def failed_deliveries(self, limit: int) -> list[Delivery]:
        items = DeliveryItem.queue_index.query(FAILED, scan_index_forward=False, limit=limit)
        return [_delivery(i) for i in items]

    # --- preferences --------------------------------------------------------------------------------
    def preferences(self, citizen_id: str) -> Preferences:
        try:
            item = PreferencesItem.get(keys.pk(keys.PREFERENCES, citizen_id), PREFERENCES_SK)
        except PreferencesItem.DoesNotExist:
            return Preferences()
        return Preferences(email=bool(item.email), sms=bool(item.sms))

    def set_preferences(self, citizen_id: str, preferences: Preferences) -> None:
        PreferencesItem(
            pk=keys.pk(keys.PREFERENCES, citizen_id), sk=PREFERENCES_SK, email=preferences.email, sms=preferences.sms
        ).save()
