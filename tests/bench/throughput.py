"""Throughput of the local server (uvicorn) under a mixed load of reads and writes from a second process.

    python -m tests.bench.throughput [--seconds 20] [--connections 32] [--workers 4]

Four uvicorn workers by default (twice the cores here). The load (wrk with mixed_load.lua):
60% tracking, 20% procedure search, 15% nearest centers, 5% submits.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from infra.local.ports import free_port
from tests.bench.environment import bench_environment
from tests.bench.figures import save
from tests.bench.handler_latency import CENTER, Invoker, _submit_variables
from tests.support.graphql_client import OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("mixed_load.lua")


def _lua_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string literal is a valid Lua string literal here


from tests.support.journeys import birth_procedure, electronic_documents  # noqa: E402


def _script(dossiers: list[tuple[str, str]], token: str, form: dict, target: Path) -> Path:
    operations = {p.stem: p.read_text(encoding="utf-8") for p in OPERATIONS.glob("*.graphql")}
    prelude = [
        "OPERATIONS = {" + ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in operations.items()) + "}",
        "DOSSIERS = {" + ", ".join(f"{{{_lua_string(c)}, {_lua_string(s)}}}" for c, s in dossiers) + "}",
        f"TOKEN = {_lua_string(token)}",
        f"FORM = {_lua_string(json.dumps(form, ensure_ascii=False))}",
        f"ELECTRONIC = {_lua_string(json.dumps(electronic_documents(birth_procedure()), ensure_ascii=False))}",
        f"CENTER = {_lua_string(CENTER)}",
    ]
    target.write_text("\n".join(prelude) + "\n" + SCRIPT.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def _wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - local server
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("the server did not start")


def run(seconds: int = 20, connections: int = 32, workers: int = 4) -> dict:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: run ./infra/bootstrap.sh --bench (apt-get install wrk)")
    with bench_environment() as env, tempfile.TemporaryDirectory() as tmp:
        from tests.support.factories import form_for
        from tests.support.journeys import birth_procedure

        invoke, birth, token = Invoker(), birth_procedure(), env.issuer.mint_for("citizen")
        dossiers = []
        for _ in range(50):
            d = invoke("SubmitDossier", _submit_variables(birth), token)["submitDossier"]["dossier"]
            dossiers.append((d["code"], d["trackingSecret"]))
        script = _script(dossiers, token, form_for(birth), Path(tmp) / "load.lua")
        port = free_port()
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "uvicorn",
                "tests.bench.server:app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(workers),
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'functions'}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_until_up(f"http://127.0.0.1:{port}/graphql")
            base = [
                "wrk",
                "-t2",
                f"-c{connections}",
                "--timeout",
                "10s",
                "-s",
                str(script),
                f"http://127.0.0.1:{port}/graphql",
            ]
            subprocess.run([*base[:1], "-d3s", *base[1:]], capture_output=True, check=True)  # warm every worker
            out = subprocess.run(
                [*base[:1], f"-d{seconds}s", "--latency", *base[1:]], capture_output=True, text=True, check=True
            )
        finally:
            server.terminate()
            server.wait(timeout=20)
    line = next(x for x in out.stdout.splitlines() if x.startswith("WRK_RESULT "))
    result = json.loads(line.removeprefix("WRK_RESULT "))
    result.update(rps=round(result["requests"] / result["seconds"], 1), workers=workers, connections=connections)
    print(f"\nThroughput: uvicorn, {workers} workers, {connections} connections, {seconds} s of mixed load (wrk)")
    print(
        f"  {result['rps']} requests/s, p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, "
        f"{result['errors']} errors in {result['requests']} requests, {result['socket_errors']} socket errors"
    )
    save("throughput", result)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    run(args.seconds, args.connections, args.workers)


if __name__ == "__main__":
    main()
