"""Lookup benchmark: catalog index build, procedure search, address resolution, nearest centers.

    .venv/bin/python -m tests.bench.lookup [--rounds 20]

Starts its own DynamoDB Local (in memory, free port), creates the tables and seeds the reference data,
then measures in process, through the services the resolvers call: search and address resolution are
in memory; nearest centers go to DynamoDB Local (one Query per geohash cell). Prints a table and writes
bench-results/lookup.json. Timings, not assertions: nothing here fails a build. Figures depend on the
machine and on what else runs on it (the load average is recorded beside them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from infra import local_env
from infra.local.dynamodb import DynamoDBLocal
from infra.local.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench-results" / "lookup.json"

# What citizens type: with and without accents, partial, a typo, a code, English.
SEARCHES = [
    "dang ky khai sinh", "Đăng ký khai sinh", "khai sinh", "khai tu", "ket hon", "dang ky ket h",
    "ly lich tu phap", "phieu ly lich tu phapp", "dang ky thuong tru", "dnag ky thuong tru", "tam tru",
    "doi giay phep lai xe", "giay phep lai xe", "dang ky xe", "bien so xe", "ho kinh doanh",
    "dang ky thanh lap ho kinh doanh", "giay phep xay dung", "the bao hiem y te tre em duoi 6 tuoi",
    "bhyt", "can cuoc", "cap the can cuoc", "chung thuc ban sao", "tro cap", "nguoi co cong",
    "xac nhan tinh trang hon nhan", "1.001193", "3.000333", "birth registration", "criminal record",
]  # fmt: skip
# Points people search from: city centres, suburbs, the countryside, a forest with nothing within 5 km.
# Each is searched for any center and for birth registration within 5 km, and for the criminal record
# certificate (provincial centers only) within 50 km.
POINTS = [
    (21.0288, 105.8525), (21.0362, 105.7906), (20.9716, 105.7788), (21.1782, 105.8452), (21.0840, 105.3700),
    (10.7769, 106.7009), (10.8016, 106.6520), (10.7380, 106.7218), (10.8700, 106.8000), (16.0544, 108.2022),
    (20.8449, 106.6881), (10.0452, 105.7469), (12.2388, 109.1967), (11.9404, 108.4583), (18.6796, 105.6813),
    (22.4900, 102.6400), (22.3364, 103.8438), (21.3256, 103.9188), (14.3545, 108.0076), (9.1768, 105.1524),
    (20.3200, 105.6000), (15.1214, 108.8044), (13.7830, 109.2197), (19.8067, 105.7851), (20.4388, 106.1621),
]  # fmt: skip


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile, in milliseconds."""
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))] * 1000


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def held_megabytes(build: Callable[[], Any]) -> float:
    """What the object `build` returns keeps allocated (tracemalloc: Python's own allocations)."""
    import tracemalloc

    tracemalloc.start()
    try:
        kept = build()
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return round(held / 1e6, 1)


def latencies(calls: Iterable[Callable[[], Any]]) -> list[float]:
    return [timed(call)[0] for call in calls]


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 50), 3),
        "p99_ms": round(percentile(samples, 99), 3),
        "max_ms": round(max(samples) * 1000, 3),
    }


def addresses(gazetteer: Any, count: int, rng: random.Random) -> list[str]:
    """Old-form addresses in full, abbreviated without accents, with a street; and new-form ones."""
    from portal.text import fold
    from portal.units.model import in_sentence

    olds = sorted(gazetteer.legacy_communes.values(), key=lambda c: c.code)
    news = sorted(gazetteer.communes.values(), key=lambda c: c.code)
    texts = []
    for i in range(count):
        if i % 4 == 3:
            commune = rng.choice(news)
            province = gazetteer.provinces[commune.province_code]
            texts.append(f"số {rng.randint(1, 300)} đường Lê Lợi, {commune.name}, {province.name}")
            continue
        commune = rng.choice(olds)
        district = gazetteer.legacy_districts[commune.district_code]
        province = gazetteer.legacy_provinces[district.province_code]
        full = f"{commune.name}, {district.name}, {province.name}"
        if i % 4 == 0:
            texts.append(full)
        elif i % 4 == 1:
            texts.append(fold(full))
        else:
            texts.append(
                f"{rng.randint(1, 300)} Nguyễn Trãi, {in_sentence(commune.name)}, {in_sentence(district.name)}"
            )
    return texts


