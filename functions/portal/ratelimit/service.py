"""Admitting a request: increment its counters in the shared store and refuse it past a limit."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Protocol

from portal.errors import RateLimited
from portal.ratelimit.policy import Limits, RequestKind, Window, counters_for, window_at

# Counters outlive their window a little, so DynamoDB's TTL sweep never races a live window.
EXPIRY_GRACE_SECONDS = 60
# Also the body of WAF's refusal (infra/waf.yaml): the site shows the same words whichever layer refused.
MESSAGE = "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."
MESSAGE_EN = "Too many requests. Please try again shortly."


class CounterStore(Protocol):
    def increment(self, key: str, expires_at: int, amount: int = 1) -> int:
        """Add `amount` to the counter `key` (made on first use) and return its new value."""
        ...


class RecentRefusals:
    """What this container refused lately: a client or an address over its limit is refused again at once,
    until its window ends, without counting or running anything (the shared counters already say no)."""

    def __init__(self) -> None:
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def remember(self, keys: list[str], until: float) -> None:
        with self._lock:
            for key in keys:
                self._until[key] = until
            if len(self._until) > 10_000:  # forget the expired ones now and then
                now = max(self._until.values()) - 3600
                self._until = {k: t for k, t in self._until.items() if t > now}

    def refusing(self, keys: list[str], timestamp: float) -> bool:
        with self._lock:
            return any(self._until.get(key, 0) > timestamp for key in keys)


def _refusal(window: Window, timestamp: float) -> RateLimited:
    return RateLimited(MESSAGE, MESSAGE_EN, retry_after=window.seconds_left(timestamp))


def already_refused(
    refusals: RecentRefusals, limits: Limits, now: datetime, kind: RequestKind, client: str | None, ip: str | None
) -> RateLimited | None:
    """The refusal to answer at once, when this container refused the same client or address this window."""
    timestamp = now.timestamp()
    window = window_at(timestamp, limits.window_seconds)
    keys = [c.key for c in counters_for(limits, kind, client, ip, window)]
    return _refusal(window, timestamp) if refusals.refusing(keys, timestamp) else None


def admit(
    counters: CounterStore,
    limits: Limits,
    now: datetime,
    kind: RequestKind,
    client: str | None,
    ip: str | None,
    refusals: RecentRefusals | None = None,
    amount: int = 1,
) -> None:
    """Count this request (`amount`: its weight, policy.weight); raise RateLimited when its client or its
    address is over the window's limit.

    The counters (a client's, an address's) are independent items: they are incremented at the same time.
    """
    timestamp = now.timestamp()
    window = window_at(timestamp, limits.window_seconds)
    wanted = counters_for(limits, kind, client, ip, window)
    if len(wanted) > 1:
        with ThreadPoolExecutor(max_workers=len(wanted)) as pool:
            values = list(
                pool.map(lambda c: counters.increment(c.key, window.end + EXPIRY_GRACE_SECONDS, amount), wanted)
            )
    else:
        values = [counters.increment(c.key, window.end + EXPIRY_GRACE_SECONDS, amount) for c in wanted]
    over = [counter.key for value, counter in zip(values, wanted, strict=True) if value > counter.limit]
    if over:
        if refusals is not None:
            refusals.remember(over, window.end)
        raise _refusal(window, timestamp)
