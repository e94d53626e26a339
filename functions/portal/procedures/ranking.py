"""Ranking the catalog for a citizen's words: no word is required, every word counts by what it tells.

Each query word (after procedures/synonyms.py) is read as the catalog words it may stand for (exact,
prefix for the last word, one typo); a word the catalog never uses at all tells nothing and is left out.
A procedure scores the BM25 of the words it matches, times the share of the query's information (the
words' idf) it covers, squared: one that matches "cấp lại thẻ căn cước" fully outranks one that matches
"cấp" and "thẻ" many times. A name equal to the words or holding them as a phrase ranks first; among
equals the more used procedure first (`popularity`), then the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from portal.procedures.model import ProcedureSummary

MIN_COVERAGE = 0.5  # a hit must cover at least half of what the query says
WHOLE_NAME, PHRASE_IN_NAME = 3.0, 1.5
MAX_READINGS = 12  # catalog words one query word may stand for
POPULARITY_STEP = 0.04  # small: it orders equals, it does not outrank a better match


@dataclass(frozen=True)
class Hit:
    procedure: ProcedureSummary
    score: float


class RankedIndex(Protocol):
    @property
    def procedures(self) -> Sequence[ProcedureSummary]: ...
    def expand(self, word: str, is_last: bool) -> dict[str, float]: ...
    def idf(self, catalog_word: str) -> float: ...
    def word_scores(self, catalog_word: str) -> tuple[float, dict[int, float]]: ...
    def folded_name(self, doc: int) -> str: ...


def _strongest(index: RankedIndex, expansions: dict[str, float]) -> list[tuple[str, float]]:
    """The likeliest readings of a word (exact first, then the commoner words): a prefix of two letters
    may stand for hundreds of catalog words, and reading all of them would cost more than it tells."""
    ranked = sorted(expansions.items(), key=lambda kv: (-kv[1], index.idf(kv[0]), kv[0]))
    return ranked[:MAX_READINGS]


def rank(index: RankedIndex, words: Sequence[str]) -> list[Hit]:
    totals: dict[int, float] = {}
    covered: dict[int, float] = {}
    read_as: dict[int, list[str]] = {}
    information = 0.0
    for position, word in enumerate(words):
        expansions = index.expand(word, position == len(words) - 1)
        if not expansions:
            continue  # outside the catalog's vocabulary: it tells nothing about any procedure
        best: dict[int, tuple[float, str, float]] = {}
        readings = _strongest(index, expansions)
        # What the word tells: as itself when the catalog uses it, else as its best reading. A rarer
        # word it may also be read as (a prefix, a typo) does not make the word say more.
        word_information = (
            index.idf(word) if word in expansions else max(index.idf(c) * weight for c, weight in readings)
        )
        for candidate, weight in readings:
            idf, scores = index.word_scores(candidate)
            told = min(idf * weight, word_information)  # what reading the word as this candidate tells
            for doc, score in scores.items():
                score *= weight
                if doc not in best or score > best[doc][0]:
                    best[doc] = (score, candidate, told)
        information += word_information
        for doc, (score, candidate, told) in best.items():
            totals[doc] = totals.get(doc, 0.0) + score
            covered[doc] = covered.get(doc, 0.0) + told
            read_as.setdefault(doc, []).append(candidate)
    if not totals:
        return []
    phrase = " ".join(words)
    # Words the catalog does use but no procedure uses together must not empty the answer either.
    threshold = MIN_COVERAGE * max(covered.values()) / information
    hits = []
    for doc, total in totals.items():
        coverage = covered[doc] / information
        if coverage < threshold:
            continue
        score = total * coverage * coverage
        name, read = index.folded_name(doc), " ".join(read_as[doc])
        if name in (phrase, read):
            score *= WHOLE_NAME
        elif f" {phrase} " in f" {name} " or f" {read} " in f" {name} ":
            score *= PHRASE_IN_NAME
        procedure = index.procedures[doc]
        hits.append(Hit(procedure, score * (1 + POPULARITY_STEP * procedure.popularity)))
    hits.sort(key=lambda h: (-h.score, -h.procedure.popularity, h.procedure.code))
    return hits
