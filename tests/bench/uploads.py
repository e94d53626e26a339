"""Upload round trip through the Lambda handler and the local S3 gateway (SeaweedFS) with ClamAV:
request the policy, POST the file straight to storage, complete (size, type, SHA-256, clamscan, move),
then a download link. One step at a time, then the whole trip.

python -m tests.bench.uploads [-n 30]
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

from tests.bench.environment import bench_environment
from tests.bench.figures import Timing, header, measure, save
from tests.bench.handler_latency import Invoker

SIZES = {"100 KB photo": 100 * 1024, "2 MB scan": 2 * 1024 * 1024}


def _body(size: int) -> bytes:
    return b"\xff\xd8\xff\xe0" + os.urandom(size - 4)  # a JPEG's first bytes, random content


def run(n: int = 30) -> dict[str, Any]:
    with bench_environment() as env:
        from tests.support.uploads import post_file

        invoke = Invoker()
        citizen = env.issuer.mint_for("citizen")
        results: list[Timing] = []
        for label, size in SIZES.items():
            body = _body(size)
            steps: dict[str, list[float]] = {"request": [], "post": [], "complete": [], "download link": []}

            def trip(size: int = size, body: bytes = body, steps: dict = steps) -> None:
                t0 = time.perf_counter()
                ticket = invoke(
                    "RequestDocumentUpload",
                    {
                        "input": {
                            "fileName": "anh.jpg",
                            "contentType": "image/jpeg",
                            "sizeBytes": size,
                            "procedureCode": "1.001193",
                        }
                    },
                    citizen,
                )["requestDocumentUpload"]
                t1 = time.perf_counter()
                assert post_file(ticket, body) == 204
                t2 = time.perf_counter()
                done = invoke("CompleteDocumentUpload", {"documentId": ticket["document"]["id"]}, citizen)
                assert done["completeDocumentUpload"]["document"]["state"] == "CLEAN", done
                t3 = time.perf_counter()
                invoke("DocumentDownload", {"documentId": ticket["document"]["id"]}, citizen)
                t4 = time.perf_counter()
                for name, (a, b) in zip(steps, ((t0, t1), (t1, t2), (t2, t3), (t3, t4)), strict=True):
                    steps[name].append((b - a) * 1000)

            whole = measure(f"{label}: request, POST, complete, link", trip, n, warmup=3)
            results.append(whole)
            for name, samples in steps.items():
                samples = sorted(samples[3:])
                results.append(
                    Timing(
                        f"  {label}: {name}",
                        len(samples),
                        round(samples[len(samples) // 2], 3),
                        round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3),
                        round(sum(samples) / len(samples), 3),
                    )
                )
    header("Upload round trip (handler in process, SeaweedFS S3, clamscan)")
    for t in results:
        print(t.row())
    save("uploads", {"trips": results})
    return {"trips": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=30)
    run(parser.parse_args().n)


if __name__ == "__main__":
    main()
