"""What the coverage report reasons about: the assumptions, the communes (a disc of their area around their
headquarters, their people spread evenly over it) and the places that receive."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Assumptions:
    """Distances are straight lines; a road is `detour` times longer (a circuity factor: 1.2-1.4 is usual for
    road networks, mountains more). Thirty minutes is `minutes` at `walk_kmh` on foot or `motorbike_kmh` on a
    motorbike (rural roads); the bar of seed 004 is 5 km *or* 30 minutes, by motorbike."""

    target_km: float = 5.0
    minutes: float = 30.0
    walk_kmh: float = 5.0
    motorbike_kmh: float = 25.0
    detour: float = 1.3

    def straight_km(self, road_km: float) -> float:
        return road_km / self.detour

    def radii(self) -> dict[str, float]:
        """Straight-line radius (km) of each measure: within 5 km, 30 minutes walking, 30 minutes by
        motorbike, and the bar (5 km or 30 minutes by motorbike: the larger)."""
        hours = self.minutes / 60
        radii = {
            "km5": self.straight_km(self.target_km),
            "walk": self.straight_km(self.walk_kmh * hours),
            "motorbike": self.straight_km(self.motorbike_kmh * hours),
        }
        radii["bar"] = max(radii["km5"], radii["motorbike"])
        return radii


MEASURES = ("km5", "walk", "motorbike", "bar")


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    province_code: str
    lat: float  # its headquarters (the disc's center)
    lon: float
    area_km2: float | None  # None: no source gives it
    population: int | None  # None: no source gives it

    @property
    def radius_km(self) -> float | None:
        return None if self.area_km2 is None else math.sqrt(self.area_km2 / math.pi)


@dataclass(frozen=True)
class Place:
    """A place that receives and returns dossiers, with a position."""

    id: str
    kind: str
    lat: float
    lon: float
