"""How an address is cut into words, and how unit names and their abbreviations are recognised.

Every name is compared folded (no accents, lower case) and without spaces, so "Tây Hồ", "tay ho" and
"tayho" are one key. Division words ("Phường", "P.", "F", "Q.", "TP.", "Tx.", ...) may stand before a
name; they say which level the name is at, and a name made only of digits ("Phường 12", "Quận 1")
is recognised only after one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from portal.text import fold
from portal.units.model import DivisionType

_WORD = re.compile(r"[^\W_]+")
_BOUNDARY = re.compile(r"[,;\n]")
_GLUED_ABBREVIATION = re.compile(r"^(tp|tx|tt|q|p|f|h|x)(\d+)$")  # "P12", "Q1", "F7"
_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")

# The words (folded) that may stand for each division type, abbreviations included.
TYPE_WORDS: dict[DivisionType, tuple[tuple[str, ...], ...]] = {
    DivisionType.PROVINCE: (("tinh",),),
    DivisionType.CITY: (("thanh", "pho"), ("tp",), ("thanhpho",)),
    DivisionType.URBAN_DISTRICT: (("quan",), ("q",)),
    DivisionType.RURAL_DISTRICT: (("huyen",), ("h",)),
    DivisionType.TOWN: (("thi", "xa"), ("tx",), ("thixa",)),
    DivisionType.WARD: (("phuong",), ("p",), ("f",)),
    DivisionType.COMMUNE: (("xa",), ("x",)),
    DivisionType.TOWNSHIP: (("thi", "tran"), ("tt",), ("thitran",)),
    DivisionType.SPECIAL_ZONE: (("dac", "khu"), ("dk",)),
}
# Longest first, so "thi xa" is read before "xa".
_ALL_TYPE_WORDS = sorted(
    ((words, kind) for kind, variants in TYPE_WORDS.items() for words in variants), key=lambda wk: -len(wk[0])
)
COUNTRY_WORDS = (("viet", "nam"), ("vietnam",), ("vn",))


def key(name: str) -> str:
    """The matching key of a name: folded, digits without leading zeros, no spaces."""
    return _LEADING_ZEROS.sub("", fold(name)).replace(" ", "")


# Old and new places of the tone mark in the same syllable ("Hoà"/"Hòa", "Thuỷ"/"Thủy").
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip


def spelling(text: str) -> str:
    """A name's key with its accents kept: tells "Sa Pa" from "Sa Pả" when the citizen typed accents."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    joined = _LEADING_ZEROS.sub("", "".join(words))
    for old, new in _TONE_PAIRS.items():
        joined = joined.replace(old, new)
    return joined


def is_number(name_key: str) -> bool:
    return name_key.isdigit()


@dataclass(frozen=True)
class Token:
    word: str  # folded
    spelled: str  # as typed, lower case, accents kept (see `spelling`)
    start: int  # span in the original text
    end: int
    after_boundary: bool  # a comma, semicolon or line break stands before it


def tokenize(text: str) -> list[Token]:
    text = unicodedata.normalize("NFC", text)
    tokens: list[Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        boundary = bool(_BOUNDARY.search(text, previous_end, match.start())) or not tokens
        previous_end = match.end()
        folded = fold(match.group())
        glued = _GLUED_ABBREVIATION.match(folded)
        parts = [glued.group(1), glued.group(2)] if glued else folded.split()
        for i, part in enumerate(parts):
            word = _LEADING_ZEROS.sub("", part)
            spelled = spelling(match.group()) if len(parts) == 1 else word
            tokens.append(Token(word, spelled, match.start(), match.end(), boundary and i == 0))
    return tokens


# The accented spelling of each syllable of the division words: "Quán" or "Tịnh" are names, not types.
_TYPE_SYLLABLES = {
    "tinh": "tỉnh", "thanh": "thành", "pho": "phố", "quan": "quận", "huyen": "huyện", "thi": "thị",
    "xa": "xã", "phuong": "phường", "tran": "trấn", "dac": "đặc", "khu": "khu",
}  # fmt: skip


@dataclass(frozen=True)
class TypeWord:
    start: int  # its first token
    kind: DivisionType
    certain: bool  # typed with its accents, or abbreviated: not a syllable of a name


def type_word_before(tokens: list[Token], start: int) -> TypeWord | None:
    """The division word ending just before `start`, if any. Without accents, "quan" may be "Quận" or
    the end of "Nho Quan": such a word is uncertain."""
    for words, kind in _ALL_TYPE_WORDS:
        begin = start - len(words)
        if begin < 0 or tuple(t.word for t in tokens[begin:start]) != words:
            continue
        if any(tokens[i].after_boundary for i in range(begin + 1, start + 1) if i < len(tokens)):
            continue  # "Tây Hồ, P. ..." - a comma between the word and the name
        spelled = [t.spelled for t in tokens[begin:start]]
        if all(s == w for s, w in zip(spelled, words, strict=True)) and all(w in _TYPE_SYLLABLES for w in words):
            return TypeWord(begin, kind, certain=False)  # typed without accents
        if all(_TYPE_SYLLABLES.get(w, w) == s for s, w in zip(spelled, words, strict=True)):
            return TypeWord(begin, kind, certain=True)  # "Quận", "Thị xã", or an abbreviation such as "Q."
        return None  # "Quán", "Tịnh": a syllable of a name
    return None


def country_suffix_start(tokens: list[Token]) -> int:
    """Where a trailing "Việt Nam" (or a postal code) begins: the address proper ends there."""
    end = len(tokens)
    changed = True
    while changed and end:
        changed = False
        if tokens[end - 1].word.isdigit() and len(tokens[end - 1].word) in (5, 6):
            end -= 1
            changed = True
        for words in COUNTRY_WORDS:
            if end >= len(words) and tuple(t.word for t in tokens[end - len(words) : end]) == words:
                end -= len(words)
                changed = True
                break
    return end
