"""Admitting a request: increment its counters in the shared store and refuse it past a limit."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from portal.errors import RateLimited
from portal.ratelimit.policy import Limits, RequestKind, counters_for, window_at

# Counters outlive their window a little, so DynamoDB's TTL sweep never races a live window.
EXPIRY_GRACE_SECONDS = 60
# Also the body of WAF's refusal (infra/waf.yaml): the site shows the same words whichever layer refused.
MESSAGE = "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."
MESSAGE_EN = "Too many requests. Please try again shortly."


class CounterStore(Protocol):
    def increment(self, key: str, expires_at: int) -> int:
        """Add one to the counter `key` (made on first use) and return its new value."""
        ...


def admit(
    counters: CounterStore, limits: Limits, now: datetime, kind: RequestKind, client: str | None, ip: str | None
) -> None:
    """Count this request; raise RateLimited when its client or its address is over the window's limit."""
    timestamp = now.timestamp()
    window = window_at(timestamp, limits.window_seconds)
    for counter in counters_for(limits, kind, client, ip, window):
        if counters.increment(counter.key, window.end + EXPIRY_GRACE_SECONDS) > counter.limit:
            raise RateLimited(MESSAGE, MESSAGE_EN, retry_after=window.seconds_left(timestamp))
