"""Hot counter: concurrent dossier transactions that all add to the nation's month, with the nation's
counters in one item (as before) or spread over portal.dossiers.counters.NATIONAL_SHARDS shards.

    python -m tests.bench.hot_counter [--threads 16] [--per-thread 40]

Each transaction is the shape of a submit's KPI part: a new item (the dossier's event) plus the store's
own ADD updates (portal.store.stats.add_to_transaction) for a center, a province and the nation. In AWS
two transactions writing one item at once are cancelled (TransactionConflict); DynamoDB Local instead
runs them one after the other, so the figure here is the throughput the shared item allows and how long
each submitter waits, both of which sharding is meant to lift.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time

from infra import local_env
from infra.local.dynamodb import DynamoDBLocal
from infra.local.ports import free_port
from tests.bench.figures import save


def run(threads: int, per_thread: int) -> dict[str, object]:
    ddb = DynamoDBLocal(free_port())
    local_env.apply(ddb.endpoint, "http://127.0.0.1:1", table_prefix="hot", key="bench")
    with ddb:
        from pynamodb.transactions import TransactWrite

        from infra.tables import create_tables
        from portal.config import settings
        from portal.dossiers.counters import NATIONAL, NATIONAL_SHARDS, KpiCounts, KpiDelta, national_shard
        from portal.store.dossier_items import EventItem
        from portal.store.stats import add_to_transaction
        from portal.store.tables import connection

        create_tables(settings())
        results = {}
        for layout in ("one national item", f"{NATIONAL_SHARDS} national shards"):
            latencies: list[float] = []
            errors: list[str] = []
            month = "2026-12" if layout.startswith("one") else "2026-11"

            def submitter(
                worker: int, layout: str = layout, month: str = month, latencies=latencies, errors=errors
            ) -> None:
                for n in range(per_thread):
                    code = f"000.00.{worker:02d}.H01-261201-{n:04d}"
                    nation = NATIONAL if layout.startswith("one") else national_shard(code)
                    scopes = (f"center:hcc-{worker % 40:02d}", f"province:{worker % 34:02d}", nation)
                    delta = KpiDelta(month, scopes, KpiCounts(received=1, online=1))
                    started = time.perf_counter()
                    try:
                        with TransactWrite(connection=connection()) as tx:
                            tx.save(
                                EventItem(
                                    pk=code,
                                    sk="EVENT#0001",
                                    seq=1,
                                    at="2026-12-01T09:00:00+07:00",
                                    action="receive",
                                    status="received",
                                    actor="citizen",
                                )
                            )
                            add_to_transaction(tx, delta)
                    except Exception as error:  # noqa: BLE001 - counted, the figure says how many
                        errors.append(type(error).__name__)  # list.append is atomic under the GIL
                        continue
                    latencies.append((time.perf_counter() - started) * 1000)

            workers = [threading.Thread(target=submitter, args=(w,)) for w in range(threads)]
            started = time.perf_counter()
            for w in workers:
                w.start()
            for w in workers:
                w.join()
            elapsed = time.perf_counter() - started
            latencies.sort()
            results[layout] = {
                "transactions": len(latencies),
                "errors": len(errors),
                "per_second": round(len(latencies) / elapsed, 1),
                "p50_ms": round(statistics.median(latencies), 1),
                "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1),
            }
        return {"threads": threads, "per_thread": per_thread, "layouts": results}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--per-thread", type=int, default=40)
    args = parser.parse_args()
    figures = run(args.threads, args.per_thread)
    print(f"\nHot counter: {args.threads} concurrent submitters x {args.per_thread} transactions (DynamoDB Local)")
    for layout, f in figures["layouts"].items():
        print(
            f"  {layout:<22} {f['per_second']:7.1f} tx/s   p50 {f['p50_ms']:7.1f} ms   p99 {f['p99_ms']:7.1f} ms"
            f"   errors {f['errors']}"
        )
    print(f"Figures in {save('hot_counter', figures)}")


if __name__ == "__main__":
    main()
