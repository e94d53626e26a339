"""Coverage per commune, then per province and for the nation: the share of people within each measure's
radius of the nearest place that receives, people spread evenly over the commune's disc."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from infra.coverage.geometry import GridIndex, nearest_km, to_km, unit_disc
from infra.coverage.model import MEASURES, Assumptions, Commune, Place

FULL = 1 - 1e-9  # a share at or above this is "everyone"


@dataclass(frozen=True)
class CommuneCoverage:
    commune: Commune
    shares: dict[str, float] | None  # per measure; None when the commune's area is unknown
    farthest_road_km: float | None  # from its farthest sampled point to the nearest place, detour included

    def fails(self, measure: str) -> bool:
        return self.shares is not None and self.shares[measure] < FULL


class Coverage:
    """The places indexed once; `commune` measures one commune against them."""

    def __init__(self, places: Sequence[Place], assumptions: Assumptions | None = None, rings: int = 8) -> None:
        self.assumptions = assumptions or Assumptions()
        self.radii = self.assumptions.radii()
        self.lats = np.array([p.lat for p in places], float)
        self.lons = np.array([p.lon for p in places], float)
        self.index = GridIndex(self.lats, self.lons)
        self.disc, self.weights = unit_disc(rings)

    def distances(self, commune: Commune) -> np.ndarray:
        """Straight-line km from each sampled point of the commune's disc to the nearest place (inf: none
        within the commune's radius plus the largest measure's)."""
        radius = commune.radius_km or 0.0
        near = self.index.around(commune.lat, commune.lon, radius + self.radii["bar"])
        places = to_km(commune.lat, commune.lon, self.lats[near], self.lons[near])
        return nearest_km(self.disc * radius, places)

    def commune(self, commune: Commune) -> CommuneCoverage:
        if commune.radius_km is None:
            return CommuneCoverage(commune, None, None)
        gaps = self.distances(commune)
        shares = {m: round(float(self.weights[gaps <= self.radii[m] + 1e-9].sum()), 4) for m in MEASURES}
        farthest = float(gaps.max())
        return CommuneCoverage(commune, shares, None if np.isinf(farthest) else farthest * self.assumptions.detour)

    def communes(self, communes: Iterable[Commune]) -> list[CommuneCoverage]:
        return [self.commune(c) for c in communes]


def summarize(results: Iterable[CommuneCoverage]) -> dict:
    """Population-weighted shares over the communes whose area and population are both known; the others
    are counted, never estimated. `failing`: communes where someone is beyond the measure."""
    results = list(results)
    counted = [r for r in results if r.shares is not None and r.commune.population is not None]
    people = sum(r.commune.population for r in counted)
    shares = {
        m: (round(sum(r.commune.population * r.shares[m] for r in counted) / people, 4) if people else None)
        for m in MEASURES
    }
    beyond = {m: round(sum(r.commune.population * (1 - r.shares[m]) for r in counted)) for m in MEASURES}
    return {
        "communes": len(results),
        "counted": len(counted),
        "population": people,
        "unknownArea": sum(1 for r in results if r.shares is None),
        "unknownPopulation": sum(1 for r in results if r.commune.population is None),
        "shares": shares,
        "peopleBeyond": beyond,
        "failing": {m: sum(1 for r in results if r.fails(m)) for m in MEASURES},
    }
