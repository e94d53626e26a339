"""The delivery worker: sends a queued delivery (signed, to its pinned address), records the attempt in the
log, and on failure queues the next attempt (exponential backoff with jitter) until RETRY_FOR has passed.
An endpoint failing for a day is disabled and the client's contact told."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from portal.observability import logger
from portal.webhooks import retry, signing, transport
from portal.webhooks.address_guard import RefusedAddress, Target, resolve
from portal.webhooks.model import Attempt, Delivery, DeliveryState, Subscription
from portal.webhooks.service import WebhookStores

Sender = Callable[[Target, str, dict[str, str]], transport.Outcome]


class DueQueue(Protocol):
    def due(self, now: datetime, limit: int) -> list[tuple[str, str, str]]:
        """(queue entry, subscription id, delivery cursor) of deliveries due by `now`, each claimed once."""
        ...


class Notifier(Protocol):
    def endpoint_disabled(self, subscription: Subscription, at: datetime) -> None: ...


class LogNotifier:
    """Where no e-mail channel is given (unit tests): the log only. The portal's worker is built with
    portal.webhooks.notices.MailNotifier (bootstrap.webhooks)."""

    def endpoint_disabled(self, subscription: Subscription, at: datetime) -> None:
        logger.warning(
            "webhook endpoint disabled",
            extra={
                "subscription": subscription.subscription_id,
                "client": subscription.client_id,
                "contact": subscription.contact_email,
                "at": at.isoformat(),
            },
        )


class DeliveryWorker:
    def __init__(
        self,
        stores: WebhookStores,
        due_queue: DueQueue,
        send: Sender = transport.post,
        notifier: Notifier | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.stores = stores
        self._due = due_queue
        self._send = send
        self._notifier = notifier or LogNotifier()
        self._rng = rng

    def deliver_due(self, now: datetime, limit: int = 50) -> list[Delivery]:
        """Attempt every delivery due by `now` (at most `limit`); the deliveries as they are after."""
        done = []
        for _, subscription_id, cursor in self._due.due(now, limit):
            delivery = self.stores.deliveries.get(subscription_id, cursor)
            if delivery is not None and delivery.state is DeliveryState.PENDING:
                done.append(self.attempt(delivery, now))
        return done

    def attempt(self, delivery: Delivery, now: datetime) -> Delivery:
        subscription = self.stores.subscriptions.get(delivery.audience, delivery.subscription_id)
        if subscription is None or subscription.disabled_at is not None:
            return self._record(delivery, Attempt(now, 0, "subscription disabled"), DeliveryState.FAILED, None)
        try:
            target = resolve(subscription.url, self.stores.allow_loopback, self.stores.resolver)
        except RefusedAddress as refusal:
            outcome = transport.Outcome(0, f"refused address: {refusal.message_en}", 0)
        else:
            secret = signing.subscription_secret(self.stores.key(), subscription.subscription_id)
            headers = signing.headers(secret, delivery.delivery_id, int(now.timestamp()), delivery.payload)
            outcome = self._send(target, delivery.payload, headers)
        attempt = Attempt(now, outcome.status, outcome.error, outcome.duration_ms)
        if attempt.succeeded:
            if subscription.failing_since is not None:
                self.stores.subscriptions.save(replace(subscription, failing_since=None))
            return self._record(delivery, attempt, DeliveryState.DELIVERED, None)
        self._note_failure(subscription, now)
        first = delivery.attempts[0].at if delivery.attempts else now
        at = retry.next_attempt(first, now, len(delivery.attempts) + 1, self._rng)
        if at is None:
            return self._record(delivery, attempt, DeliveryState.FAILED, None)
        recorded = self._record(delivery, attempt, DeliveryState.PENDING, at)
        self.stores.queue.enqueue(recorded, at)
        return recorded

    def _record(self, delivery: Delivery, attempt: Attempt, state: DeliveryState, next_at: datetime | None) -> Delivery:
        updated = replace(delivery, attempts=(*delivery.attempts, attempt), state=state, next_attempt_at=next_at)
        self.stores.deliveries.save(updated)
        return updated

    def _note_failure(self, subscription: Subscription, now: datetime) -> None:
        failing_since = subscription.failing_since or now
        if retry.should_disable(failing_since, now):
            disabled = replace(subscription, failing_since=failing_since, disabled_at=now)
            if self.stores.subscriptions.disable(disabled):  # only the one worker that disabled it tells
                self._notifier.endpoint_disabled(disabled, now)
        elif subscription.failing_since is None:
            self.stores.subscriptions.save(replace(subscription, failing_since=now))
