"""The catalog's meaning as vectors: each procedure's passage embedded ahead, at build time.

`python -m infra.reference.catalog_vectors` embeds, for every procedure of the search index (code order),
its Vietnamese passage (name, field, everyday names) and its English one (English name, field, everyday
English names) with the shipped multilingual model (portal/embedding.py), and writes them as 8-bit
integers with one scale per row (data/catalog_vectors.npz, about 4 MB). A query's similarity to a
procedure is the better of the two cosines: a question in English meets the English passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

VECTORS_FILE = Path(__file__).parent / "data" / "catalog_vectors.npz"


def quantize(vectors: Any) -> tuple[Any, Any]:
    """Rows of unit vectors -> (int8 rows, float32 scale per row): within 0.4% of each value's row max."""
    import numpy as np

    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(vectors / scale[:, None]).astype(np.int8), scale.astype(np.float32)


class CatalogVectors:
    def __init__(self, codes: Sequence[str], vietnamese: Any, english: Any) -> None:
        self.codes = list(codes)
        self._vietnamese = vietnamese  # float32 (procedures, 384)
        self._english = english

    @classmethod
    def load(cls, path: Path = VECTORS_FILE) -> CatalogVectors:
        import numpy as np

        with np.load(path) as data:
            vi = data["vi"].astype(np.float32) * data["vi_scale"][:, None]
            en = data["en"].astype(np.float32) * data["en_scale"][:, None]
            return cls([str(c) for c in data["codes"]], vi, en)

    def similarities(self, query_vector: Any) -> Any:
        """Cosine of the query with every procedure (code order), the better of its two passages."""
        import numpy as np

        return np.maximum(self._vietnamese @ query_vector, self._english @ query_vector)
