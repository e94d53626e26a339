"""Points over a disc, a local flat projection and a grid index of places: plain numpy.

A commune's disc is sampled by equal-area rings (ring i of `rings` at radius sqrt((i + 1/2) / rings) of the
disc's, 6i + 1 points evenly around it, each ring carrying 1/rings of the people): deterministic, so the
report gives the same figures on every run."""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_AT_EQUATOR = 111.320


def unit_disc(rings: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """(points (n, 2) in a disc of radius 1, their weights summing to 1)."""
    points, weights = [], []
    for i in range(rings):
        radius, count = math.sqrt((i + 0.5) / rings), 6 * i + 1
        angles = 2 * math.pi * (np.arange(count) + 0.5 * (i % 2)) / count
        points.append(np.column_stack((radius * np.cos(angles), radius * np.sin(angles))))
        weights.append(np.full(count, 1 / (rings * count)))
    return np.vstack(points), np.concatenate(weights)


def to_km(lat0: float, lon0: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Positions (n, 2) in km east and north of (lat0, lon0): flat, good to well under 1% within 100 km."""
    east = (lons - lon0) * KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(lat0))
    north = (lats - lat0) * KM_PER_DEGREE_LAT
    return np.column_stack((east, north))


def nearest_km(points: np.ndarray, places: np.ndarray) -> np.ndarray:
    """For each point (n, 2), the distance (km) to the nearest of `places` (m, 2); inf when there is none."""
    if len(places) == 0:
        return np.full(len(points), np.inf)
    gaps = points[:, None, :] - places[None, :, :]
    return np.sqrt((gaps**2).sum(axis=2)).min(axis=1)


class GridIndex:
    """Places bucketed in cells of `cell_deg` degrees; `around` returns those that may lie within a reach."""

    def __init__(self, lats: np.ndarray, lons: np.ndarray, cell_deg: float = 0.1) -> None:
        self.lats, self.lons, self.cell = np.asarray(lats, float), np.asarray(lons, float), cell_deg
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, (lat, lon) in enumerate(zip(self.lats, self.lons, strict=True)):
            self.cells[self._cell(lat, lon)].append(i)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.cell), math.floor(lon / self.cell)

    def around(self, lat: float, lon: float, reach_km: float) -> np.ndarray:
        """Indexes of the places in the cells a circle of `reach_km` around (lat, lon) touches."""
        row, col = self._cell(lat, lon)
        d_lat = math.ceil(reach_km / KM_PER_DEGREE_LAT / self.cell)
        d_lon = math.ceil(reach_km / (KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(lat))) / self.cell)
        found = [
            i
            for r in range(row - d_lat, row + d_lat + 1)
            for c in range(col - d_lon, col + d_lon + 1)
            for i in self.cells.get((r, c), ())
        ]
        return np.array(sorted(found), dtype=int)
