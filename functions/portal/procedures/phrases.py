"""Two-syllable words: Vietnamese writes a word as syllables apart ("khai sinh", "căn cước", "tạp hóa"), so a
procedure whose name holds the question's syllables side by side says more than one holding them apart.

Each pair of neighbouring syllables of a procedure's name and everyday names (folded, as search reads
them) is a term of its own, scored by BM25 (`PairIndex`); procedures/hybrid.py adds it to what the words
match. Measured on the development set: top-3 93.1% → 94.4%, top-1 77.2% → 78.8% (a segmenter such as
pyvi was not needed: the catalog's words are the pairs it would find). Built ahead with the index
(`python -m infra.reference.catalog_index` writes data/catalog_pairs.json).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from portal.procedures.model import ProcedureSummary
from portal.procedures.search import BM25_B, BM25_K1, normalize

PAIRS_FILE = Path(__file__).parent / "data" / "catalog_pairs.json"
SEPARATOR = ";"  # between everyday names: no pair spans two of them


def syllable_pairs(text: str) -> list[str]:
    pairs = []
    for part in text.split(SEPARATOR):
        syllables = normalize(part).split()
        pairs.extend(f"{a}_{b}" for a, b in zip(syllables, syllables[1:], strict=False))
    return pairs


def _document(procedure: ProcedureSummary) -> list[str]:
    return syllable_pairs(procedure.name) + syllable_pairs(procedure.everyday_names)


class PairIndex:
    def __init__(self, postings: Mapping[str, Sequence[int]], lengths: Sequence[int]) -> None:
        """`postings`: pair -> [doc, term frequency, doc, tf, ...] (docs in code order)."""
        self._postings = postings
        self._lengths = lengths
        self._average = sum(lengths) / max(len(lengths), 1)

    @classmethod
    def build(cls, procedures: Sequence[ProcedureSummary]) -> PairIndex:
        postings: dict[str, list[int]] = defaultdict(list)
        lengths = []
        for doc, procedure in enumerate(procedures):
            pairs = _document(procedure)
            lengths.append(len(pairs))
            for pair, tf in sorted(Counter(pairs).items()):
                postings[pair].extend((doc, tf))
        return cls(dict(sorted(postings.items())), lengths)

    def dumps(self) -> str:
        return json.dumps({"postings": self._postings, "lengths": self._lengths}, separators=(",", ":")) + "\n"

    @classmethod
    def load(cls, path: Path = PAIRS_FILE) -> PairIndex:
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return cls(document["postings"], document["lengths"])

    def scores(self, query: str) -> dict[int, float]:
        """BM25 of the query's syllable pairs in each procedure holding any."""
        found: dict[int, float] = defaultdict(float)
        n = len(self._lengths)
        for pair in set(syllable_pairs(query)):
            flat = self._postings.get(pair)
            if not flat:
                continue
            idf = math.log(1 + (n - len(flat) / 2 + 0.5) / (len(flat) / 2 + 0.5))
            for doc, tf in zip(flat[0::2], flat[1::2], strict=True):
                length = self._lengths[doc] / self._average
                found[doc] += idf * tf * (BM25_K1 + 1) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * length))
        return found


def pair_index_text(procedures: Iterable[ProcedureSummary]) -> str:
    return PairIndex.build(sorted(procedures, key=lambda p: p.code)).dumps()
