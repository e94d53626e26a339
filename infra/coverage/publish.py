"""The JSON the public page draws (frontend/assets/coverage.json) and the tables the command prints."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from infra.coverage.model import Assumptions
from infra.coverage.report import CommuneCoverage, summarize

OUTPUT = Path(__file__).parents[2] / "frontend" / "assets" / "coverage.json"
COMMAND = "python -m infra.coverage"


def _failing(r: CommuneCoverage, province: str) -> dict:
    c = r.commune
    return {
        "code": c.code,
        "name": c.name,
        "province": province,
        "population": c.population,
        "areaKm2": c.area_km2,
        "shares": r.shares,
        "farthestRoadKm": None if r.farthest_road_km is None else round(r.farthest_road_km, 1),
    }


def document(
    results: Sequence[CommuneCoverage],
    provinces: dict[str, str],
    assumptions: Assumptions,
    sources: dict,
    places: dict[str, int],
) -> dict:
    by_province: dict[str, list[CommuneCoverage]] = {}
    for r in results:
        by_province.setdefault(r.commune.province_code, []).append(r)
    failing = sorted(
        (r for r in results if r.fails("bar")),
        key=lambda r: (-(r.commune.population or 0) * (1 - r.shares["bar"]), r.commune.code),
    )
    return {
        "generatedBy": COMMAND,
        "sources": sources,
        "assumptions": {**asdict(assumptions), "radiiKm": {k: round(v, 3) for k, v in assumptions.radii().items()}},
        "places": places,
        "national": summarize(results),
        "provinces": [
            {"code": code, "name": provinces[code], **summarize(by_province[code])} for code in sorted(by_province)
        ],
        # the map: [code, province, lat, lon, radius km, share within 5 km, share within the bar] (null: unknown)
        "communes": [
            [
                r.commune.code,
                r.commune.province_code,
                round(r.commune.lat, 4),
                round(r.commune.lon, 4),
                None if r.commune.radius_km is None else round(r.commune.radius_km, 2),
                None if r.shares is None else r.shares["km5"],
                None if r.shares is None else r.shares["bar"],
            ]
            for r in results
        ],
        "failing": [_failing(r, provinces[r.commune.province_code]) for r in failing],
    }


def render(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def pct(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


def table(doc: dict) -> str:
    """Markdown: the nation, then each province (the README's and the page's figures)."""
    head = (
        "| | people counted | within 5 km | 30 min walking | 30 min motorbike | communes failing the bar |\n"
        "|---|---:|---:|---:|---:|---:|"
    )

    def line(name: str, s: dict) -> str:
        shares = s["shares"]
        return (
            f"| {name} | {s['population']:,} | {pct(shares['km5'])} | {pct(shares['walk'])} | "
            f"{pct(shares['motorbike'])} | {s['failing']['bar']} |"
        )

    lines = [head, line("**Cả nước / nation**", doc["national"])]
    lines += [line(p["name"], p) for p in doc["provinces"]]
    return "\n".join(lines)
