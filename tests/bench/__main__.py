"""`make bench`: every benchmark in one run, printed as tables and written to bench-results/*.json.

    python -m tests.bench [--quick] [--only latency,cold,package,throughput,scaling,lookup]

--quick: fewer samples, a shorter load, and the scaling curve up to 100k dossiers (1M takes a first
run of ~20-30 min to load DynamoDB Local; the data is kept in .local/bench-dynamodb for later runs).
"""

from __future__ import annotations

import argparse
import importlib
import time

from tests.bench.figures import save

STEPS = ("latency", "cold", "package", "lookup", "throughput", "scaling")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default=",".join(STEPS))
    args = parser.parse_args()
    chosen = [s for s in args.only.split(",") if s]
    started = time.perf_counter()
    summary: dict[str, object] = {}
    n = 100 if args.quick else 300
    for step in chosen:
        if step == "latency":
            summary[step] = importlib.import_module("tests.bench.handler_latency").run(n)
        elif step == "cold":
            summary[step] = importlib.import_module("tests.bench.cold_start").run(3 if args.quick else 7)
        elif step == "package":
            summary[step] = importlib.import_module("tests.bench.package_size").run()
        elif step == "lookup":
            try:
                lookup = importlib.import_module("tests.bench.lookup")
            except ModuleNotFoundError:
                continue
            summary[step] = lookup.run()
        elif step == "throughput":
            summary[step] = importlib.import_module("tests.bench.throughput").run(seconds=10 if args.quick else 30)
        elif step == "scaling":
            scales = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
            summary[step] = importlib.import_module("tests.bench.scaling").run(scales, n=100 if args.quick else 200)
        else:
            raise SystemExit(f"unknown step {step!r}: choose from {', '.join(STEPS)}")
    path = save("summary", summary)
    print(f"\nAll figures in {path.parent} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
