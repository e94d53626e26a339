"""`make coverage`: the share of people within 5 km and within 30 minutes of a place that receives.

python -m infra.coverage                       print the figures, write frontend/assets/coverage.json
python -m infra.coverage --check               fail if that file differs from a fresh run
python -m infra.coverage --plan 08             the fewest added points bringing province 08 within 5 km
python -m infra.coverage --what-if 08 22.3,104.1   province 08 with one added point there
"""

from __future__ import annotations

import argparse
import sys
import time

from infra.coverage import inputs
from infra.coverage.model import Assumptions, Place
from infra.coverage.planner import plan
from infra.coverage.publish import OUTPUT, document, pct, render, table
from infra.coverage.report import Coverage, summarize


def _sources() -> dict:
    population = inputs.population_document()
    return {
        "population": {k: population[k] for k in ("dataset", "what", "source_ref", "licence")},
        "unknownArea": population["unknown_area"],
        "unknownPopulation": population["unknown_population"],
        "suspectPopulation": population["suspect"],
        "places": "the portal's centers (infra/reference/centers.py build_centers): commune centers at their "
        "published headquarters, provincial centers, Hanoi's branches and reception points; agencies have no position",
    }


def _plan(province: str, assumptions: Assumptions) -> None:
    communes = inputs.communes()
    mine = [c for c in communes if c.province_code == province]
    coverage = Coverage(inputs.places(), assumptions)
    radius = assumptions.radii()["km5"]
    result = plan(coverage, mine, inputs.candidates(province, communes), radius)
    name, km = inputs.province_names()[province], f"{assumptions.target_km:g} km"
    print(
        f"{name}: {result.uncovered_before:,.0f} people beyond {km} today; "
        f"{len(result.picks)} added points (former communes' centroids), greedy:"
    )
    for i, pick in enumerate(result.picks, 1):
        c = pick.candidate
        print(f"{i:4d}. {c.name} ({c.lat:.4f}, {c.lon:.4f}): +{pick.people:,.0f} people")
    print(f"left beyond {assumptions.target_km:g} km with every pick: {result.uncovered_after:,.0f} people")


def _what_if(province: str, point: str, assumptions: Assumptions) -> None:
    lat, lon = (float(x) for x in point.split(","))
    mine = [c for c in inputs.communes() if c.province_code == province]
    before = summarize(Coverage(inputs.places(), assumptions).communes(mine))
    after = summarize(Coverage([*inputs.places(), Place("what-if", "added", lat, lon)], assumptions).communes(mine))
    for label, s in (("today", before), (f"with a point at {lat},{lon}", after)):
        shares = s["shares"]
        print(
            f"{label}: within 5 km {pct(shares['km5'])} ({s['peopleBeyond']['km5']:,} beyond), "
            f"30 min walking {pct(shares['walk'])}, 30 min motorbike {pct(shares['motorbike'])}, "
            f"failing the bar {s['failing']['bar']}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--plan", metavar="PROVINCE")
    parser.add_argument("--what-if", nargs=2, metavar=("PROVINCE", "LAT,LON"))
    args = parser.parse_args(argv)
    assumptions = Assumptions()
    if args.plan:
        _plan(args.plan, assumptions)
        return 0
    if args.what_if:
        _what_if(*args.what_if, assumptions)
        return 0
    started = time.perf_counter()
    places = inputs.places()
    results = Coverage(places, assumptions).communes(inputs.communes())
    kinds: dict[str, int] = {}
    for p in places:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    doc = document(results, inputs.province_names(), assumptions, _sources(), dict(sorted(kinds.items())))
    text = render(doc)
    print(table(doc))
    print(
        f"\n{len(doc['failing'])} communes fail the bar (5 km or 30 minutes by motorbike); "
        f"{doc['national']['failing']['km5']} have people beyond 5 km ({time.perf_counter() - started:.1f} s)"
    )
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT.name}: {'up to date' if same else 'STALE: run python -m infra.coverage'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"-> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
