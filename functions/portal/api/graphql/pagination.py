"""Relay-style connections: `edges { node }`, `pageInfo { endCursor hasNextPage }`."""

from __future__ import annotations

import strawberry


@strawberry.type
class PageInfo:
    end_cursor: str | None = strawberry.field(description="Pass as `after` to get the next page.")
    has_next_page: bool

    @classmethod
    def of(cls, end_cursor: str | None) -> PageInfo:
        return cls(end_cursor=end_cursor, has_next_page=end_cursor is not None)
