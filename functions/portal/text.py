"""Folding Vietnamese text for matching: "Đăng ký Khai sinh" and "dang ky khai sinh" fold alike."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
# đ/Đ are letters of their own in Unicode, not d + a combining mark, so NFD leaves them alone.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower case, no diacritics, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.lower()).strip()


def words(text: str) -> list[str]:
    folded = fold(text)
    return folded.split() if folded else []
