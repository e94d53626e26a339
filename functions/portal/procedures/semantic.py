"""The catalog's meaning as vectors, and a question's nearness to every procedure.

`python -m infra.reference.catalog_vectors` embeds, for every procedure of the search index (code order),
its Vietnamese passage (name, field, everyday names) and its English one (English name, field, everyday
English names) with the shipped multilingual model (portal/embedding.py), and writes them as 8-bit
integers with one scale per row (data/catalog_vectors.npz, about 5 MB). A question's nearness to a
procedure is the better of the two cosines: a question in English meets the English passage.

This runs where the model is (the semantic search function in AWS, in process locally): the API's own
package carries neither the model nor numpy (portal/semantic_search.py asks for the cosines).
"""

from __future__ import annotations

import base64
import hashlib
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VECTORS_FILE = Path(__file__).parent / "data" / "catalog_vectors.npz"

SCALE = 32767.0  # cosines travel as 16-bit integers: within 0.00003 of the model's own


@dataclass(frozen=True)
class Cosines:
    fingerprint: str
    values: Sequence[float]


AskCosines = Callable[[str], Cosines]


def encode(fingerprint: str, cosines: Any) -> dict[str, str]:
    """The function's answer: base64 of little-endian int16 cosines (11 KB for 5,675 procedures)."""
    import numpy as np

    values = np.clip(np.round(np.asarray(cosines) * SCALE), -SCALE, SCALE).astype("<i2")
    return {"fingerprint": fingerprint, "cosines": base64.b64encode(values.tobytes()).decode("ascii")}


def decode(answer: dict[str, str]) -> Cosines:
    values = array("h", base64.b64decode(answer["cosines"]))
    if array("h", [1]).tobytes() != b"\x01\x00":
        values.byteswap()
    return Cosines(answer["fingerprint"], [v / SCALE for v in values])


def codes_fingerprint(codes: Sequence[str]) -> str:
    """Which catalog, in which order, the cosines are of: the API and the model's function check they agree."""
    return hashlib.sha256("\n".join(codes).encode()).hexdigest()[:16]


def quantize(vectors: Any) -> tuple[Any, Any]:
    """Rows of unit vectors -> (int8 rows, float32 scale per row): within 0.4% of each value's row max."""
    import numpy as np

    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(vectors / scale[:, None]).astype(np.int8), scale.astype(np.float32)


class CatalogVectors:
    def __init__(self, codes: Sequence[str], vietnamese: Any, english: Any) -> None:
        self.codes = list(codes)
        self.fingerprint = codes_fingerprint(self.codes)
        self._vietnamese = vietnamese  # float32 (procedures, 384)
        self._english = english

    @classmethod
    def load(cls, path: Path = VECTORS_FILE) -> CatalogVectors:
        import numpy as np

        with np.load(path) as data:
            vi = data["vi"].astype(np.float32) * data["vi_scale"][:, None]
            en = data["en"].astype(np.float32) * data["en_scale"][:, None]
            return cls([str(c) for c in data["codes"]], vi, en)

    def cosines(self, query_vector: Any) -> Any:
        """The query's cosine with every procedure (code order), the better of its two passages."""
        import numpy as np

        return np.maximum(self._vietnamese @ query_vector, self._english @ query_vector)


class Nearness:
    """A question -> its cosine with every procedure: the model and the vectors, loaded once."""

    def __init__(self, vectors: CatalogVectors, embed: Callable[[str], Any]) -> None:
        self.vectors = vectors
        self._embed = embed

    def cosines(self, query: str) -> Any:
        return self.vectors.cosines(self._embed(query))


def in_process_cosines() -> AskCosines:
    """The model and the vectors in this process (locally, in tests, in the semantic search function)."""
    from portal.embedding import embed_query

    nearness = Nearness(CatalogVectors.load(), embed_query)
    return lambda query: Cosines(nearness.vectors.fingerprint, nearness.cosines(query).tolist())
