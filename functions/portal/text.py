"""Folding Vietnamese text for matching: "Đăng ký Khai sinh" and "dang ky khai sinh" fold alike."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


class _FoldedCharacters(dict):
    """Each character without its diacritics, worked out once per character (str.translate asks for each)."""

    def __missing__(self, code_point: int) -> str:
        # đ/Đ are letters of their own in Unicode, not d + a combining mark, so NFD leaves them alone.
        ch = chr(code_point)
        folded = (
            "d" if ch in "đĐ" else "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        )
        self[code_point] = folded
        return folded


_FOLDED = _FoldedCharacters()


def fold(text: str) -> str:
    """Lower case, no diacritics, words separated by single spaces."""
    return _NON_WORD.sub(" ", text.translate(_FOLDED).lower()).strip()


def words(text: str) -> list[str]:
    folded = fold(text)
    return folded.split() if folded else []
