"""The search evaluation: needs written the way citizens ask, each with the procedure(s) that answer it.

    python -m tests.search_eval [--set dev|test|earlier|all] [--engine hybrid|lexical|semantic] [--misses]

Three sets, each a TSV of `need, codes, field[, kind, language]`:
- test_needs.tsv: 380 needs FROZEN before any tuning, written by a helper who saw only the catalog and
  citizens' public questions (TEST_SET_NOTES.md). Never tuned on: its figure is reported, and
  tests/unit/test_search_evaluation.py holds it, nothing else.
- dev_needs.tsv: 320 needs written the same way by another helper: the set the weights are chosen on.
- earlier_needs.tsv: the 217 needs of the first search issue, written while its synonyms were tuned.
Kinds: keywords, sentence, no_diacritics, typo, english, everyday (words not in the official name).
Searched like the API does (national procedures, no province), on the shipped catalog index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
SETS = {"test": HERE / "test_needs.tsv", "dev": HERE / "dev_needs.tsv", "earlier": HERE / "earlier_needs.tsv"}
NEEDS_FILE = SETS["test"]
KINDS = ("keywords", "sentence", "no_diacritics", "typo", "english", "everyday")

Search = Callable[[str], Sequence[str]]  # a query -> codes, best first


@dataclass(frozen=True)
class Need:
    query: str
    codes: frozenset[str]
    field: str
    kind: str = "unlabelled"
    language: str = "vi"


@dataclass(frozen=True)
class Result:
    need: Need
    rank: int | None  # 1-based position of the first expected code, None if not in the first 10


def read_needs(path: Path = NEEDS_FILE) -> list[Need]:
    needs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, codes, field, *rest = line.split("\t")
            kind, language = rest if rest else ("unlabelled", "vi")
            needs.append(Need(query, frozenset(codes.split(",")), field, kind, language))
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


def by_kind(results: Sequence[Result]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        groups[r.need.kind].append(r)
    return {kind: figures(groups[kind]) for kind in (*KINDS, "unlabelled") if groups[kind]}


def portal_search(engine: str = "hybrid") -> Search:
    """The portal's own search, as `procedures(search:)` runs it (national procedures only): "hybrid" (what
    the portal serves), "lexical" (the words alone) or "semantic" (the meaning alone)."""
    from portal.procedures.catalog import shipped_hybrid_index, shipped_index
    from portal.procedures.hybrid import FusionWeights
    from portal.procedures.semantic import in_process_cosines
    from portal.procedures.service import ProcedureFilter

    if engine == "lexical":
        index = shipped_index()
    elif engine == "semantic":
        index = shipped_hybrid_index(in_process_cosines(), FusionWeights(lexical=0.0, popularity=0.0, variant=0.0))
    else:
        index = shipped_hybrid_index(in_process_cosines())
    national = ProcedureFilter()
    return lambda q: [h.procedure.code for h in index.search(q) if national.accepts(h.procedure)][:10]
