"""One page of a DynamoDB Query, the cursor being the LastEvaluatedKey (checked before use)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from portal.errors import InvalidInput
from portal.pagination import Page, check_page_size, decode_cursor, encode_cursor

T = TypeVar("T")

_BAD_CURSOR = InvalidInput.for_field("after", "Con trỏ trang không hợp lệ.", "The page cursor is not valid.")


def start_key(cursor: str | None, partition: dict[str, str]) -> dict[str, Any] | None:
    """The ExclusiveStartKey a cursor stands for; it must lie in the partition being queried."""
    key = decode_cursor(cursor)
    if key is None:
        return None
    if not all(isinstance(v, dict) and set(v) == {"S"} and isinstance(v["S"], str) for v in key.values()):
        raise _BAD_CURSOR
    if any(key.get(name, {}).get("S") != value for name, value in partition.items()):
        raise _BAD_CURSOR
    return key


def query_page(
    run_query: Callable[..., Any],
    partition: dict[str, str],
    first: int | None,
    after: str | None,
    to_domain: Callable[[Any], T],
) -> Page[T]:
    """Run `run_query(limit=..., last_evaluated_key=...)` for one page and map its items."""
    size = check_page_size(first)
    result = run_query(limit=size, last_evaluated_key=start_key(after, partition))
    items = [to_domain(item) for item in result]
    last = result.last_evaluated_key
    return Page(items=items, end_cursor=encode_cursor(last) if last and len(items) == size else None)
