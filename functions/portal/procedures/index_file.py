"""The search index's data as it ships with the function: every procedure's summary, compact.

`python -m infra.reference.catalog_index` writes it from the reference catalog (a test fails when it is
stale); a container reads it with its first catalog query, so no catalog read from DynamoDB happens at
cold start. Repeated strings (fields, agencies) are stored once and referred to by position.
"""

from __future__ import annotations

import base64
import json
import sys
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from portal.procedures.model import DetailLevel, Level, OnlineLevel, ProcedureSummary
from portal.procedures.search import IndexTerms, index_terms

INDEX_FILE = Path(__file__).parent / "data" / "catalog_index.json"
PORTAL_PAGE = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/"
FORMAT = 3  # 2: postings as base64 of 16-bit integers; 3: with the publishing body


class _Strings:
    def __init__(self) -> None:
        self.values: list[str] = []
        self._at: dict[str, int] = {}

    def ref(self, value: str) -> int:
        if value not in self._at:
            self._at[value] = len(self.values)
            self.values.append(value)
        return self._at[value]


def _encode_terms(terms: IndexTerms) -> dict[str, Any]:
    """Each word's postings as base64 of unsigned 16-bit integers, little-endian: the 300,000 integers parse
    as 1,400 strings (a JSON list of ints took half the file's parse) and are held as arrays (2 bytes each,
    not a 28-byte int object and an 8-byte pointer)."""
    postings = {}
    for word, flat in terms.postings.items():
        values = array("H", flat)  # OverflowError past 65,535: no catalog comes near (docs, doubled weights)
        if sys.byteorder == "big":
            values.byteswap()
        postings[word] = base64.b64encode(values.tobytes()).decode("ascii")
    return {"postings": postings, "lengths": [round(length * 2) for length in terms.doc_length]}


def _postings(encoded: str) -> array:
    values = array("H", base64.b64decode(encoded))
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _decode_terms(document: dict[str, Any]) -> IndexTerms:
    postings = {word: _postings(encoded) for word, encoded in document["postings"].items()}
    return IndexTerms(postings, [length / 2 for length in document["lengths"]])


def encode(summaries: Iterable[ProcedureSummary]) -> dict[str, Any]:
    strings = _Strings()
    rows = []
    ordered = sorted(summaries, key=lambda s: s.code)
    for s in ordered:
        url = s.official_url.removeprefix(PORTAL_PAGE) if s.official_url.startswith(PORTAL_PAGE) else s.official_url
        rows.append(
            [
                s.code,
                s.name,
                s.name_en,
                strings.ref(s.field),
                strings.ref(s.field_en),
                encode_levels(s.levels),  # p(rovince), c(ommune), C(entral)
                strings.ref(s.agency),
                strings.ref(s.agency_en),
                s.online_level.value if s.online_level else None,
                int(s.any_center),
                int(s.is_sample),
                s.detail_level.value[0],
                s.province_code,
                url,
                s.popularity,
                strings.ref(s.issuing_body),
            ]
        )
    return {
        "format": FORMAT,
        "strings": strings.values,
        "procedures": rows,
        "terms": _encode_terms(index_terms(ordered)),
    }


_LEVELS = {"p": Level.PROVINCE, "c": Level.COMMUNE, "C": Level.CENTRAL}
_DETAILS = {d.value[0]: d for d in DetailLevel}
_ONLINE = {o.value: o for o in OnlineLevel}  # a dict lookup, not an Enum call, for each of 5,700 rows


def _level_code(level: Level) -> str:
    return "C" if level is Level.CENTRAL else level.value[0]


def encode_levels(levels: Iterable[Level]) -> str:
    return "".join(_level_code(level) for level in levels)


def decode(document: dict[str, Any]) -> tuple[list[ProcedureSummary], IndexTerms]:
    """The summaries in code order and their terms, ready for SearchIndex(summaries, terms)."""
    strings = document["strings"]
    levels_of: dict[str, tuple[Level, ...]] = {}  # a handful of combinations, made once each
    for row in document["procedures"]:
        if row[5] not in levels_of:
            levels_of[row[5]] = tuple(_LEVELS[ch] for ch in row[5])
    summaries = [
        ProcedureSummary(
            code=code,
            name=name,
            name_en=name_en,
            field=strings[field],
            field_en=strings[field_en],
            levels=levels_of[levels],
            agency=strings[agency],
            agency_en=strings[agency_en],
            online_level=_ONLINE[online] if online else None,
            any_center=bool(any_center),
            is_sample=bool(is_sample),
            detail_level=_DETAILS[detail],
            province_code=province,
            official_url=(PORTAL_PAGE + url) if url and "/" not in url else url,
            popularity=popularity,
            issuing_body=strings[issuing_body],
        )
        for (
            code,
            name,
            name_en,
            field,
            field_en,
            levels,
            agency,
            agency_en,
            online,
            any_center,
            is_sample,
            detail,
            province,
            url,
            popularity,
            issuing_body,
        ) in document["procedures"]
    ]
    return summaries, _decode_terms(document["terms"])


def dumps(summaries: Iterable[ProcedureSummary]) -> str:
    return json.dumps(encode(summaries), ensure_ascii=False, separators=(",", ":")) + "\n"


def load(path: Path = INDEX_FILE) -> tuple[list[ProcedureSummary], IndexTerms]:
    return decode(json.loads(path.read_text(encoding="utf-8")))