def run(rounds: int) -> dict[str, Any]:
    from infra.seed import seed_reference_data
    from infra.tables import create_tables
    from portal.centers import service as centers
    from portal.centers.geo import cells_covering
    from portal.centers.model import GeoPoint
    from portal.config import settings
    from portal.procedures import service as procedures
    from portal.procedures.catalog import Catalog, shipped_index
    from portal.procedures.search import SearchIndex
    from portal.store.centers import CenterStore
    from portal.store.procedures import ProcedureStore
    from portal.units import service as units
    from portal.units.address import AddressResolver
    from portal.units.directory import UnitDirectory
    from portal.units.sources import load_gazetteer

    results: dict[str, Any] = {}
    create_tables(settings())
    seed_seconds, report = timed(seed_reference_data)
    results["seed"] = {"seconds": round(seed_seconds, 2), "procedures": report.procedures, "centers": report.centers}

    # Catalog: what a cold container does (read the shipped index file, build the index), then queries
    # over the whole catalog, then one procedure's details by key.
    from portal.procedures import index_file
    from tests.search_eval.evaluation import SETS, read_needs

    load_seconds, (summaries, terms) = timed(index_file.load)
    builds = latencies([lambda: SearchIndex(summaries, terms)] * rounds)
    results["catalog_index_file_load_ms"] = round(load_seconds * 1000, 1)
    results["catalog_index_held_mb"] = held_megabytes(lambda: SearchIndex(*index_file.load()))
    results["catalog_index_build"] = {**summary(builds), "procedures": len(summaries)}
    store = ProcedureStore()
    catalog = Catalog(shipped_index, store)
    catalog.index()
    no_filter = procedures.ProcedureFilter()
    queries = SEARCHES + [n.query for n in read_needs(SETS["dev"])]
    for q in queries:  # each catalog word's scores are worked out once per container: warm them
        procedures.search_procedures(catalog, q, no_filter, 20, None)
    calls = [lambda q=q: procedures.search_procedures(catalog, q, no_filter, 20, None) for q in queries] * rounds
    results["procedure_search"] = {**summary(latencies(calls)), "queries": len(queries)}
    # What the portal serves: words and meaning (the model embeds each query: procedures/hybrid.py)
    from portal.procedures.catalog import shipped_hybrid_index
    from portal.procedures.semantic import in_process_cosines

    hybrid = Catalog(lambda: shipped_hybrid_index(in_process_cosines()), store)
    load_seconds, _ = timed(lambda: procedures.search_procedures(hybrid, "khai sinh", no_filter, 20, None))
    results["first_hybrid_search_ms"] = round(load_seconds * 1000, 1)  # vectors read, model mapped
    hybrid_calls = [lambda q=q: procedures.search_procedures(hybrid, q, no_filter, 20, None) for q in queries]
    results["procedure_search_hybrid"] = {**summary(latencies(hybrid_calls)), "queries": len(queries)}
    cold_index = Catalog(shipped_index, store)
    first = latencies([lambda: procedures.search_procedures(cold_index, "khai sinh", no_filter, 20, None)])
    results["first_search_cold_index_ms"] = round(first[0] * 1000, 1)
    codes = [p.code for p in summaries[:: max(1, len(summaries) // (10 * rounds))]]
    results["details_by_key"] = summary(latencies([lambda c=c: ProcedureStore().get_many([c]) for c in codes]))

    # Addresses: cold start (read the files, build the index), then resolveAddress through its service.
    gazetteer_seconds, gazetteer = timed(load_gazetteer)
    index_seconds, _ = timed(lambda: AddressResolver(gazetteer))
    directory = UnitDirectory(lambda: gazetteer)
    directory.resolver  # noqa: B018 - build it before timing queries
    texts = addresses(gazetteer, 50 * rounds, random.Random(2025))
    results["units_load_ms"] = round(gazetteer_seconds * 1000, 1)
    results["address_index_build_ms"] = round(index_seconds * 1000, 1)
    results["resolve_address"] = summary(latencies([lambda t=t: units.resolve_address(directory, t) for t in texts]))

    # Nearest centers: through the service, against DynamoDB Local.
    centers_store = CenterStore()
    cases = [
        (GeoPoint(lat, lon), radius, code)
        for lat, lon in POINTS
        for radius, code in ((5, None), (5, "1.001193"), (50, "3.000333"))
    ]
    centers.nearest_centers(centers_store, catalog, cases[0][0], 5, None, 20)  # warm the connection
    by_radius: dict[int, list[float]] = {5: [], 50: []}
    found = []
    for _ in range(max(1, rounds // 4)):
        for point, radius, code in cases:
            seconds, nearby = timed(
                lambda p=point, r=radius, c=code: centers.nearest_centers(centers_store, catalog, p, r, c, 20)
            )
            by_radius[radius].append(seconds)
            found.append(len(nearby))
    results["nearest_centers"] = {
        **summary(by_radius[5] + by_radius[50]),
        "cells_per_search_avg": round(statistics.mean(len(cells_covering(p, r)) for p, r, _ in cases), 1),
        "centers_found_avg": round(statistics.mean(found), 1),
        "empty_answers": sum(1 for n in found if n == 0),
    }
    for radius, samples in by_radius.items():
        cells = statistics.mean(len(cells_covering(p, r)) for p, r, _ in cases if r == radius)
        results[f"nearest_centers_{radius}km"] = {**summary(samples), "cells_per_search_avg": round(cells, 1)}
    return results


def print_table(results: dict[str, Any]) -> None:
    def measured(label: str, key: str) -> tuple[str, str, str, str]:
        r = results[key]
        return label, f"n={r['n']}", f"p50 {r['p50_ms']:.3f} ms", f"p99 {r['p99_ms']:.3f} ms"

    cold_units = results["units_load_ms"] + results["address_index_build_ms"]
    rows = [
        ("seed reference data (batch writes)", f"{results['seed']['seconds'] * 1000:.0f} ms", "", ""),
        ("catalog index file load (shipped)", f"{results['catalog_index_file_load_ms']:.1f} ms", "", ""),
        ("  memory the loaded index holds", f"{results['catalog_index_held_mb']:.1f} MB", "", ""),
        measured("catalog index build", "catalog_index_build"),
        ("first search of a cold index", f"{results['first_search_cold_index_ms']:.1f} ms", "", ""),
        measured("procedure search (in process)", "procedure_search"),
        measured("procedure details by key (GetItem)", "details_by_key"),
        ("units load + address index build", f"{cold_units:.0f} ms", "", ""),
        measured("resolveAddress (in process)", "resolve_address"),
        measured("nearest centers (DynamoDB Local)", "nearest_centers"),
        measured("  of which within 5 km", "nearest_centers_5km"),
        measured("  of which within 50 km (provincial)", "nearest_centers_50km"),
    ]
    width = max(len(r[0]) for r in rows)
    for label, a, b, c in rows:
        print(f"{label:<{width}}  {a:>10}  {b:>16}  {c:>16}")
    n = results["nearest_centers"]
    print(
        f"nearest centers: {n['cells_per_search_avg']} geohash cells (Queries) per search, "
        f"{n['centers_found_avg']} centers found on average, {n['empty_answers']} empty answers"
    )
    print(f"machine: {results['machine']['cpus']} CPUs, load average {results['machine']['load_average']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="repetitions of each query set (default 20)")
    args = parser.parse_args(argv)
    port = free_port()
    local_env.apply(f"http://127.0.0.1:{port}", "http://127.0.0.1:9", table_prefix="bench", key="bench-tracking-key")
    with DynamoDBLocal(port):
        results = run(args.rounds)
    results["machine"] = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "rounds": args.rounds,
    }
    print_table(results)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
