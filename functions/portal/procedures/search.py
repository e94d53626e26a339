"""Ranked, accent-insensitive, typo-tolerant search over the procedure catalog, held in memory.

The catalog (hundreds to a few thousand procedures) is indexed at cold start. Scoring is BM25 over
weighted fields, where each query word may match a catalog word exactly, as a prefix (the last word,
as the user is still typing) or, when the catalog does not use that word at all, with one wrong,
missing, extra or swapped letter. Every query word must match something. A name equal to the query,
or containing it as a phrase (a mistyped word read as the catalog word it stands for), ranks first.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from portal.procedures.model import CODE_PATTERN, Procedure
from portal.text import fold

# How much a word found in each part of a procedure counts.
FIELD_WEIGHTS = {"name": 3.0, "name_en": 1.0, "field": 1.0, "agency": 0.5}
EXACT, PREFIX, ONE_EDIT = 1.0, 0.7, 0.6
CODE_MATCH_SCORE = 1000.0  # a query that is a procedure code finds that procedure only
MIN_FUZZY_LENGTH = 4  # shorter words have too many one-letter neighbours to guess at
# Longer words are not guessed at: their deletions grow with the square of their length (a 39 KiB word
# took 1.4 GB), and no Vietnamese syllable or catalog word comes near (the longest is 15 letters).
MAX_FUZZY_LENGTH = 24
BM25_K1, BM25_B = 1.2, 0.75


@dataclass(frozen=True)
class Hit:
    procedure: Procedure
    score: float


def _normalize(text: str) -> str:
    """Folded, with the final "y" of a syllable after a consonant read as "i": "ký"/"kí", "lý"/"lí" are both
    correct spellings (not "quy", "tay": a vowel stands before their "y")."""
    return " ".join(
        w[:-1] + "i" if len(w) > 1 and w[-1] == "y" and w[-2] not in "aeiouy" else w for w in fold(text).split()
    )


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


class SearchIndex:
    def __init__(self, procedures: Iterable[Procedure]) -> None:
        self._docs: list[Procedure] = sorted(procedures, key=lambda p: p.code)
        self._by_code = {p.code: i for i, p in enumerate(self._docs)}
        self._folded_names = [_normalize(p.name) for p in self._docs]
        # word -> {doc index: field-weighted term frequency}
        self._postings: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        self._doc_length: list[float] = []
        for i, procedure in enumerate(self._docs):
            length = 0.0
            for field_name, weight in FIELD_WEIGHTS.items():
                for word in _normalize(getattr(procedure, field_name)).split():
                    self._postings[word][i] += weight
                    length += weight
            self._doc_length.append(length)
        self._postings = {w: dict(p) for w, p in self._postings.items()}
        self._average_length = sum(self._doc_length) / max(len(self._docs), 1)
        self._vocabulary = sorted(self._postings)
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in self._vocabulary:
            if len(word) >= MIN_FUZZY_LENGTH - 1:
                for key in _deletions(word) | {word}:
                    self._by_deletion[key].add(word)

    @property
    def procedures(self) -> Sequence[Procedure]:
        return self._docs

    def get(self, code: str) -> Procedure | None:
        i = self._by_code.get(code)
        return None if i is None else self._docs[i]

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
        query_words = folded.split()
        n_docs = len(self._docs)
        # doc -> (score so far, the catalog words the query words were read as)
        scores: dict[int, tuple[float, tuple[str, ...]]] | None = None
        for position, word in enumerate(query_words):
            word_scores: dict[int, tuple[float, str]] = {}
            for candidate, weight in self._expand(word, position == len(query_words) - 1).items():
                postings = self._postings[candidate]
                idf = math.log(1 + (n_docs - len(postings) + 0.5) / (len(postings) + 0.5))
                for doc, tf in postings.items():
                    norm = (
                        tf
                        * (BM25_K1 + 1)
                        / (tf + BM25_K1 * (1 - BM25_B + BM25_B * self._doc_length[doc] / self._average_length))
                    )
                    score = weight * idf * norm
                    if doc not in word_scores or score > word_scores[doc][0]:
                        word_scores[doc] = (score, candidate)
            # every query word must match: intersect
            if scores is None:
                scores = {d: (s, (w,)) for d, (s, w) in word_scores.items()}
            else:
                scores = {
                    d: (s + word_scores[d][0], read + (word_scores[d][1],))
                    for d, (s, read) in scores.items()
                    if d in word_scores
                }
            if not scores:
                return []
        assert scores is not None
        hits = []
        for doc, (score, read) in scores.items():
            name, phrase = self._folded_names[doc], " ".join(read)
            if name in (folded, phrase):
                score *= 3.0
            elif f" {folded} " in f" {name} " or f" {phrase} " in f" {name} ":
                score *= 1.5
            hits.append(Hit(self._docs[doc], score))
        hits.sort(key=lambda h: (-h.score, h.procedure.code))
        return hits
