"""Scaling curve: the same reads with 10k, 100k and 1M dossiers in the table; their cost must stay flat.

    python -m tests.bench.scaling [--scales 10000,100000,1000000]

Each scale has its own DynamoDB Local data (.local/bench-dynamodb/<scale>), loaded once and kept: only
the first run pays for loading (DynamoDB Local wrote ~300 items/s here, an hour for the million). Bulk
dossiers are complete head items written by the store's own serialization (every GSI key set), spread
over every commune center, 4 per applicant; the dossiers the reads touch are filed through the API
with their timelines. Every scale is served on the same port, as the portal's settings are per process.
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from infra.local.ports import free_port
from tests.bench.environment import BENCH_DATA, bench_environment
from tests.bench.figures import Timing, header, measure, save
from tests.bench.handler_latency import Invoker, _submit_variables

DOSSIERS_PER_APPLICANT = 4
LOADER_THREADS = 8
MARKER = ".bulk-dossiers"


def _loaded(data_dir: Path) -> int:
    marker = data_dir / MARKER
    return int(marker.read_text()) if marker.exists() else 0


def _bulk_items(start: int, stop: int, centers: list[tuple[str, str, str]]) -> Any:
    from portal.clock import VIETNAM
    from portal.dossiers.codes import make_dossier_code
    from portal.dossiers.model import Applicant
    from portal.store.dossier_mapping import dossier_item
    from tests.support.factories import make_dossier

    day0 = datetime(2025, 7, 1, 9, tzinfo=VIETNAM)
    for i in range(start, stop):
        center_id, province, agency = centers[i % len(centers)]
        received = day0 + timedelta(minutes=i % 500_000)
        dossier = make_dossier(
            code=make_dossier_code(agency, received.date(), 100_000 + i),
            center_id=center_id,
            province_code=province,
            applicant=Applicant(f"9{i // DOSSIERS_PER_APPLICANT:011d}", "Công dân mẫu (bulk sample)"),
            received_at=received,
            updated_at=received,
            due=(received + timedelta(days=7)).date(),
        )
        item = dossier_item(dossier)
        item.version = 1  # what the store's save would have set
        yield item.serialize()


def load_to(total: int, centers: list[tuple[str, str, str]], data_dir: Path) -> None:
    import boto3

    from portal.config import settings

    config = settings()
    client = boto3.client("dynamodb", endpoint_url=config.dynamodb_endpoint, region_name=config.region)
    start = _loaded(data_dir)
    if start >= total:
        return
    print(f"  loading dossiers {start:,} -> {total:,} ...", flush=True)
    began = time.perf_counter()
    chunk = (total - start + LOADER_THREADS - 1) // LOADER_THREADS

    def worker(lo: int, hi: int) -> None:
        batch: list[dict] = []
        for item in _bulk_items(lo, hi, centers):
            batch.append({"PutRequest": {"Item": item}})
            if len(batch) == 25:
                _write(client, config.tables.dossiers, batch)
                batch = []
        if batch:
            _write(client, config.tables.dossiers, batch)

    threads = [threading.Thread(target=worker, args=(lo, min(lo + chunk, total))) for lo in range(start, total, chunk)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    (data_dir / MARKER).write_text(str(total))
    print(f"  loaded {total - start:,} in {time.perf_counter() - began:.0f} s", flush=True)


def _write(client: Any, table: str, requests: list[dict]) -> None:
    pending = {table: requests}
    while pending:
        pending = client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}


def _reads(invoke: Invoker, env: Any, birth: Any, rng: random.Random, n: int) -> list[Timing]:
    """Pages of 20, which every scale fills (the citizen and the center gain 20 dossiers per scale)."""
    center = "hcc-01-00070"
    citizen = env.issuer.mint_for("citizen")
    officer = env.issuer.mint_for("officer", center_id=center, center_role="lead")
    tracked = [
        invoke("SubmitDossier", _submit_variables(birth, center), citizen)["submitDossier"]["dossier"]
        for _ in range(20)
    ]

    def track() -> None:
        d = rng.choice(tracked)
        invoke("TrackDossier", {"code": d["code"], "trackingSecret": d["trackingSecret"]})

    return [
        measure("track a dossier", track, n),
        measure("my dossiers (first 20)", lambda: invoke("MyDossiers", {"first": 20}, citizen), n),
        measure("center queue (first 20)", lambda: invoke("CenterQueue", {"first": 20}, officer), n),
    ]


def run(scales: list[int], n: int = 200) -> dict[str, Any]:
    results: dict[str, Any] = {}
    port, issuer_port = free_port(), free_port()  # the same for every scale: settings are per process
    for scale in sorted(scales):
        data_dir = BENCH_DATA / str(scale)
        with bench_environment(data_dir=data_dir, port=port, issuer_port=issuer_port) as env:
            from infra.reference.centers import build_centers
            from tests.support.journeys import birth_procedure

            centers = [(c.id, c.province_code, c.agency_code) for c in build_centers() if c.commune_code]
            load_to(scale, centers, data_dir)
            results[str(scale)] = _reads(Invoker(), env, birth_procedure(), random.Random(7), n)
    header("Scaling: the same reads as the table grows (p50 / p99 ms)")
    for scale, timings in results.items():
        print(f"  {int(scale):>9,} dossiers")
        for t in timings:
            print("  " + t.row())
    save("scaling", results)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="10000,100000,1000000")
    parser.add_argument("-n", type=int, default=200)
    args = parser.parse_args()
    run([int(s) for s in args.scales.split(",")], args.n)


if __name__ == "__main__":
    main()
