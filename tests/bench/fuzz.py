"""Fuzzing the API through its own schema with schemathesis: generated queries and mutations (valid and
invalid arguments, huge and odd strings, nulls), without a token and with a citizen's, against a real
local server on its own DynamoDB Local. The figure that matters: server errors (HTTP 5xx, or an
unmasked internal error in a 200), which must be 0.

    .venv/bin/python -m tests.bench.fuzz [--examples 60]

Prints the cases run and the failures of each pass, and writes bench-results/fuzz.json (with
schemathesis' own reports beside it in bench-results/fuzz-*/). Figures, never a build failure.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench-results"
SCHEMATHESIS = Path(sys.executable).parent / "st"


def serve(port: int) -> None:
    import uvicorn

    from portal.api.http.app import create_app

    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="error", server_header=False)
    threading.Thread(target=uvicorn.Server(config).run, daemon=True).start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)  # noqa: S310 - local server
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("the local server did not start")


def fuzz(url: str, name: str, examples: int, token: str | None) -> dict:
    report = RESULTS / f"fuzz-{name}"
    command = [
        str(SCHEMATHESIS), "run", url,
        "--checks", "no_portal_server_error",
        "--max-examples", str(examples),
        "--phases", "examples,coverage,fuzzing",
        "--seed", "12",
        "--workers", "2",
        "--generation-database", "none",
        "--no-color",
        "--report", "junit", "--report-dir", str(report),
        *(["--header", f"Authorization: Bearer {token}"] if token else []),
    ]  # fmt: skip
    started = time.perf_counter()
    environment = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.bench.fuzz_hooks", "PYTHONPATH": f"{ROOT}"}
    RESULTS.mkdir(exist_ok=True)  # schemathesis keeps its crash cache (.schemathesis/) where it runs
    run = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, check=False, env=environment, cwd=RESULTS
    )
    seconds = time.perf_counter() - started
    output = run.stdout + run.stderr
    cases = re.search(r"Test cases:\s*\n?\s*([\d,]+) generated, ([\d,]+) found ([\d,]+) unique failures", output)
    passed = re.search(r"Test cases:\s*\n?\s*([\d,]+) generated, ([\d,]+) passed", output)
    generated = int((cases or passed).group(1).replace(",", "")) if (cases or passed) else None
    failures = int(cases.group(3).replace(",", "")) if cases else 0 if passed else None
    (report / "output.txt").parent.mkdir(parents=True, exist_ok=True)
    (report / "output.txt").write_text(output)
    return {
        "pass": name,
        "token": "citizen" if token else None,
        "cases": generated,
        "unique_failures": failures,
        "exit_code": run.returncode,
        "seconds": round(seconds, 1),
        "output": str(report / "output.txt"),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=60, help="cases per operation and phase")
    args = parser.parse_args()

    from infra.local.ports import free_port
    from tests.bench.environment import bench_environment
    from tests.bench.figures import save

    with bench_environment(table_prefix="fuzz") as env:
        port = free_port()
        serve(port)
        url = f"http://127.0.0.1:{port}/graphql"
        citizen = env.issuer.mint_for("citizen")
        results = [fuzz(url, "anonymous", args.examples, None), fuzz(url, "citizen", args.examples, citizen)]
    print(f"\nFuzzing (schemathesis), {args.examples} examples per operation; server errors: 5xx but 503,")
    print("INTERNAL_SERVER_ERROR, an error without a code (tests/bench/fuzz_hooks.py)")
    print(f"  {'pass':<12} {'cases':>8} {'server errors':>14} {'seconds':>8}")
    for r in results:
        print(f"  {r['pass']:<12} {r['cases']!s:>8} {r['unique_failures']!s:>14} {r['seconds']:>8}   ({r['output']})")
    print(f"  -> {save('fuzz', results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
