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
import tempfile
from pathlib import Path

from tests.bench.environment import bench_environment
from tests.bench.figures import save
from tests.bench.package_size import build

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from portal.entrypoints.api import handler
t1, c1 = time.perf_counter(), time.process_time()
from tests.support.lambda_events import LambdaContext, http_api_event
def ask(query):
    r = handler(http_api_event({"query": query}), LambdaContext())
    assert '"errors"' not in r["body"], r["body"]
ask('{ center(id: "hcc-01") { name } }')
t2, c2 = time.perf_counter(), time.process_time()
ask('{ procedures(search: "khai sinh", first: 1) { totalCount } }')
t3, c3 = time.perf_counter(), time.process_time()
# This process's own peak (VmHWM starts anew with exec); ru_maxrss keeps the forking bench's peak (~235 MB).
rss_mb = next((int(line.split()[1]) / 1024 for line in open("/proc/self/status") if line.startswith("VmHWM")),
              resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps({"import_ms": (t1 - t0) * 1000, "first_answer_ms": (t2 - t1) * 1000,
                  "import_cpu_ms": (c1 - c0) * 1000, "first_answer_cpu_ms": (c2 - c1) * 1000,
                  "catalog_answer_ms": (t3 - t2) * 1000, "catalog_answer_cpu_ms": (c3 - c2) * 1000,
                  "peak_rss_mb": rss_mb}))
"""


def probe_once(code_path: Path) -> dict[str, float]:
    """One fresh interpreter importing the handler from `code_path` (a built package), as Lambda does:
    /var/task is read-only there, so no bytecode is written (PYTHONDONTWRITEBYTECODE)."""
    env = {
        **os.environ,
        "PYTHONPATH": f"{code_path}{os.pathsep}{ROOT}",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
    }
    out = subprocess.run(
        [sys.executable, "-S", "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median(samples: list[dict[str, float]]) -> dict[str, float]:
    result = {key: round(statistics.median(s[key] for s in samples), 1) for key in samples[0]}
    result["cold_start_ms"] = round(result["import_ms"] + result["first_answer_ms"], 1)
    result["cold_start_cpu_ms"] = round(result["import_cpu_ms"] + result["first_answer_cpu_ms"], 1)
    return result


def run(runs: int = 7) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp, bench_environment():
        # Wheels for this machine (the arm64 ones would not load here), built by the same Makefile.
        package = build(Path(tmp) / "precompiled", platform="host")
        source_only = build(Path(tmp) / "source", platform="host", compile_bytecode=False)
        result = _median([probe_once(package) for _ in range(runs)])
        without = _median([probe_once(source_only) for _ in range(max(3, runs // 2))])
    result["source_only_cold_start_ms"] = without["cold_start_ms"]
    print("\nCold start from the built package (fresh interpreter, median of", runs, "runs)")
    print(f"  import the handler          {result['import_ms']:8.1f} ms")
    print(f"  first answer (GetItem)      {result['first_answer_ms']:8.1f} ms")
    print(f"  import + first answer       {result['cold_start_ms']:8.1f} ms   (target < 400 ms)")
    print(f"    of which CPU time         {result['cold_start_cpu_ms']:8.1f} ms   (less sensitive to a busy machine)")
    print(f"  first catalog answer        {result['catalog_answer_ms']:8.1f} ms   (loads and indexes the catalog)")
    print(f"    of which CPU time          {result['catalog_answer_cpu_ms']:8.1f} ms")
    print(f"  peak RSS                    {result['peak_rss_mb']:8.1f} MB")
    print(f"  same package without its precompiled bytecode: {without['cold_start_ms']:.1f} ms")
    save("cold_start", result)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    run(parser.parse_args().runs)


if __name__ == "__main__":
    main()
