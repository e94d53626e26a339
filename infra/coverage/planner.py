"""The fewest added points that bring a province's people within a radius: greedy set cover.

Demand is each commune's sampled points (people spread over its disc) that no place reaches; a candidate
site covers the demand points within the radius; the greedy pick takes, again and again, the candidate
covering the most people still uncovered (ties: the earlier candidate). Greedy set cover is within a
factor ln(n) + 1 of the fewest points and usually close to it; demand no candidate reaches is reported,
never hidden."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from infra.coverage.model import Commune
from infra.coverage.report import Coverage

EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Pick:
    candidate: Candidate
    people: float  # people it brings within the radius that no earlier pick did


@dataclass(frozen=True)
class Plan:
    picks: tuple[Pick, ...]
    uncovered_before: float  # people beyond the radius today
    uncovered_after: float  # people no candidate can reach


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(a, float)) for a in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(a))


def demand(coverage: Coverage, communes: Sequence[Commune], radius_km: float) -> tuple[np.ndarray, ...]:
    """(lats, lons, people) of the sampled points beyond `radius_km` of every place."""
    lats, lons, people = [], [], []
    for commune in communes:
        if commune.radius_km is None or not commune.population:
            continue
        gaps = coverage.distances(commune)
        out = gaps > radius_km + 1e-9
        if not out.any():
            continue
        points = coverage.disc[out] * commune.radius_km
        cos = np.cos(np.radians(commune.lat))
        lats.append(commune.lat + points[:, 1] / 110.574)
        lons.append(commune.lon + points[:, 0] / (111.320 * cos))
        people.append(coverage.weights[out] * commune.population)
    if not lats:
        return np.empty(0), np.empty(0), np.empty(0)
    return np.concatenate(lats), np.concatenate(lons), np.concatenate(people)


def plan(coverage: Coverage, communes: Sequence[Commune], candidates: Sequence[Candidate], radius_km: float) -> Plan:
    lats, lons, people = demand(coverage, communes, radius_km)
    before = float(people.sum())
    if not len(people) or not candidates:
        return Plan((), before, before)
    c_lats = np.array([c.lat for c in candidates])[:, None]
    c_lons = np.array([c.lon for c in candidates])[:, None]
    reaches = haversine_km(c_lats, c_lons, lats[None, :], lons[None, :]) <= radius_km + 1e-9
    left = people.copy()
    picks: list[Pick] = []
    while True:
        gains = reaches @ left
        best = int(np.argmax(gains))
        if gains[best] <= 1e-9:
            break
        picks.append(Pick(candidates[best], float(gains[best])))
        left[reaches[best]] = 0.0
    return Plan(tuple(picks), before, float(left.sum()))
