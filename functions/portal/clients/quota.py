"""A registered client's own limits: requests per minute and per day (Vietnam's day), fixed windows.

Answered with the IETF draft's headers (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` for
both windows, and `RateLimit-Limit`/`-Remaining`/`-Reset` for the one closest to its end of quota.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from portal.clients.model import ClientLimits

MINUTE = 60
DAY = 86_400
VIETNAM_OFFSET = 7 * 3600


@dataclass(frozen=True)
class QuotaWindow:
    name: str  # "minute" | "day"
    key: str  # the counter in the RateLimits table
    limit: int
    seconds: int
    resets_at: int  # epoch seconds

    def reset_in(self, timestamp: float) -> int:
        return max(1, int(self.resets_at - timestamp + 0.999))


def windows(client_id: str, limits: ClientLimits, now: datetime) -> list[QuotaWindow]:
    t = int(now.timestamp())
    minute_start = t - t % MINUTE
    day_start = t - (t + VIETNAM_OFFSET) % DAY
    return [
        QuotaWindow(
            "minute", f"quota#{client_id}#minute#{minute_start}", limits.per_minute, MINUTE, minute_start + MINUTE
        ),
        QuotaWindow("day", f"quota#{client_id}#day#{day_start}", limits.per_day, DAY, day_start + DAY),
    ]


@dataclass(frozen=True)
class QuotaState:
    window: QuotaWindow
    used: int

    @property
    def remaining(self) -> int:
        return max(0, self.window.limit - self.used)

    @property
    def exceeded(self) -> bool:
        return self.used > self.window.limit


def headers(states: list[QuotaState], timestamp: float) -> dict[str, str]:
    tightest = min(states, key=lambda s: (s.remaining, -s.window.seconds))
    policy = ", ".join(f"{s.window.limit};w={s.window.seconds}" for s in states)
    values = {
        "ratelimit-policy": policy,
        "ratelimit-limit": str(tightest.window.limit),
        "ratelimit-remaining": str(tightest.remaining),
        "ratelimit-reset": str(tightest.window.reset_in(timestamp)),
    }
    over = [s for s in states if s.exceeded]
    if over:
        values["retry-after"] = str(max(s.window.reset_in(timestamp) for s in over))
    return values
