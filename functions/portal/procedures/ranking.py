"""Ranking the catalog for a citizen's words: no word is required, every word counts by what it tells.

Each query word (after procedures/synonyms.py) is read as the catalog words it may stand for (exact,
prefix for the last word, one typo); a word the catalog never uses at all tells nothing and is left out.
A procedure scores the BM25 of the words it matches, times the share of the query's information (the
words' idf) it covers, squared: one that matches "cấp lại thẻ căn cước" fully outranks one that matches
"cấp" and "thẻ" many times. A name equal to the words or holding them as a phrase ranks first; among
equals the more used procedure first (`popularity`), then the code. At most MAX_HITS are returned.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from portal.procedures.model import ProcedureSummary

MIN_COVERAGE = 0.5  # a hit must cover at least half of what the query says
WHOLE_NAME, PHRASE_IN_NAME = 3.0, 1.5
MAX_READINGS = 6  # catalog words one query word may stand for
COMMON_SHARE = 0.1  # a word in more than this share of the catalog only adds to what rarer words found
MAX_HITS = 1000  # the best procedures returned (and counted): past them a query says too little
NAME_CHECKS = 200  # the best by score whose name is compared with the words (×3 at most cannot lift the rest)
POPULARITY_STEP = 0.04  # small: it orders equals, it does not outrank a better match


class Hit(NamedTuple):
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


def _readings(index: RankedIndex, words: Sequence[str]) -> tuple[list[list[tuple[str, float, float]]], float]:
    """Per word, its readings as (catalog word, weight, what that reading tells); and all the query tells."""
    per_word, information = [], 0.0
    for position, word in enumerate(words):
        expansions = index.expand(word, position == len(words) - 1)
        if not expansions:
            continue  # outside the catalog's vocabulary: it tells nothing about any procedure
        readings = _strongest(index, expansions)
        # What the word tells: as itself when the catalog uses it, else as its best reading. A rarer
        # word it may also be read as (a prefix, a typo) does not make the word say more.
        told = index.idf(word) if word in expansions else max(index.idf(c) * weight for c, weight in readings)
        per_word.append([(c, weight, min(index.idf(c) * weight, told)) for c, weight in readings])
        information += told
    return per_word, information


def _accumulate(index: RankedIndex, per_word: list[list[tuple[str, float, float]]]) -> tuple[dict, dict]:
    """(BM25 total, information covered) per procedure matching the query; a word counts by its best reading.

    The words are taken rarest first. A common word (in more than COMMON_SHARE of the catalog: "đăng",
    "ký", "cấp") adds to the procedures the rarer words found and finds no new ones, unless nothing was
    found yet: a procedure matching only common words covers too little of the query anyway, and reading
    thousands of postings for it would cost most of the search time.
    """
    totals: dict[int, float] = defaultdict(float)
    covered: dict[int, float] = defaultdict(float)
    common = COMMON_SHARE * len(index.procedures)
    for readings in sorted(per_word, key=lambda r: -max(told for _, _, told in r)):
        best: dict[int, tuple[float, float]] = {}
        for candidate, weight, told in readings:
            scores = index.word_scores(candidate)[1]
            if totals and len(scores) > common:
                pairs = ((doc, scores[doc]) for doc in totals if doc in scores)
            else:
                pairs = scores.items()
            for doc, score in pairs:
                score *= weight
                found = best.get(doc)
                if found is None or score > found[0]:
                    best[doc] = (score, told)
        for doc, (score, told) in best.items():
            totals[doc] += score
            covered[doc] += told
    return totals, covered


def _read_as(index: RankedIndex, doc: int, per_word: list[list[tuple[str, float, float]]]) -> str:
    """The query as this procedure's words read it (a typo read as the catalog word it stands for)."""
    read = []
    for readings in per_word:
        for candidate, _, _ in readings:
            if doc in index.word_scores(candidate)[1]:
                read.append(candidate)
                break
    return " ".join(read)


def rank(index: RankedIndex, words: Sequence[str]) -> list[Hit]:
    per_word, information = _readings(index, words)
    if not per_word:
        return []
    totals, covered = _accumulate(index, per_word)
    # Words the catalog does use but no procedure uses together must not empty the answer either.
    threshold = MIN_COVERAGE * max(covered.values())
    scored = []
    for doc, total in totals.items():
        coverage = covered[doc]
        if coverage >= threshold:
            share = coverage / information
            scored.append((total * share * share, doc))
    best = heapq.nlargest(MAX_HITS, scored)
    phrase, procedures = " ".join(words), index.procedures
    hits = []
    for position, (score, doc) in enumerate(best):
        if position < NAME_CHECKS:  # a name holding the words as a phrase: only the best can reach the top
            name = index.folded_name(doc)
            read = _read_as(index, doc, per_word)
            if name in (phrase, read):
                score *= WHOLE_NAME
            elif f" {phrase} " in f" {name} " or f" {read} " in f" {name} ":
                score *= PHRASE_IN_NAME
        procedure = procedures[doc]
        hits.append(Hit(procedure, score * (1 + POPULARITY_STEP * procedure.popularity)))
    hits.sort(key=lambda h: (-h.score, -h.procedure.popularity, h.procedure.code))
    return hits
