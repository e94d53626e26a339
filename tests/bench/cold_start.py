"""Cold start: a fresh interpreter imports the Lambda handler and answers its first request.

    python -m tests.bench.cold_start [--runs 7]

Reported: import time, first answer (a center by id: one GetItem), first catalog answer (loads the
catalog with one Query and builds the search index), and the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from tests.bench.environment import bench_environment
from tests.bench.figures import save

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from portal.api.handler import handler
t1, c1 = time.perf_counter(), time.process_time()
from tests.support.lambda_events import LambdaContext, http_api_event
def ask(query):
    r = handler(http_api_event({"query": query}), LambdaContext())
    assert '"errors"' not in r["body"], r["body"]
ask('{ center(id: "hcc-01") { name } }')
t2, c2 = time.perf_counter(), time.process_time()
ask('{ procedures(search: "khai sinh", first: 1) { totalCount } }')
t3 = time.perf_counter()
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import_ms": (t1 - t0) * 1000, "first_answer_ms": (t2 - t1) * 1000,
                  "import_cpu_ms": (c1 - c0) * 1000, "first_answer_cpu_ms": (c2 - c1) * 1000,
                  "catalog_answer_ms": (t3 - t2) * 1000, "peak_rss_mb": rss_mb}))
"""


def probe_once() -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'functions'}", "PYTHONDONTWRITEBYTECODE": "0"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(runs: int = 7) -> dict[str, float]:
    with bench_environment():
        probe_once()  # compile bytecode once, as a deployed package ships it
        samples = [probe_once() for _ in range(runs)]
    result = {key: round(statistics.median(s[key] for s in samples), 1) for key in samples[0]}
    result["cold_start_ms"] = round(result["import_ms"] + result["first_answer_ms"], 1)
    result["cold_start_cpu_ms"] = round(result["import_cpu_ms"] + result["first_answer_cpu_ms"], 1)
    print("\nCold start (fresh interpreter, median of", runs, "runs)")
    print(f"  import the handler          {result['import_ms']:8.1f} ms")
    print(f"  first answer (GetItem)      {result['first_answer_ms']:8.1f} ms")
    print(f"  import + first answer       {result['cold_start_ms']:8.1f} ms   (target < 400 ms)")
    print(f"    of which CPU time         {result['cold_start_cpu_ms']:8.1f} ms   (less sensitive to a busy machine)")
    print(f"  first catalog answer        {result['catalog_answer_ms']:8.1f} ms   (loads and indexes the catalog)")
    print(f"  peak RSS                    {result['peak_rss_mb']:8.1f} MB")
    save("cold_start", result)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    run(parser.parse_args().runs)


if __name__ == "__main__":
    main()
