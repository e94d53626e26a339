"""The report's inputs from the portal's reference data: the communes (official codes and names, their
headquarters from the centers, area and population from infra/reference/commune_population.json), the places
that receive (the centers with a position: agencies have none) and the planner's candidate sites (the former
communes' centroids: where Hanoi put its reception points)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from vietnam_provinces import Province, Ward

from infra.coverage.geometry import GridIndex
from infra.coverage.model import Commune, Place
from infra.coverage.planner import Candidate
from infra.reference.admin_units import rows
from infra.reference.centers import build_centers
from portal.centers.model import Center, CenterKind

POPULATION_FILE = Path(__file__).parents[1] / "reference" / "commune_population.json"


def population_document() -> dict:
    return json.loads(POPULATION_FILE.read_text(encoding="utf-8"))


@cache
def centers() -> tuple[Center, ...]:
    return tuple(build_centers())


def places() -> list[Place]:
    return [
        Place(c.id, c.kind.value, c.location.lat, c.location.lon)
        for c in centers()
        if c.kind is not CenterKind.AGENCY and c.location is not None
    ]


def province_names() -> dict[str, str]:
    return {f"{p.code.value:02d}": p.name for p in Province.iter_all()}


def communes() -> list[Commune]:
    figures = population_document()["communes"]
    seats = {c.commune_code: c.location for c in centers() if c.kind is CenterKind.COMMUNE and c.location}
    found = []
    for ward in Ward.iter_all():
        code = f"{ward.code.value:05d}"
        seat, figure = seats[code], figures.get(code, {})
        found.append(
            Commune(
                code,
                ward.name,
                f"{ward.province_code.value:02d}",
                seat.lat,
                seat.lon,
                figure.get("area_km2"),
                figure.get("population"),
            )
        )
    return sorted(found, key=lambda c: c.code)


def candidates(province_code: str, communes: list[Commune]) -> list[Candidate]:
    """The former communes (before 1 July 2025) whose centroid's nearest new headquarters is in the province."""
    index = GridIndex([c.lat for c in communes], [c.lon for c in communes], cell_deg=0.2)
    found = []
    for row in rows("admin_units_legacy"):
        lat, lon = row["wardLat"], row["wardLon"]
        if lat is None or lon is None:
            continue
        near = index.around(lat, lon, 25.0)
        if not len(near):
            continue
        nearest = min(near, key=lambda i: (communes[i].lat - lat) ** 2 + (communes[i].lon - lon) ** 2)
        if communes[nearest].province_code == province_code:
            found.append(Candidate(row["wardCode"], f"{row['ward']}, {row['district']} (cũ)", lat, lon))
    return sorted(found, key=lambda c: c.id)
