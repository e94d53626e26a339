"""The search evaluation: needs written the way citizens ask, each with the procedure(s) that answer it.

    python -m tests.search_eval [--misses] [--engine hand|rapidfuzz|tantivy]     (or `make eval`)

prints top-1, top-3 and the mean reciprocal rank over needs.tsv, searched like the API does (national
procedures, no province), on the shipped catalog index. Figures, not a pass/fail; the unit test
tests/unit/test_search_evaluation.py holds top-3 at 90% or more.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

NEEDS_FILE = Path(__file__).parent / "needs.tsv"

Search = Callable[[str], Sequence[str]]  # a query -> codes, best first


@dataclass(frozen=True)
class Need:
    query: str
    codes: frozenset[str]
    field: str


@dataclass(frozen=True)
class Result:
    need: Need
    rank: int | None  # 1-based position of the first expected code, None if not in the first 10


def read_needs(path: Path = NEEDS_FILE) -> list[Need]:
    needs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, codes, field = line.split("\t")
            needs.append(Need(query, frozenset(codes.split(",")), field))
    return needs


def evaluate(search: Search, needs: Sequence[Need]) -> list[Result]:
    results = []
    for need in needs:
        found = list(search(need.query))[:10]
        rank = next((i for i, code in enumerate(found, start=1) if code in need.codes), None)
        results.append(Result(need, rank))
    return results


def figures(results: Sequence[Result]) -> dict[str, float]:
    n = len(results)
    return {
        "needs": n,
        "fields": len({r.need.field for r in results}),
        "top1": sum(r.rank == 1 for r in results) / n,
        "top3": sum(r.rank is not None and r.rank <= 3 for r in results) / n,
        "mrr": sum(1 / r.rank for r in results if r.rank) / n,
    }


def portal_search() -> Search:
    """The portal's own search, as `procedures(search:)` runs it (national procedures only)."""
    from portal.procedures.catalog import shipped_index
    from portal.procedures.service import ProcedureFilter

    index, national = shipped_index(), ProcedureFilter()
    return lambda q: [h.procedure.code for h in index.search(q) if national.accepts(h.procedure)][:10]
