"""When to try a failed delivery again: exponential backoff with full jitter (AWS's "Exponential Backoff
And Jitter"), for RETRY_FOR; an endpoint failing for DISABLE_AFTER is disabled."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

BASE_SECONDS = 30
CAP_SECONDS = 3 * 3600
RETRY_FOR = timedelta(hours=26)  # at least a day: GOV.UK Pay and FormSG retry for a day or more
DISABLE_AFTER = timedelta(hours=24)


def backoff(attempts_made: int, rng: random.Random | None = None) -> timedelta:
    """The wait before attempt `attempts_made + 1`: uniform in [ceiling / 2, ceiling], the ceiling doubling
    from BASE_SECONDS up to CAP_SECONDS (half of it kept fixed, so retries never bunch at zero)."""
    ceiling = min(CAP_SECONDS, BASE_SECONDS * 2 ** max(0, attempts_made - 1))
    return timedelta(seconds=(rng or random).uniform(ceiling / 2, ceiling))  # noqa: S311 - jitter, not a secret


def next_attempt(first_attempt: datetime, now: datetime, attempts_made: int, rng: random.Random | None = None):
    """The time of the next attempt, or None once RETRY_FOR has passed; the last one is at RETRY_FOR exactly, so
    a delivery is always tried for the whole period."""
    last = first_attempt + RETRY_FOR
    if now >= last:
        return None
    return min(now + backoff(attempts_made, rng), last)


def should_disable(failing_since: datetime | None, now: datetime) -> bool:
    return failing_since is not None and now - failing_since >= DISABLE_AFTER
