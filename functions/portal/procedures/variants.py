"""Which variant a procedure is: one short line, from the catalog's own words, telling apart procedures
that share a name.

The catalog publishes families of procedures under one name: «Đăng ký khai sinh», «Đăng ký khai sinh có
yếu tố nước ngoài», «Đăng ký lại khai sinh»; «Đăng ký lại kết hôn» for a commune People's Committee and
for a diplomatic mission; «Cấp lại thẻ căn cước» at the commune, the province and the ministry. A
procedure's family is its name without the words that tell variants apart (the re-issue words, the
foreign element, the applicant kind, a closing parenthesis such as «(thực hiện tại cấp tỉnh)»).

The line says, in this order and only what the catalog says: the re-issue word of its name («Cấp lại»,
«Đăng ký lại», «Cấp đổi»); the foreign element («Có yếu tố nước ngoài» when its name says so, «Không có
yếu tố nước ngoài» when a sibling's does: a re-registration at a mission abroad is not "domestic", so the
line says what the catalog distinguishes); the applicant kind its name names; and, when the siblings
with the same words differ by where they are filed, its agency or its levels. No sibling, no line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from portal.procedures.model import Level, ProcedureSummary
from portal.text import fold


@dataclass(frozen=True)
class VariantNote:
    vi: str
    en: str


_PARENTHESIS = re.compile(r"\([^()]*\)")
_PUNCTUATION = ',.;:-–/"“”«»'
_FOREIGN = "có yếu tố nước ngoài"
# (words of the name, what the line says in Vietnamese and in English), with the word they re-issue
_REISSUE = (
    ("đăng ký lại", "Đăng ký lại", "Re-registration", "đăng ký"),
    ("cấp lại", "Cấp lại", "Re-issue", "cấp"),
    ("cấp đổi", "Cấp đổi", "Replacement", "cấp"),
)
_APPLICANTS = (
    ("hộ kinh doanh", "Hộ kinh doanh", "Household business"),
    ("người nước ngoài", "Người nước ngoài", "Foreigner"),
    ("doanh nghiệp", "Doanh nghiệp", "Enterprise"),
    ("cá nhân", "Cá nhân", "Individual"),
)
_BEFORE_APPLICANT = ("cho ", "của ", "đối với ", "dành cho ", "")
_LEVELS = {
    Level.COMMUNE: ("Cấp xã", "Commune level"),
    Level.PROVINCE: ("Cấp tỉnh", "Province level"),
    Level.CENTRAL: ("Cấp bộ, ngành", "Ministry level"),
}
MAX_AGENCY = 80  # characters of an agency list shown in the line: longer lists are cut at a word


def _words(name: str) -> str:
    """The name in lower case, without its parentheses and punctuation, between spaces: cheap string
    operations, as every name of the catalog goes through it once (folding them all took 45 ms)."""
    text = unicodedata.normalize("NFC", name)
    if "(" in text:
        text = _PARENTHESIS.sub(" ", text)
    text = text.lower()
    for mark in _PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    return f" {' '.join(text.split())} "


def family_name(name: str) -> str:
    """The name without the words that tell variants apart: «Đăng ký lại khai sinh có yếu tố nước ngoài» and
    «Đăng ký khai sinh» are both «đăng ký khai sinh»."""
    text = _words(name).replace(f" {_FOREIGN} ", " ")
    for words, _, _, reissued in _REISSUE:
        text = text.replace(f" {words} ", f" {reissued} ")
    for words, _, _ in _APPLICANTS:
        if words in text:
            for before in _BEFORE_APPLICANT:
                text = text.replace(f" {before}{words} ", " ")
    return text.strip()


@dataclass(frozen=True)
class _NameSays:
    """What a name says of its variant."""

    reissue: tuple[str, str] | None
    foreign: bool
    applicants: frozenset[str]  # the applicant words it names

    @classmethod
    def of(cls, name: str) -> _NameSays:
        text = _words(name)
        reissue = next(
            (
                (vi, en)
                for words, vi, en, reissued in _REISSUE
                # «Cấp, cấp lại ...», «Đăng ký, đăng ký lại ...»: both, so neither
                if f" {words} " in text and f" {reissued} {words} " not in text
            ),
            None,
        )
        foreign = f" {_FOREIGN} " in text
        if foreign:
            text = text.replace(f" {_FOREIGN} ", " ")
        return cls(reissue, foreign, frozenset(words for words, _, _ in _APPLICANTS if f" {words} " in text))


def _short_agency(agency: str) -> str:
    """The agency as the catalog names it, without its parentheses and past the first «;» (a list of one
    agency repeated, or of several), cut at a word when still long."""
    short = " ".join(_PARENTHESIS.sub(" ", agency).split(";")[0].split()).replace(" ,", ",").strip(" ,.")
    if len(short) <= MAX_AGENCY:
        return short
    return short[:MAX_AGENCY].rsplit(" ", 1)[0].rstrip(" ,-") + "…"


def _levels(levels: Sequence[Level]) -> tuple[str, str]:
    named = [_LEVELS[level] for level in levels]
    return ", ".join(vi for vi, _ in named), ", ".join(en for _, en in named)


def _where(procedure: ProcedureSummary, twins: Sequence[ProcedureSummary]) -> tuple[str, str] | None:
    """Where it is filed, when that tells it from siblings with the same variant words: the agency when the
    agencies tell them all apart, else the levels when those do, else whichever differs."""
    if not twins:
        return None
    agency = fold(procedure.agency)
    agencies_differ = bool(agency) and any(fold(t.agency) != agency for t in twins)
    agencies_unique = agencies_differ and all(fold(t.agency) != agency for t in twins)
    levels_differ = bool(procedure.levels) and any(set(t.levels) != set(procedure.levels) for t in twins)
    levels_unique = levels_differ and all(set(t.levels) != set(procedure.levels) for t in twins)
    if agencies_unique or (agencies_differ and not levels_unique):
        short = _short_agency(procedure.agency)
        return short, _short_agency(procedure.agency_en) or short
    if levels_differ:
        return _levels(procedure.levels)
    return None


def variant_note(procedure: ProcedureSummary, siblings: Iterable[ProcedureSummary]) -> VariantNote | None:
    """The line telling `procedure` from its `siblings` (the other procedures of its family); None when
    there are none, or when nothing the catalog says tells them apart."""
    others = [s for s in siblings if s.code != procedure.code]
    if not others:
        return None
    says = _NameSays.of(procedure.name)
    said = {s.code: _NameSays.of(s.name) for s in others}
    parts = [says.reissue] if says.reissue else []
    if says.foreign:
        parts.append(("Có yếu tố nước ngoài", "With a foreign element"))
    elif any(s.foreign for s in said.values()):
        parts.append(("Không có yếu tố nước ngoài", "No foreign element"))
    for words, vi, en in _APPLICANTS:  # only a kind some sibling does not name tells them apart
        if words in says.applicants and any(words not in s.applicants for s in said.values()):
            parts.append((vi, en))
    where = _where(procedure, [s for s in others if said[s.code] == says])
    if where:
        parts.append(where)
    if not parts:
        return None
    return VariantNote(" · ".join(vi for vi, _ in parts), " · ".join(en for _, en in parts))


class VariantFamilies:
    """The catalog's procedures by family, and each one's line (worked out when first asked)."""

    def __init__(self, procedures: Iterable[ProcedureSummary]) -> None:
        self._families: dict[str, list[ProcedureSummary]] = defaultdict(list)
        self._family_of: dict[str, str] = {}
        for procedure in procedures:
            family = family_name(procedure.name)
            self._families[family].append(procedure)
            self._family_of[procedure.code] = family
        self._notes: dict[str, VariantNote | None] = {}

    def siblings(self, procedure: ProcedureSummary) -> list[ProcedureSummary]:
        """The others of its family it may be listed with: the national ones, and its own province's."""
        family = self._families.get(self._family_of.get(procedure.code, ""), [])
        return [s for s in family if s.code != procedure.code and s.province_code in (None, procedure.province_code)]

    def note(self, procedure: ProcedureSummary) -> VariantNote | None:
        if procedure.code not in self._notes:
            self._notes[procedure.code] = variant_note(procedure, self.siblings(procedure))
        return self._notes[procedure.code]
