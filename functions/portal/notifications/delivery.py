"""A delivery's state machine (pure): created -> sending -> delivered, or a temporary failure retried with
exponential backoff until MAX_ATTEMPTS, then a permanent failure (GOV.UK Notify's provider tasks)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from portal.notifications.model import Delivery, DeliveryState

MAX_ATTEMPTS = 5
FIRST_BACKOFF = timedelta(seconds=30)  # then 1, 2, 4 minutes...
SENDABLE = frozenset({DeliveryState.CREATED, DeliveryState.TEMPORARY_FAILURE})
FINAL = frozenset({DeliveryState.DELIVERED, DeliveryState.PERMANENT_FAILURE})
SENDING_TIMEOUT = timedelta(minutes=5)  # a delivery still `sending` after this (a crashed worker) is retried


def backoff(attempts: int, first: timedelta = FIRST_BACKOFF) -> timedelta:
    return first * (2 ** max(attempts - 1, 0))


def start_sending(delivery: Delivery, now: datetime) -> Delivery:
    """A stale `sending` one (its worker died) may be taken again: at-least-once, like Notify's."""
    if delivery.state in FINAL:
        raise ValueError(f"a {delivery.state.value} delivery is not sent again")
    return replace(
        delivery, state=DeliveryState.SENDING, attempts=delivery.attempts + 1, next_attempt_at=now + SENDING_TIMEOUT
    )


def delivered(delivery: Delivery, now: datetime) -> Delivery:
    return replace(delivery, state=DeliveryState.DELIVERED, sent_at=now, next_attempt_at=None, last_error="")


def failed_for_good(delivery: Delivery, error: str) -> Delivery:
    return replace(delivery, state=DeliveryState.PERMANENT_FAILURE, next_attempt_at=None, last_error=error[:500])


def failed_for_now(delivery: Delivery, error: str, now: datetime, first: timedelta = FIRST_BACKOFF) -> Delivery:
    if delivery.attempts >= MAX_ATTEMPTS:
        return failed_for_good(delivery, f"gave up after {delivery.attempts} attempts: {error}")
    return replace(
        delivery,
        state=DeliveryState.TEMPORARY_FAILURE,
        next_attempt_at=now + backoff(delivery.attempts, first),
        last_error=error[:500],
    )
