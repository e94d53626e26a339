"""What a search may ask of the index, checked before the index is touched: its length and word count.

With the typo expansion bounded per word (search.MAX_FUZZY_LENGTH), the work of a search grows linearly
with these two limits; together they keep the longest allowed search to milliseconds and kilobytes.
"""

from __future__ import annotations

from portal.input_limits import LIMITS, check_length, too_long
from portal.text import words

MAX_SEARCH_LENGTH = LIMITS["search"]
MAX_SEARCH_WORDS = LIMITS["searchWords"]


def check_search_text(query: str | None) -> str:
    """The search text, or InvalidInput (BAD_USER_INPUT) naming the limit it passes."""
    text = check_length("search", query, "search") or ""
    if len(words(text)) > MAX_SEARCH_WORDS:  # as the index splits it: "a,b" is two words
        raise too_long("search", MAX_SEARCH_WORDS, "từ", "words")
    return text
