"""The semantic search function: a question in, its cosine with every procedure out (portal/semantic_search.py).

Invoked by the API only (its role alone may); it alone carries the multilingual model and numpy. The
model is mapped and the vectors read once per container, at its first question.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from portal.embedding import embed_query
from portal.procedures.semantic import CatalogVectors, Nearness, encode

MAX_QUERY = 500  # characters: the API's own search limit is lower; a longer one is cut, not refused


@lru_cache(maxsize=1)
def _nearness() -> Nearness:
    return Nearness(CatalogVectors.load(), embed_query)


def handler(event: dict[str, Any], context: Any) -> dict[str, str]:
    query = str(event.get("query", ""))[:MAX_QUERY]
    nearness = _nearness()
    return encode(nearness.vectors.fingerprint, nearness.cosines(query))
