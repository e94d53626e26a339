"""`make bench`: every benchmark, each in its own interpreter (each starts its own DynamoDB Local, and the
portal's settings are fixed at import), printed as tables and written to bench-results/*.json.

    python -m tests.bench [--quick] [--only NAME,...]   (names: the keys of STEPS below)

--quick: fewer samples, a shorter load, and the scaling curve up to 100k dossiers. The full curve goes to
1M dossiers: the first run loads them into .local/bench-dynamodb (about an hour here), later runs reuse them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def steps(quick: bool) -> dict[str, list[str]]:
    return {
        "latency": ["tests.bench.handler_latency", "-n", "100" if quick else "300"],
        "cold": ["tests.bench.cold_start", "--runs", "3" if quick else "7"],
        "uploads": ["tests.bench.uploads", "-n", "10" if quick else "30"],
        "package": ["tests.bench.package_size"],
        "lookup": ["tests.bench.lookup", "--rounds", "5" if quick else "20"],
        "throughput": ["tests.bench.throughput", "--seconds", "10" if quick else "30"],
        "hotcounter": ["tests.bench.hot_counter", "--threads", "16", "--per-thread", "25" if quick else "60"],
        "limits": ["tests.bench.search_limits", "-n", "50" if quick else "200"],
        # at least 1,000 cases a pass (19 operations), without a token and with a citizen's
        "fuzz": ["tests.bench.fuzz", "--examples", "60" if quick else "120"],
        "payment": ["tests.bench.payment", "-n", "20" if quick else "100"],
        "webhook": ["tests.bench.webhook_latency", "-n", "30" if quick else "100"],
        "scaling": [
            "tests.bench.scaling",
            "--scales",
            "10000,100000" if quick else "10000,100000,1000000",
            "-n",
            "100" if quick else "200",
        ],
        "coverage": ["tests.bench.coverage_report", "--runs", "1" if quick else "3"],
        "notify": ["tests.bench.notifications", "-n", "20" if quick else "100", "--backlog", "100" if quick else "500"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default=",".join(steps(False)))
    args = parser.parse_args()
    plan = steps(args.quick)
    chosen = [s for s in args.only.split(",") if s]
    unknown = set(chosen) - set(plan)
    if unknown:
        parser.error(f"unknown steps {sorted(unknown)}: choose from {', '.join(plan)}")
    started, failed = time.perf_counter(), []
    for step in chosen:
        module, *options = plan[step]
        if subprocess.run([sys.executable, "-m", module, *options], cwd=ROOT, check=False).returncode != 0:  # noqa: S603
            failed.append(step)
    print(f"\nFigures in {ROOT / 'bench-results'} ({time.perf_counter() - started:.0f} s)")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
