"""Ranked, accent-insensitive, typo-tolerant search over the procedure catalog, held in memory.

The catalog (about 5,700 procedures) is indexed with the first catalog query of a container. Scoring
is BM25 over weighted fields, where each query word may match a catalog word exactly, as a prefix (the
last word, as the user is still typing) or, when the catalog does not use that word at all, with one
wrong, missing, extra or swapped letter. The query is first read through procedures/synonyms.py
(everyday words to the catalog's, asking words dropped); procedures/ranking.py ranks what matches.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from portal.procedures import ranking
from portal.procedures.model import CODE_PATTERN, ProcedureSummary
from portal.procedures.ranking import Hit
from portal.procedures.synonyms import expand_abbreviations, rewrite
from portal.text import fold

# How much a word found in each part of a procedure counts.
FIELD_WEIGHTS = {
    "name": 3.0,
    "name_en": 1.0,
    "field": 1.0,
    "agency": 0.5,
    "everyday_names": 1.5,  # what people call it (infra/reference/search_aids.py): indexed, never shown
    "everyday_names_en": 1.0,
}
EXACT, PREFIX, ONE_EDIT = 1.0, 0.7, 0.6
CODE_MATCH_SCORE = 1000.0  # a query that is a procedure code finds that procedure only
MIN_FUZZY_LENGTH = 4  # shorter words have too many one-letter neighbours to guess at
# Longer words are not guessed at: their deletions grow with the square of their length (a 39 KiB word
# took 1.4 GB), and no Vietnamese syllable or catalog word comes near (the longest is 15 letters).
MAX_FUZZY_LENGTH = 24
BM25_K1, BM25_B = 1.2, 0.75
_FINAL_Y = re.compile(r"(?<=[^aeiouy ])y\b")

__all__ = ["Hit", "IndexTerms", "SearchIndex", "index_terms"]


@lru_cache(maxsize=4096)  # fields and agencies repeat across thousands of procedures
def _normalize(text: str) -> str:
    """Folded, with the final "y" of a syllable after a consonant read as "i": "ký"/"kí", "lý"/"lí" are both
    correct spellings (not "quy", "tay": a vowel stands before their "y")."""
    return expand_abbreviations(_FINAL_Y.sub("i", fold(text)))


def normalize(text: str) -> str:
    """How search reads any text: folded, abbreviations written out, a final "y" as "i"."""
    return _normalize(text)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance <= 1, or one swap of adjacent letters."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if la < lb else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@dataclass(frozen=True)
class IndexTerms:
    """What indexing the procedures (in code order) yields: it can be built ahead and shipped."""

    # word -> [doc index, doubled field-weighted term frequency, doc, tf, ...]: flat sequences of integers
    # (FIELD_WEIGHTS are multiples of 0.5; the shipped file holds them as 16-bit arrays, index_file.py); a
    # word's scores are worked out when first asked
    postings: Mapping[str, Sequence[int]]
    doc_length: list[float]


def index_terms(procedures: Sequence[ProcedureSummary]) -> IndexTerms:
    postings: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    doc_length: list[float] = []
    for i, procedure in enumerate(procedures):
        length = 0.0
        for field_name, weight in FIELD_WEIGHTS.items():
            for word in _normalize(getattr(procedure, field_name)).split():
                postings[word][i] += weight
                length += weight
        doc_length.append(length)
    return IndexTerms(
        {w: [x for doc, tf in p.items() for x in (doc, round(tf * 2))] for w, p in sorted(postings.items())},
        doc_length,
    )


class SearchIndex:
    def __init__(self, procedures: Iterable[ProcedureSummary], terms: IndexTerms | None = None) -> None:
        """`terms`: the procedures' terms built ahead (portal/procedures/index_file.py), else built here."""
        self._docs: list[ProcedureSummary] = sorted(procedures, key=lambda p: p.code)
        self._by_code = {p.code: i for i, p in enumerate(self._docs)}
        self._folded_names: list[str | None] = [None] * len(self._docs)  # worked out for the hits only
        terms = terms or index_terms(self._docs)
        self._postings = terms.postings
        self._doc_length = terms.doc_length
        self._average_length = sum(self._doc_length) / max(len(self._docs), 1)
        self._vocabulary = sorted(self._postings)
        self._deletion_index: dict[str, set[str]] | None = None
        self._word_scores: dict[str, tuple[float, dict[int, float]]] = {}

    @property
    def _by_deletion(self) -> dict[str, set[str]]:
        """Built with the first word the catalog does not know (a typo), not at cold start."""
        if self._deletion_index is None:
            by_deletion: dict[str, set[str]] = defaultdict(set)
            for word in self._vocabulary:
                if len(word) >= MIN_FUZZY_LENGTH - 1:
                    for key in _deletions(word) | {word}:
                        by_deletion[key].add(word)
            self._deletion_index = dict(by_deletion)
        return self._deletion_index

    @property
    def procedures(self) -> Sequence[ProcedureSummary]:
        return self._docs

    def get(self, code: str) -> ProcedureSummary | None:
        i = self._by_code.get(code)
        return None if i is None else self._docs[i]

    def expand(self, word: str, is_last: bool) -> dict[str, float]:
        return self._expand(word, is_last)

    def folded_name(self, doc: int) -> str:
        name = self._folded_names[doc]
        if name is None:
            name = self._folded_names[doc] = _normalize(self._docs[doc].name)
        return name

    def idf(self, catalog_word: str) -> float:
        n_docs, n_postings = len(self._docs), len(self._postings[catalog_word]) // 2
        return math.log(1 + (n_docs - n_postings + 0.5) / (n_postings + 0.5))

    def word_scores(self, catalog_word: str) -> tuple[float, dict[int, float]]:
        """(idf, BM25 of the word in each procedure using it), worked out once per word."""
        found = self._word_scores.get(catalog_word)
        if found is None:
            flat = self._postings[catalog_word]
            idf = self.idf(catalog_word)
            scores = {}
            for doc, doubled in zip(flat[0::2], flat[1::2], strict=True):
                tf = doubled / 2
                length = self._doc_length[doc] / self._average_length
                scores[doc] = idf * tf * (BM25_K1 + 1) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * length))
            found = self._word_scores[catalog_word] = (idf, scores)
        return found

    def _expand(self, word: str, is_last: bool) -> dict[str, float]:
        """Catalog words this query word may stand for, with how much each counts."""
        matches: dict[str, float] = {}
        if word in self._postings:
            matches[word] = EXACT
        if is_last:
            for candidate in self._words_with_prefix(word):
                matches.setdefault(candidate, PREFIX)
        # A word the catalog uses is not a typo: "dang" must not also count as the rarer "dong".
        if MIN_FUZZY_LENGTH <= len(word) <= MAX_FUZZY_LENGTH and word not in self._postings:
            for key in _deletions(word) | {word}:
                for candidate in self._by_deletion.get(key, ()):
                    if candidate not in matches and _within_one_edit(word, candidate):
                        matches[candidate] = ONE_EDIT
        return matches

    def _words_with_prefix(self, prefix: str) -> Iterable[str]:
        start = bisect.bisect_left(self._vocabulary, prefix)
        for candidate in self._vocabulary[start:]:
            if not candidate.startswith(prefix):
                break
            yield candidate

    def search(self, query: str) -> list[Hit]:
        folded = _normalize(query)
        if not folded:
            return [Hit(p, 0.0) for p in self._docs]
        if CODE_PATTERN.match(query.strip()):
            exact = self.get(query.strip())
            return [Hit(exact, CODE_MATCH_SCORE)] if exact else []
        return ranking.rank(self, rewrite(folded.split(), _normalize))
