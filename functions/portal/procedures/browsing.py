"""Browsing the national catalog without typing: the most filed procedures first, its fields and its agencies
with how many procedures each lists.

Each count is what the search filter of the same name lists (procedures/service.py's ProcedureFilter):
a field's procedures are those whose field folds alike; an agency's are those whose agency names it (the
filter takes part of a name, so «Ủy ban nhân dân cấp xã» also lists «Chủ tịch Ủy ban nhân dân cấp xã»'s).
Only national procedures count: a province's own are listed with that province's filter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from portal.procedures.model import ProcedureSummary
from portal.text import fold as fold_text

fold = lru_cache(maxsize=4096)(fold_text)  # fields and agencies repeat across thousands of procedures

AGENCY_LIST_MARKS = (",", ";")  # an agency published as a list of bodies is browsed through each body


@dataclass(frozen=True)
class CatalogGroup:
    """A field or an agency, as the catalog spells it, and how many national procedures it lists."""

    name: str
    name_en: str
    count: int


def popular_first(procedures: Iterable[ProcedureSummary]) -> list[ProcedureSummary]:
    """The most filed first (`popularity`, from the catalog's usage figures), then by code."""
    return sorted(procedures, key=lambda p: (-p.popularity, p.code))


def _spelled(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Per folded name, the spelling the catalog uses most, and the English it is most often given (empty
    when it has none); the first seen among equals."""
    names: dict[str, Counter[str]] = {}
    english: dict[str, Counter[str]] = {}
    for name, name_en in pairs:
        names.setdefault(fold(name), Counter())[name] += 1
        if name_en.strip():
            english.setdefault(fold(name), Counter())[name_en] += 1
    return {
        key: (spellings.most_common(1)[0][0], english[key].most_common(1)[0][0] if key in english else "")
        for key, spellings in names.items()
    }


def _ordered(groups: Iterable[CatalogGroup]) -> list[CatalogGroup]:
    return sorted(groups, key=lambda g: (-g.count, fold(g.name)))


def fields_with_counts(procedures: Sequence[ProcedureSummary]) -> list[CatalogGroup]:
    """The fields (lĩnh vực) of the national procedures, the largest first."""
    national = [p for p in procedures if p.province_code is None and p.field.strip()]
    counts = Counter(fold(p.field) for p in national)
    spelled = _spelled((p.field, p.field_en) for p in national)
    return _ordered(CatalogGroup(spelled[f][0], spelled[f][1], n) for f, n in counts.items())


def agencies_with_counts(procedures: Sequence[ProcedureSummary]) -> list[CatalogGroup]:
    """The agencies of the national procedures that name one body, the largest first; each counts the
    procedures whose agency names it, alone or in a list («Bộ Tài chính» counts «Cục Thuế - Bộ Tài
    chính»'s). Worked out on distinct names (about 650), not on every procedure for every agency."""
    national = [p for p in procedures if p.province_code is None and p.agency.strip()]
    published = Counter(fold(p.agency) for p in national)
    spelled = _spelled((p.agency, p.agency_en) for p in national)
    bodies = [a for a in published if not any(mark in spelled[a][0] for mark in AGENCY_LIST_MARKS)]
    return _ordered(
        CatalogGroup(
            spelled[body][0],
            spelled[body][1],
            sum(n for agency, n in published.items() if body in agency),  # as the filter reads it
        )
        for body in bodies
    )
