"""Cursor pagination shared by every list: opaque cursors, a page size cap, one Page type."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from portal.errors import InvalidInput
from portal.input_limits import check_length

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    end_cursor: str | None  # pass as `after` to get the next page; None on the last page
    total: int | None = None  # known for in-memory lists, None for DynamoDB queries


def check_page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE_SIZE
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise InvalidInput.for_field(
            "first",
            f"Số kết quả mỗi trang phải từ 1 đến {MAX_PAGE_SIZE}.",
            f"Page size must be between 1 and {MAX_PAGE_SIZE}.",
        )
    return first


def encode_cursor(position: dict[str, Any]) -> str:
    raw = json.dumps(position, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> dict[str, Any] | None:
    if cursor is None:
        return None
    check_length("after", cursor, "cursor")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        value = None
    if not isinstance(value, dict):
        raise InvalidInput.for_field("after", "Con trỏ trang không hợp lệ.", "The page cursor is not valid.")
    return value


def page_of_list(items: Sequence[T], first: int | None, after: str | None) -> Page[T]:
    """A page of an in-memory list, the cursor holding the offset."""
    size = check_page_size(first)
    position = decode_cursor(after) or {"o": 0}
    offset = position.get("o")
    if not isinstance(offset, int) or offset < 0:
        raise InvalidInput.for_field("after", "Con trỏ trang không hợp lệ.", "The page cursor is not valid.")
    chunk = items[offset : offset + size]
    end = offset + len(chunk)
    return Page(items=chunk, end_cursor=encode_cursor({"o": end}) if end < len(items) else None, total=len(items))
