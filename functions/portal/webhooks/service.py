"""Webhooks for third-party clients: subscribe an endpoint to dossier events, read the delivery log,
replay it from a cursor; and the one entry point the dossier event stream calls, `on_dossier_event`,
which records one pending delivery per (subscription, code, seq) - a redelivered stream record adds
nothing - and queues it for the worker (portal.webhooks.worker).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

from portal.clock import Clock
from portal.errors import InvalidInput, NotFound
from portal.identity.access import require_sync_reader
from portal.identity.principal import Principal
from portal.pagination import Page
from portal.webhooks import events, signing
from portal.webhooks.address_guard import Resolver, resolve, system_resolver
from portal.webhooks.model import Audience, Delivery, DeliveryState, DossierEvent, EventType, Subscription

LOG_RETENTION = timedelta(days=7)
MAX_SUBSCRIPTIONS = 10  # per client and audience
MAX_REPLAY = 1000  # deliveries queued again by one replay


class SubscriptionRepository(Protocol):
    def add(self, subscription: Subscription) -> None: ...
    def save(self, subscription: Subscription) -> None: ...
    def get(self, audience: Audience, subscription_id: str) -> Subscription | None: ...
    def disable(self, subscription: Subscription) -> bool:
        """Save `subscription` (with its disabled_at) unless it is already disabled: whether this call did."""
        ...

    def for_audience(self, audience: Audience) -> list[Subscription]: ...


class DeliveryRepository(Protocol):
    def add_if_new(self, delivery: Delivery, expires_at: datetime) -> Delivery | None:
        """Record `delivery` unless this subscription already has one for its (code, seq); the recorded one
        (with its log cursor) or None."""
        ...

    def for_event(self, subscription_id: str, code: str, seq: int) -> Delivery | None: ...
    def get(self, subscription_id: str, cursor: str) -> Delivery | None: ...
    def save(self, delivery: Delivery) -> None: ...
    def log(self, subscription_id: str, first: int | None, after: str | None) -> Page[Delivery]: ...
    def after(self, subscription_id: str, cursor: str | None, limit: int) -> list[Delivery]: ...


class DeliveryQueue(Protocol):
    """Where deliveries wait for their attempt: the local queue (DynamoDB) or SQS in AWS."""

    def enqueue(self, delivery: Delivery, at: datetime) -> None: ...


@dataclass
class WebhookStores:
    subscriptions: SubscriptionRepository
    deliveries: DeliveryRepository
    queue: DeliveryQueue
    clock: Clock
    key: Callable[[], bytes]  # the portal's key subscription secrets are derived from
    allow_loopback: bool = False
    resolver: Resolver = field(default=system_resolver)
    contact_of: Callable[[str], str] = field(default=lambda client_id: "")


def _audiences(event: DossierEvent) -> list[Audience]:
    filer = [Audience("applicant", event.filer_id)] if event.filer_id else []  # apps acting for the filer too
    return [Audience("center", event.center_id), Audience("applicant", event.applicant_id), *filer]


def _not_found(subscription_id: str) -> NotFound:
    return NotFound(f"Không tìm thấy đăng ký {subscription_id}.", f"Subscription {subscription_id} was not found.")


class Webhooks:
    def __init__(self, stores: WebhookStores) -> None:
        self.stores = stores

    def subscribe(self, principal: Principal, url: str, kinds: list[str]) -> tuple[Subscription, str]:
        """A new subscription of the calling app, and its signing secret (shown this once)."""
        (kind, who), app = require_sync_reader(principal)
        wanted = {k.value: k for k in EventType}
        if not kinds or len(kinds) > len(wanted) or any(k not in wanted for k in kinds):
            raise InvalidInput.for_field(
                "events", f"Sự kiện phải thuộc: {', '.join(wanted)}.", f"Events must be among: {', '.join(wanted)}."
            )
        resolve(url, self.stores.allow_loopback, self.stores.resolver)  # refused now, and again at each delivery
        audience = Audience(kind, who)
        mine = [s for s in self.stores.subscriptions.for_audience(audience) if s.client_id == app.client_id]
        if len(mine) >= MAX_SUBSCRIPTIONS:
            raise InvalidInput.for_field(
                "url", f"Tối đa {MAX_SUBSCRIPTIONS} đăng ký.", f"At most {MAX_SUBSCRIPTIONS} subscriptions."
            )
        subscription = Subscription(
            subscription_id=f"wh-{uuid.uuid4().hex[:20]}",
            client_id=app.client_id,
            audience=audience,
            url=url,
            events=frozenset(wanted[k] for k in kinds),
            created_at=self.stores.clock.now(),
            procedures=app.procedures,
            contact_email=self.stores.contact_of(app.client_id),
        )
        self.stores.subscriptions.add(subscription)
        return subscription, signing.subscription_secret(self.stores.key(), subscription.subscription_id)

    def subscriptions_of(self, principal: Principal) -> list[Subscription]:
        (kind, who), app = require_sync_reader(principal)
        found = self.stores.subscriptions.for_audience(Audience(kind, who))
        return [s for s in found if s.client_id == app.client_id]

    def _own(self, principal: Principal, subscription_id: str) -> Subscription:
        (kind, who), app = require_sync_reader(principal)
        if len(subscription_id) > 64:
            raise _not_found(subscription_id[:64])
        found = self.stores.subscriptions.get(Audience(kind, who), subscription_id)
        if found is None or found.client_id != app.client_id:
            raise _not_found(subscription_id)
        return found

    def delivery_log(
        self, principal: Principal, subscription_id: str, first: int | None, after: str | None
    ) -> Page[Delivery]:
        """The subscription's deliveries of the last 7 days, oldest first, each with its cursor."""
        return self.stores.deliveries.log(self._own(principal, subscription_id).subscription_id, first, after)

    def replay(self, principal: Principal, subscription_id: str, after: str | None) -> int:
        """Queue again every delivery logged after `after` (all of the last 7 days without it), as they were
        (same id and body, newly signed): a receiver deduplicating on webhook-id sees each once. Re-enables a
        disabled subscription."""
        subscription = self._own(principal, subscription_id)
        if subscription.disabled_at is not None:
            self.stores.subscriptions.save(replace(subscription, disabled_at=None, failing_since=None))
        now = self.stores.clock.now()
        again = self.stores.deliveries.after(subscription.subscription_id, after, MAX_REPLAY)
        for delivery in again:
            queued = replace(delivery, state=DeliveryState.PENDING, next_attempt_at=now)
            self.stores.deliveries.save(queued)
            self.stores.queue.enqueue(queued, now)
        return len(again)

    def on_dossier_event(self, event: DossierEvent) -> list[Delivery]:
        """The deliveries this event makes (one per interested subscription), recorded and queued once."""
        kind = events.event_type(event)
        if kind is None:
            return []
        now = self.stores.clock.now()
        body = events.payload(kind, event)
        made = []
        for audience in _audiences(event):
            for subscription in self.stores.subscriptions.for_audience(audience):
                if kind not in subscription.events or subscription.disabled_at is not None:
                    continue
                if subscription.procedures and event.procedure_code not in subscription.procedures:
                    continue
                delivery = Delivery(
                    delivery_id=events.delivery_id(event),
                    subscription_id=subscription.subscription_id,
                    audience=audience,
                    event_type=kind,
                    code=event.code,
                    seq=event.seq,
                    payload=body,
                    created_at=now,
                    next_attempt_at=now,
                )
                recorded = self.stores.deliveries.add_if_new(delivery, now + LOG_RETENTION)
                if recorded is not None:
                    self.stores.queue.enqueue(recorded, now)
                    made.append(recorded)
                else:  # the event handled again
                    self._queue_if_never_attempted(subscription.subscription_id, event)
        return made

    def _queue_if_never_attempted(self, subscription_id: str, event: DossierEvent) -> None:
        """A delivery recorded by an attempt that died before queueing it (kill -9, out of memory) is pending
        with no attempt: queued again, at its first due time (the local queue's key then is the one it would
        have had: never two entries; SQS may carry two, and receivers deduplicate on webhook-id)."""
        existing = self.stores.deliveries.for_event(subscription_id, event.code, event.seq)
        if existing is not None and existing.state is DeliveryState.PENDING and not existing.attempts:
            self.stores.queue.enqueue(existing, existing.next_attempt_at or existing.created_at)
