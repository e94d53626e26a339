"""Search that reads the words and their meaning: the lexical ranking fused with the semantic one.

Each procedure's fused score adds three things, each on its own scale:
- what the words match (procedures/ranking.py), as a share of the best match of the query;
- how near its meaning is (procedures/semantic.py), as the distance below the nearest procedure's cosine,
  divided by a temperature (the cosines of a small model are close together: 0.80 to 0.90);
- how much it is used (its popularity tier, infra/reference/search_aids.py), a little.
Candidates are every lexical hit and the procedures nearest in meaning (within a margin of the nearest):
a question that shares no word with the official name ("mở quán tạp hóa") still finds it. A query that
is a code, or empty, is the lexical index's alone; a model that fails leaves the lexical ranking whole.

The weights were chosen on the development set (tests/search_eval/dev_needs.tsv), never on the test set.
"""

from __future__ import annotations

import heapq
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from portal.procedures.model import CODE_PATTERN, ProcedureSummary
from portal.procedures.phrases import PairIndex
from portal.procedures.ranking import MAX_HITS, Hit
from portal.procedures.search import SearchIndex
from portal.procedures.semantic import AskCosines, codes_fingerprint
from portal.procedures.variant_choice import asks_central, asks_foreign, asks_reissue, nudge
from portal.text import fold

logger = logging.getLogger(__name__)

# A Vietnamese syllable typed without its marks: onset, vowels, coda. English words rarely fit ("birth",
# "register", "card" do not); the model was not trained on Vietnamese without its marks and reads it badly.
_BARE_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$"
)
UNMARKED_SHARE = 0.7  # of a query's words, for it to read as Vietnamese typed without marks


def reads_as_unmarked_vietnamese(query: str) -> bool:
    words = re.findall(r"[^\W\d_]+", query.lower())
    if not words or not query.isascii():
        return False
    return sum(bool(_BARE_SYLLABLE.match(w)) for w in words) >= UNMARKED_SHARE * len(words)


@dataclass(frozen=True)
class FusionWeights:
    lexical: float = 1.0
    temperature: float = 0.05  # a cosine this much below the nearest costs as much as the whole lexical match
    popularity: float = 0.1  # per tier (0 to 3)
    margin: float = 0.04  # semantic candidates: within this of the nearest procedure's cosine
    semantic_candidates: int = 30
    unmarked_temperature: float = 0.2  # Vietnamese without its marks: the model's reading counts less
    variant: float = 0.2  # a variant the question asks for (or does not): procedures/variant_choice.py
    pairs: float = 0.6  # the question's syllable pairs in the name (procedures/phrases.py), at best


class HybridIndex:
    def __init__(
        self,
        lexical: SearchIndex,
        cosines: AskCosines,
        weights: FusionWeights = FusionWeights(),
        pairs: PairIndex | None = None,
    ) -> None:
        self._lexical = lexical
        self._pairs = pairs
        self._cosines = cosines
        self._weights = weights
        codes = [p.code for p in lexical.procedures]
        self._fingerprint = codes_fingerprint(codes)
        self._position = {code: i for i, code in enumerate(codes)}

    @property
    def procedures(self) -> Sequence[ProcedureSummary]:
        return self._lexical.procedures

    def get(self, code: str) -> ProcedureSummary | None:
        return self._lexical.get(code)

    def search(self, query: str) -> list[Hit]:
        hits = self._lexical.search(query)
        if not query.strip() or CODE_PATTERN.match(query.strip()):
            return hits
        try:
            cosines = self._cosines(query)
        except Exception:  # the model is an aid: without it the words still find what they name
            logger.exception("semantic search failed; lexical ranking only")
            return hits
        if cosines.fingerprint != self._fingerprint or len(cosines.values) != len(self._position):
            logger.error("semantic search answered for another catalog; lexical ranking only")
            return hits
        unmarked = reads_as_unmarked_vietnamese(query)
        return self._fused(query, hits, cosines.values, self._weights.unmarked_temperature if unmarked else None)

    def _fused(self, query: str, hits: list[Hit], cosines: Sequence[float], temperature: float | None) -> list[Hit]:
        w = self._weights
        temperature = temperature or w.temperature
        folded = fold(query)
        foreign, reissue, central = asks_foreign(folded), asks_reissue(folded), asks_central(folded)
        nearest = max(cosines)
        best_lexical = hits[0].score if hits else 0.0
        lexical = {self._position[h.procedure.code]: h.score / best_lexical for h in hits if best_lexical > 0}
        pairs = self._pairs.scores(query) if self._pairs is not None else {}
        best_pairs = max(pairs.values(), default=0.0)
        for i, score in pairs.items():
            lexical[i] = lexical.get(i, 0.0) + w.pairs * score / best_pairs
        near = heapq.nlargest(w.semantic_candidates, range(len(cosines)), key=cosines.__getitem__)
        candidates = set(lexical) | {i for i in near if cosines[i] >= nearest - w.margin}
        docs = self._lexical.procedures
        scored = [
            Hit(
                docs[i],
                w.lexical * lexical.get(i, 0.0)
                + (cosines[i] - nearest) / temperature
                + w.popularity * docs[i].popularity
                + nudge(self._lexical.folded_name(i), foreign, reissue, w.variant, central),
            )
            for i in candidates
        ]
        scored.sort(key=lambda h: (-h.score, h.procedure.code))
        return scored[:MAX_HITS]
