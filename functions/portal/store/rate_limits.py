"""Request counters in DynamoDB: one atomic UpdateItem (ADD) per counter, so concurrent Lambdas agree."""

from __future__ import annotations

from datetime import UTC, datetime

from portal.store.rate_limit_items import RateLimitItem


class RateLimitStore:
    def increment(self, key: str, expires_at: int, amount: int = 1) -> int:
        item = RateLimitItem(key)
        item.update(
            actions=[
                RateLimitItem.count.add(amount),
                RateLimitItem.expires_at.set(datetime.fromtimestamp(expires_at, UTC)),
            ]
        )
        return int(item.count)

    def current(self, key: str) -> int:
        """The counter's value now (0 before its first request)."""
        try:
            return int(RateLimitItem.get(key, consistent_read=True).count)
        except RateLimitItem.DoesNotExist:
            return 0
