"""Reading an address typed by a citizen and finding its commune and province in the 2025 units.

The address may be in the old form (street, commune, district, one of 63 provinces) or already in the
new one (street, commune, one of 34 provinces), with or without accents, commas or division words, in
full or abbreviated. It is read from the right: province, then (old form) district, then commune;
whatever stands before is the street. Every reading that fits is scored, and the best wins:

1. fewer division words that contradict the name they stand before ("Quận Hoàn Kiếm" is a district),
2. then more of the text explained ("Yên Phụ, Tây Hồ, Hà Nội" is an old ward, not the new Tây Hồ),
3. then a province named rather than guessed,
4. then the finer level reached (commune, district, province),
5. then division words that are the unit's own ("Thị trấn X", not "Xã X", in the same district),
6. then, when the citizen typed accents, names typed with their own accents ("Sa Pa", not "Sa Pả"),
7. then the new form (an address that is valid today is read as it stands).

Equal best readings are all kept (the answer is then ambiguous). An old commune that was split among
several new communes gives all of them. Pure: the units come in a Gazetteer, nothing is read here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from portal.units.index import PROVINCE_LEVEL, Found, UnitIndex
from portal.units.model import Gazetteer, LegacyDistrict, LegacyProvince
from portal.units.names import Token, country_suffix_start, tokenize
from portal.units.resolution import AddressForm, Candidate, LegacyMatch, Precision, Resolution


@dataclass(frozen=True)
class _Reading:
    form: AddressForm
    precision: Precision
    start: int  # first token explained
    parts: tuple[Found, ...]  # the units found, province first
    candidate_codes: tuple[tuple[str, str | None], ...]  # (province code, commune code), best first
    has_default: bool
    legacy: LegacyMatch | None = None
    split: bool = False
    accented: bool = True  # the citizen typed accents, so how a name is accented tells names apart

    @property
    def score(self) -> tuple[int, ...]:
        """Higher is better; compared item by item (see the module's docstring)."""
        return (
            -sum(p.conflict for p in self.parts),
            -self.start,  # every reading ends at the same token: an earlier start explains more
            int(self.has_province),
            self.precision.value,
            sum(p.typed for p in self.parts),
            sum(p.exact for p in self.parts) if self.accented else 0,
            int(self.form is AddressForm.CURRENT),
        )

    @property
    def has_province(self) -> bool:
        return self.legacy.province_given if self.legacy else self.parts[0].level == PROVINCE_LEVEL


class AddressResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self._g = gazetteer
        self._index = UnitIndex(gazetteer)

    def resolve(self, text: str) -> Resolution:
        tokens = tokenize(text)
        end = country_suffix_start(tokens)
        accented = any(t.spelled != t.word for t in tokens)
        readings = [
            replace(r, accented=accented)
            for r in (*self._current_readings(tokens, end), *self._legacy_readings(tokens, end))
        ]
        if not readings:
            return Resolution(text, AddressForm.UNRECOGNIZED, Precision.NONE, None, None, False, False, ())
        best = max(r.score for r in readings)
        chosen = _distinct([r for r in readings if r.score == best])
        first = chosen[0]
        # Two old communes spelled alike that went to the same new commune leave no doubt about the answer.
        ambiguous = len({r.candidate_codes for r in chosen}) > 1
        codes = list(dict.fromkeys(c for r in chosen for c in r.candidate_codes))
        candidates = tuple(
            Candidate(
                self._g.provinces[p],
                self._g.communes[c] if c else None,
                is_default=not ambiguous and first.has_default and i == 0,
            )
            for i, (p, c) in enumerate(codes)
        )
        street = text[: tokens[first.start].start].strip(" ,;.-–\t\n") if first.start > 0 else ""
        return Resolution(
            text=text,
            form=first.form,
            precision=first.precision,
            street=street or None,
            legacy=first.legacy if len(chosen) == 1 else None,
            split=any(r.split for r in chosen),
            ambiguous=ambiguous,
            candidates=candidates,
        )

    def _current_readings(self, tokens: list[Token], end: int) -> Iterable[_Reading]:
        idx, g = self._index, self._g
        for province in [*idx.find(tokens, end, idx.current_province), None]:
            at = province.start if province else end
            above = (province,) if province else ()
            scope = province.code if province else None
            for commune in idx.find(tokens, at, lambda k, s=scope: idx.current_commune(k, s)):
                code = (g.communes[commune.code].province_code, commune.code)
                yield _Reading(AddressForm.CURRENT, Precision.COMMUNE, commune.start, (*above, commune), (code,), True)
            if province:
                yield _Reading(AddressForm.CURRENT, Precision.PROVINCE, at, above, ((province.code, None),), True)

    def _legacy_readings(self, tokens: list[Token], end: int) -> Iterable[_Reading]:
        idx, g = self._index, self._g
        for province in [*idx.find(tokens, end, idx.legacy_province), None]:
            at = province.start if province else end
            above = (province,) if province else ()
            scope = province.code if province else None
            for district in idx.find(tokens, at, lambda k, s=scope: idx.legacy_district(k, s)):
                d = g.legacy_districts[district.code]
                p = g.legacy_provinces[d.province_code]
                for commune in idx.find(
                    tokens, district.start, lambda k, dc=d.code: idx.legacy_commune_in_district(k, dc)
                ):
                    yield self._commune_reading(p, d, commune, (*above, district, commune), province is not None)
                yield self._district_reading(p, d, district, (*above, district), province is not None)
            if province is None:
                continue
            p = g.legacy_provinces[province.code]
            # The district is often left out: look for the commune in the whole old province.
            for commune in idx.find(tokens, at, lambda k, pc=p.code: idx.legacy_commune_in_province(k, pc)):
                yield self._commune_reading(p, None, commune, (province, commune), True)
            match = LegacyMatch(p, None, None, province_given=True)
            yield _Reading(
                AddressForm.LEGACY, Precision.PROVINCE, at, above, ((p.new_province_code, None),), True, match
            )

    def _commune_reading(
        self,
        province: LegacyProvince,
        district: LegacyDistrict | None,
        found: Found,
        parts: tuple[Found, ...],
        province_given: bool,
    ) -> _Reading:
        commune = self._g.legacy_communes[found.code]
        district = district or self._g.legacy_districts[commune.district_code]
        return _Reading(
            AddressForm.LEGACY,
            Precision.COMMUNE,
            found.start,
            parts,
            tuple((self._g.communes[c].province_code, c) for c in commune.new_commune_codes),
            has_default=True,
            legacy=LegacyMatch(province, district, commune, province_given),
            split=commune.was_split,
        )

    def _district_reading(
        self, province: LegacyProvince, district: LegacyDistrict, found: Found, parts: tuple[Found, ...], given: bool
    ) -> _Reading:
        match = LegacyMatch(province, district, None, given)
        if district.new_commune_codes:  # an island district, now one special zone
            codes = tuple((self._g.communes[c].province_code, c) for c in district.new_commune_codes)
            return _Reading(AddressForm.LEGACY, Precision.COMMUNE, found.start, parts, codes, True, match)
        shares: Counter[str] = Counter()
        for commune in self._index.legacy_communes_of(district.code):
            shares.update(commune.new_commune_codes)
        # The new communes that took part of the old district, those that took most of it first.
        codes = tuple((self._g.communes[c].province_code, c) for c in sorted(shares, key=lambda c: (-shares[c], c)))
        return _Reading(AddressForm.LEGACY, Precision.DISTRICT, found.start, parts, codes, False, match)


def _distinct(readings: list[_Reading]) -> list[_Reading]:
    """Readings that name the same units twice (e.g. through two spellings) count once."""
    seen: dict[tuple[object, ...], _Reading] = {}
    for r in readings:
        seen.setdefault((r.form, r.candidate_codes, r.legacy), r)
    return list(seen.values())
