"""Every unit name, old and new, by its matching key: what the address reader looks words up in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from portal.units.model import DivisionType, Gazetteer, LegacyCommune
from portal.units.names import Token, is_number, key, spelling, type_word_before

MAX_NAME_WORDS = 8  # "Phường Văn Miếu - Quốc Tử Giám" has 5 words after its type

PROVINCE_LEVEL, DISTRICT_LEVEL, COMMUNE_LEVEL = 1, 2, 3
# The levels a division word may stand for ("Thành phố" was both a province and a district before 2025).
TYPE_LEVELS: dict[DivisionType, frozenset[int]] = {
    DivisionType.PROVINCE: frozenset({PROVINCE_LEVEL}),
    DivisionType.CITY: frozenset({PROVINCE_LEVEL, DISTRICT_LEVEL}),
    DivisionType.URBAN_DISTRICT: frozenset({DISTRICT_LEVEL}),
    DivisionType.RURAL_DISTRICT: frozenset({DISTRICT_LEVEL}),
    DivisionType.TOWN: frozenset({DISTRICT_LEVEL}),
    DivisionType.WARD: frozenset({COMMUNE_LEVEL}),
    DivisionType.COMMUNE: frozenset({COMMUNE_LEVEL}),
    DivisionType.TOWNSHIP: frozenset({COMMUNE_LEVEL}),
    DivisionType.SPECIAL_ZONE: frozenset({COMMUNE_LEVEL}),
}


class Entry(NamedTuple):
    code: str
    scope: str  # the parent's code: province of a new commune or old district, district of an old commune
    level: int
    kind: DivisionType | None
    spelled: str  # the name with its accents (see names.spelling)


Lookup = Callable[[str], list[Entry]]


@dataclass(frozen=True)
class Found:
    code: str
    start: int  # first token of the name, or of the division word before it
    level: int
    conflict: int  # 1 when a division word of another level stands right before the name
    typed: int  # 1 when the division word before it is the unit's own ("Thị trấn X", not "Xã X")
    exact: int  # 1 when typed with the name's own accents ("Sa Pả", not "Sa Pa")


def _add(entries: dict[str, list[Entry]], code: str, scope: str, level: int, name: str, extra: Iterable[str]) -> None:
    kind, short = DivisionType.of_name(name)
    entry = Entry(code, scope, level, kind, spelling(short))
    for k in dict.fromkeys([key(short), *extra]):
        entries[k].append(entry)


class UnitIndex:
    def __init__(self, g: Gazetteer) -> None:
        self._current_provinces: dict[str, list[Entry]] = defaultdict(list)
        self._current_communes: dict[str, list[Entry]] = defaultdict(list)
        self._legacy_provinces: dict[str, list[Entry]] = defaultdict(list)
        self._legacy_districts: dict[str, list[Entry]] = defaultdict(list)
        self._legacy_communes: dict[str, list[Entry]] = defaultdict(list)
        self._communes_of_district: dict[str, list[LegacyCommune]] = defaultdict(list)
        self._district_province = {d.code: d.province_code for d in g.legacy_districts.values()}
        extra = g.current_keys
        for p in g.provinces.values():
            _add(self._current_provinces, p.code, "", PROVINCE_LEVEL, p.name, extra.get(p.code, ()))
        for c in g.communes.values():
            _add(self._current_communes, c.code, c.province_code, COMMUNE_LEVEL, c.name, extra.get(c.code, ()))
        for lp in g.legacy_provinces.values():
            _add(self._legacy_provinces, lp.code, "", PROVINCE_LEVEL, lp.name, lp.keys)
        for d in g.legacy_districts.values():
            _add(self._legacy_districts, d.code, d.province_code, DISTRICT_LEVEL, d.name, d.keys)
        for lc in g.legacy_communes.values():
            _add(self._legacy_communes, lc.code, lc.district_code, COMMUNE_LEVEL, lc.name, lc.keys)
            self._communes_of_district[lc.district_code].append(lc)

    # Lookups: the units a key may stand for at one level, within a parent when one is known.

    def current_province(self, k: str) -> list[Entry]:
        return self._current_provinces.get(k, [])

    def current_commune(self, k: str, province: str | None) -> list[Entry]:
        return [e for e in self._current_communes.get(k, ()) if province in (None, e.scope)]

    def legacy_province(self, k: str) -> list[Entry]:
        return self._legacy_provinces.get(k, [])

    def legacy_district(self, k: str, province: str | None) -> list[Entry]:
        return [e for e in self._legacy_districts.get(k, ()) if province in (None, e.scope)]

    def legacy_commune_in_district(self, k: str, district: str) -> list[Entry]:
        return [e for e in self._legacy_communes.get(k, ()) if e.scope == district]

    def legacy_commune_in_province(self, k: str, province: str) -> list[Entry]:
        return [e for e in self._legacy_communes.get(k, ()) if self._district_province[e.scope] == province]

    def legacy_communes_of(self, district_code: str) -> list[LegacyCommune]:
        return self._communes_of_district.get(district_code, [])

    def find(self, tokens: list[Token], end: int, lookup: Lookup) -> list[Found]:
        """Every unit whose name ends at token `end` (exclusive). When a division word of the same level
        stands before the name, two readings: with it, and without it (it may belong to the name before,
        as the "Tĩnh" of "Sơn Tịnh, Quảng Ngãi" read without accents)."""
        found: list[Found] = []
        for start in range(end - 1, max(end - MAX_NAME_WORDS, 0) - 1, -1):
            if start + 1 < end and tokens[start + 1].after_boundary:
                break  # a name never spans a comma
            k = "".join(t.word for t in tokens[start:end])
            entries = lookup(k)
            if not entries:
                continue
            word = type_word_before(tokens, start)
            typed = "".join(t.spelled for t in tokens[start:end])
            for e in entries:
                exact = int(typed == e.spelled)
                agrees = word is not None and e.level in TYPE_LEVELS[word.kind]
                if word is not None and agrees:
                    found.append(Found(e.code, word.start, e.level, 0, int(word.kind is e.kind), exact))
                if is_number(k):
                    continue  # "12" alone is a house number, not "Phường 12"
                # A division word of another level before the name speaks against this reading.
                conflict = int(word is not None and word.certain and not agrees)
                found.append(Found(e.code, start, e.level, conflict, 0, exact))
        return found
