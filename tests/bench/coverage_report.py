"""The coverage report on the whole country (3,321 communes, every place that receives), timed: the target is
under a minute on this machine.

python -m tests.bench.coverage_report [--runs N]
"""

from __future__ import annotations

import argparse
import time

from infra.coverage import inputs
from infra.coverage.report import Coverage, summarize
from tests.bench.figures import save

TARGET_S = 60.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    communes, places = inputs.communes(), inputs.places()
    loaded = time.perf_counter() - started
    runs = []
    for _ in range(args.runs):
        start = time.perf_counter()
        national = summarize(Coverage(places).communes(communes))
        runs.append(time.perf_counter() - start)
    best = min(runs)
    print("\nCoverage report (whole country)")
    print(f"  inputs (centers, communes, population)       {loaded:8.2f} s")
    print(f"  report: {len(communes):,} communes, {len(places):,} places   {best:8.2f} s best of {args.runs}")
    print(f"  total {loaded + best:.2f} s (target under {TARGET_S:.0f} s); within 5 km {national['shares']['km5']:.1%}")
    save(
        "coverage",
        {
            "communes": len(communes),
            "places": len(places),
            "inputs_s": round(loaded, 3),
            "report_s": [round(r, 3) for r in runs],
            "target_s": TARGET_S,
            "national": national,
        },
    )


if __name__ == "__main__":
    main()
