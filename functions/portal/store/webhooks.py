"""Webhook subscriptions, the delivery log and the local delivery queue in the Integrations table."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from pynamodb.exceptions import DeleteError, PutError, TransactWriteError
from pynamodb.transactions import TransactWrite

from portal.errors import InvalidInput
from portal.pagination import Page, encode_cursor
from portal.store import keys
from portal.store.integration_items import (
    AttemptMap,
    DeliveryItem,
    DeliveryMarkerItem,
    QueueItem,
    SubscriptionItem,
)
from portal.store.paging import query_page, start_key
from portal.store.tables import connection
from portal.webhooks.model import Attempt, Audience, Delivery, DeliveryState, EventType, Subscription

QUEUE_PK = keys.LOCAL_QUEUE.pk_prefix
QUEUE_RETENTION = timedelta(days=2)
LOG_RETENTION = timedelta(days=7)


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _audience(key: str) -> Audience:
    kind, _, who = key.removeprefix(keys.SUBSCRIPTION.pk_prefix).partition("#")
    return Audience(kind, who)


def _subscription(item: SubscriptionItem) -> Subscription:
    return Subscription(
        subscription_id=item.sk,
        client_id=item.client_id,
        audience=_audience(item.pk),
        url=item.url,
        events=frozenset(EventType(e) for e in item.events),
        created_at=datetime.fromisoformat(item.created_at),
        procedures=frozenset(item.procedures or ()),
        failing_since=_time(item.failing_since),
        disabled_at=_time(item.disabled_at),
        contact_email=item.contact_email or "",
    )


def _subscription_item(s: Subscription) -> SubscriptionItem:
    return SubscriptionItem(
        pk=keys.pk(keys.SUBSCRIPTION, s.audience.key),
        sk=s.subscription_id,
        client_id=s.client_id,
        url=s.url,
        events={e.value for e in s.events},
        created_at=s.created_at.isoformat(),
        procedures=set(s.procedures) or None,
        failing_since=_iso(s.failing_since),
        disabled_at=_iso(s.disabled_at),
        contact_email=s.contact_email,
    )


class SubscriptionStore:
    def add(self, subscription: Subscription) -> None:
        _subscription_item(subscription).save(condition=SubscriptionItem.sk.does_not_exist())

    def save(self, subscription: Subscription) -> None:
        _subscription_item(subscription).save()

    def disable(self, subscription: Subscription) -> bool:
        try:
            _subscription_item(subscription).save(condition=SubscriptionItem.disabled_at.does_not_exist())
        except PutError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def get(self, audience: Audience, subscription_id: str) -> Subscription | None:
        try:
            return _subscription(SubscriptionItem.get(keys.pk(keys.SUBSCRIPTION, audience.key), subscription_id))
        except SubscriptionItem.DoesNotExist:
            return None

    def for_audience(self, audience: Audience) -> list[Subscription]:
        return [_subscription(i) for i in SubscriptionItem.query(keys.pk(keys.SUBSCRIPTION, audience.key))]


def _deliveries_pk(subscription_id: str) -> str:
    return keys.pk(keys.DELIVERY_LOG, subscription_id)


def _log_sk(d: Delivery) -> str:
    return f"{keys.DELIVERY_LOG.sk}{d.created_at.astimezone(UTC).strftime('%Y%m%dT%H%M%S%f')}#{d.code}#{d.seq:04d}"


def _cursor(pk: str, sk: str) -> str:
    """A delivery's place in its log, opaque: also the `after` of the log's next page."""
    return encode_cursor({"pk": {"S": pk}, "sk": {"S": sk}})


def _sk(subscription_id: str, cursor: str) -> str:
    key = start_key(cursor, {"pk": _deliveries_pk(subscription_id)})
    sk = (key or {}).get("sk", {}).get("S", "")
    if not sk.startswith(keys.DELIVERY_LOG.sk):
        raise InvalidInput.for_field("after", "Con trỏ không hợp lệ.", "The cursor is not valid.")
    return sk


def _delivery(item: DeliveryItem) -> Delivery:
    return Delivery(
        delivery_id=item.delivery_id,
        subscription_id=item.subscription_id,
        audience=_audience(keys.pk(keys.SUBSCRIPTION, item.audience)),
        event_type=EventType(item.event_type),
        code=item.code,
        seq=int(item.seq),
        payload=item.payload,
        created_at=datetime.fromisoformat(item.created_at),
        state=DeliveryState(item.state),
        attempts=tuple(
            Attempt(datetime.fromisoformat(a.at), int(a.status), a.error, int(a.duration_ms)) for a in item.attempts
        ),
        next_attempt_at=_time(item.next_attempt_at),
        cursor=_cursor(item.pk, item.sk),
    )


def _delivery_item(d: Delivery, sk: str, expires_at: datetime) -> DeliveryItem:
    return DeliveryItem(
        pk=_deliveries_pk(d.subscription_id),
        sk=sk,
        delivery_id=d.delivery_id,
        subscription_id=d.subscription_id,
        audience=d.audience.key,
        event_type=d.event_type.value,
        code=d.code,
        seq=d.seq,
        payload=d.payload,
        created_at=d.created_at.isoformat(),
        state=d.state.value,
        attempts=[
            AttemptMap(at=a.at.isoformat(), status=a.status, error=a.error[:200], duration_ms=a.duration_ms)
            for a in d.attempts
        ],
        next_attempt_at=_iso(d.next_attempt_at),
        expires_at=expires_at,
    )


class DeliveryStore:
    def add_if_new(self, delivery: Delivery, expires_at: datetime) -> Delivery | None:
        """The delivery and its (subscription, code, seq) marker in one transaction, unless the marker exists."""
        sk = _log_sk(delivery)
        marker = DeliveryMarkerItem(
            pk=_deliveries_pk(delivery.subscription_id),
            sk=keys.sk(keys.DELIVERY_MARKER, delivery.code, f"{delivery.seq:04d}"),
            log_sk=sk,
            expires_at=expires_at,
        )
        try:
            with TransactWrite(connection=connection()) as tx:
                tx.save(marker, condition=DeliveryMarkerItem.sk.does_not_exist())
                tx.save(_delivery_item(delivery, sk, expires_at))
        except TransactWriteError as error:
            reasons = error.cancellation_reasons or []
            if reasons and reasons[0] is not None and reasons[0].code == "ConditionalCheckFailed":
                return None
            raise
        return replace(delivery, cursor=_cursor(marker.pk, sk))

    def for_event(self, subscription_id: str, code: str, seq: int) -> Delivery | None:
        """The delivery this subscription recorded for (code, seq), through its marker."""
        pk = _deliveries_pk(subscription_id)
        try:
            marker = DeliveryMarkerItem.get(pk, keys.sk(keys.DELIVERY_MARKER, code, f"{seq:04d}"), consistent_read=True)
            item = DeliveryItem.get(pk, marker.log_sk, consistent_read=True)
        except (DeliveryMarkerItem.DoesNotExist, DeliveryItem.DoesNotExist):
            return None
        return _delivery(item)

    def get(self, subscription_id: str, cursor: str) -> Delivery | None:
        try:
            item = DeliveryItem.get(_deliveries_pk(subscription_id), _sk(subscription_id, cursor), consistent_read=True)
        except DeliveryItem.DoesNotExist:
            return None
        return _delivery(item)

    def save(self, delivery: Delivery) -> None:
        sk = _sk(delivery.subscription_id, delivery.cursor)
        _delivery_item(delivery, sk, delivery.created_at + LOG_RETENTION).save()

    def log(self, subscription_id: str, first: int | None, after: str | None) -> Page[Delivery]:
        pk = _deliveries_pk(subscription_id)
        return query_page(
            lambda **kw: DeliveryItem.query(pk, DeliveryItem.sk.startswith(keys.DELIVERY_LOG.sk), **kw),
            {"pk": pk},
            first,
            after,
            _delivery,
        )

    def after(self, subscription_id: str, cursor: str | None, limit: int) -> list[Delivery]:
        pk = _deliveries_pk(subscription_id)
        if cursor:
            condition = DeliveryItem.sk.between(_sk(subscription_id, cursor) + "\x00", keys.DELIVERY_LOG.sk + "~")
        else:
            condition = DeliveryItem.sk.startswith(keys.DELIVERY_LOG.sk)
        return [_delivery(i) for i in DeliveryItem.query(pk, condition, limit=limit)]


class LocalDeliveryQueue:
    """The local stand-in for SQS: one partition of due times (local runs only: in AWS it would be one hot
    partition, so template.yaml gives the worker an SQS queue instead)."""

    def enqueue(self, delivery: Delivery, at: datetime) -> None:
        due = at.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")
        QueueItem(
            pk=QUEUE_PK,
            sk=f"{due}#{delivery.subscription_id}#{delivery.cursor}",
            delivery_pk=delivery.subscription_id,
            delivery_sk=delivery.cursor,  # the opaque cursor: what the worker hands back to DeliveryStore.get
            expires_at=at + QUEUE_RETENTION,
        ).save()

    def due(self, now: datetime, limit: int) -> list[tuple[str, str, str]]:
        until = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f") + "~"
        claimed = []
        for item in QueueItem.query(QUEUE_PK, QueueItem.sk <= until, limit=limit):
            try:
                item.delete(condition=QueueItem.sk.exists())  # claimed by this worker, or by another first
            except DeleteError:
                continue
            claimed.append((item.sk, item.delivery_pk, item.delivery_sk))
        return claimed
