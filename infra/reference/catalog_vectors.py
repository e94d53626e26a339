"""Embed the catalog for semantic search (portal/procedures/semantic.py): run after the catalog changes.

python -m infra.reference.catalog_vectors      (about 8 minutes on two cores; `make vectors`)

The passages are built from the same catalog as the search index, in its code order; the file keeps
their fingerprint, and tests/contract/test_catalog_vectors.py fails when the catalog moved on without it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from typing import Any

from infra.reference.catalog import load_catalog
from portal.procedures.model import Procedure
from portal.procedures.semantic import VECTORS_FILE, quantize


def passages(procedures: Sequence[Procedure]) -> tuple[list[str], list[str]]:
    vietnamese = [". ".join(filter(None, (p.name, p.field, p.everyday_names))) for p in procedures]
    english = [". ".join(filter(None, (p.name_en, p.field_en, p.everyday_names_en))) for p in procedures]
    return vietnamese, english


def fingerprint(procedures: Sequence[Procedure]) -> str:
    vietnamese, english = passages(procedures)
    digest = hashlib.sha256()
    for code, vi, en in zip((p.code for p in procedures), vietnamese, english, strict=True):
        digest.update(f"{code}\t{vi}\t{en}\n".encode())
    return digest.hexdigest()


def _embedded(texts: list[str], language: str, embed: Callable[[Sequence[str]], Any]) -> Any:
    """The passages' vectors, embedding again only those whose text changed since the shipped file."""
    import numpy as np

    known: dict[str, Any] = {}
    if VECTORS_FILE.exists():
        with np.load(VECTORS_FILE) as data:
            if f"{language}_passages" in data:
                rows = data[language].astype(np.float32) * data[f"{language}_scale"][:, None]
                known = {str(h): rows[i] / np.linalg.norm(rows[i]) for i, h in enumerate(data[f"{language}_passages"])}
    missing = sorted({t for t in texts if _hash(t) not in known})
    if missing:
        known.update(zip(map(_hash, missing), embed(missing), strict=True))
    print(f"{language}: {len(missing)} passages embedded, {len(texts) - len(missing)} kept")
    return np.stack([known[_hash(t)] for t in texts])


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]  # which passages changed


def main() -> None:
    import numpy as np

    from portal.embedding import embed_passages

    procedures = sorted(load_catalog()[1], key=lambda p: p.code)
    vietnamese, english = passages(procedures)
    started = time.perf_counter()
    vi, vi_scale = quantize(_embedded(vietnamese, "vi", embed_passages))
    en, en_scale = quantize(_embedded(english, "en", embed_passages))
    np.savez(
        VECTORS_FILE,
        codes=np.array([p.code for p in procedures]),
        vi=vi,
        vi_scale=vi_scale,
        en=en,
        en_scale=en_scale,
        fingerprint=np.array(fingerprint(procedures)),
        vi_passages=np.array([_hash(t) for t in vietnamese]),
        en_passages=np.array([_hash(t) for t in english]),
    )
    print(f"{VECTORS_FILE}: {len(procedures)} procedures in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
