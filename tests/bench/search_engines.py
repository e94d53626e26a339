"""The portal's own search index against maintained engines, on the evaluation set and on speed.

    .venv/bin/python -m tests.bench.search_engines

For each engine: the time to build it over the national catalog, top-1 / top-3 / MRR on
tests/search_eval/needs.tsv (with the query read through the portal's synonyms, and as typed), and the
latency of one search in process (p50 / p99 wall clock and p99 CPU time, every need searched `--rounds`
times after a warm-up).
Writes bench-results/search_engines.json. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tests.bench.lookup import percentile
from tests.search_eval import engines
from tests.search_eval.evaluation import evaluate, figures, portal_search, read_needs

RESULTS = Path(__file__).resolve().parents[2] / "bench-results" / "search_engines.json"


def measure(name: str, make, needs, rounds: int) -> dict:
    started = time.perf_counter()
    search = make()
    build_ms = (time.perf_counter() - started) * 1000
    quality = figures(evaluate(search, needs))
    samples, cpu = [], []
    for _ in range(rounds):
        for need in needs:
            t, c = time.perf_counter(), time.process_time()
            search(need.query)
            samples.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    return {
        "engine": name,
        "build_ms": round(build_ms, 1),
        **{k: round(v, 4) for k, v in quality.items() if k in ("top1", "top3", "mrr")},
        "p50_ms": round(percentile(samples, 50), 3),
        "p99_ms": round(percentile(samples, 99), 3),
        "cpu_p50_ms": round(percentile(cpu, 50), 3),  # CPU time: less sensitive to a busy machine
        "cpu_p99_ms": round(percentile(cpu, 99), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    needs = read_needs()
    rows = [
        measure("portal index (hand-written)", portal_search, needs, args.rounds),
        measure("tantivy 0.27 (BM25), portal's synonyms", lambda: engines.build("tantivy", True), needs, args.rounds),
        measure("tantivy 0.27 (BM25), as typed", lambda: engines.build("tantivy", False), needs, args.rounds),
        measure("rapidfuzz 3.14 (WRatio), portal's synonyms", lambda: engines.build("rapidfuzz", True), needs, 1),
        measure("rapidfuzz 3.14 (WRatio), as typed", lambda: engines.build("rapidfuzz", False), needs, 1),
    ]
    width = max(len(r["engine"]) for r in rows)
    head = f"{'build':>9}  {'top-1':>6}  {'top-3':>6}  {'MRR':>5}  {'p50':>8}  {'p99':>8}  {'CPU p99':>8}"
    print(f"{'engine':<{width}}  {head}")
    for r in rows:
        print(
            f"{r['engine']:<{width}}  {r['build_ms']:>7.0f}ms  {r['top1']:>6.1%}  {r['top3']:>6.1%}  {r['mrr']:>5.3f}"
            f"  {r['p50_ms']:>6.2f}ms  {r['p99_ms']:>6.2f}ms  {r['cpu_p99_ms']:>6.2f}ms"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"needs": len(needs), "engines": rows}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
