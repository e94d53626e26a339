"""The coverage report's method on hand-worked cases: radii, the disc's samples, shares, totals, the planner."""

from __future__ import annotations

import math

import numpy as np
import pytest

from infra.coverage.geometry import unit_disc
from infra.coverage.model import Assumptions, Commune, Place
from infra.coverage.planner import Candidate, plan
from infra.coverage.report import Coverage, summarize

LAT, LON = 16.0, 107.0
KM_NORTH = 1 / 111.195  # degrees of latitude per km on the planner's sphere (haversine)


def north(km: float) -> float:
    return LAT + km * KM_NORTH


def commune(code: str, km: float = 0.0, area: float | None = 0.0, population: int | None = 1000) -> Commune:
    """A commune whose headquarters is `km` north of the origin (area 0: all its people at the headquarters)."""
    return Commune(code, f"Xã {code}", "99", north(km), LON, area, population)


def test_radii_are_the_road_distances_over_the_detour_factor():
    radii = Assumptions().radii()
    assert radii["km5"] == pytest.approx(5 / 1.3)
    assert radii["walk"] == pytest.approx(2.5 / 1.3)  # 30 minutes at 5 km/h
    assert radii["motorbike"] == pytest.approx(12.5 / 1.3)  # 30 minutes at 25 km/h
    assert radii["bar"] == radii["motorbike"]  # 5 km or 30 minutes: the larger


def test_the_disc_samples_are_equal_area_rings_inside_the_disc_with_weights_summing_to_one():
    points, weights = unit_disc(rings=8)
    assert len(points) == sum(6 * i + 1 for i in range(8)) == 176
    assert weights.sum() == pytest.approx(1.0)
    assert np.hypot(points[:, 0], points[:, 1]).max() < 1.0


def test_a_small_commune_around_its_center_is_covered_everywhere():
    result = Coverage([Place("c", "commune", LAT, LON)]).commune(commune("a", area=10.0))  # radius 1.78 km
    assert result.shares == {"km5": 1.0, "walk": 1.0, "motorbike": 1.0, "bar": 1.0}
    assert not result.fails("bar")


def test_a_large_commune_leaves_its_outer_rings_beyond_five_km():
    # radius 10 km, its center at the headquarters: rings at 10·sqrt((i + 1/2)/8) = 2.5, 4.33, 5.59, ... km;
    # only the first (1/8 of the people) is within 5/1.3 = 3.85 km, as against (3.85/10)² = 14.8% exactly.
    big = commune("a", area=math.pi * 100)
    result = Coverage([Place("c", "commune", LAT, LON)]).commune(big)
    assert result.shares["km5"] == 0.125
    assert abs(result.shares["km5"] - (5 / 1.3 / 10) ** 2) < 1 / 8
    assert result.fails("km5") and result.fails("bar")  # 12.5/1.3 = 9.6 km < the outer ring at 9.68 km
    assert result.farthest_road_km == pytest.approx(10 * math.sqrt(7.5 / 8) * 1.3, rel=1e-3)


def test_totals_weigh_communes_by_population_and_count_the_unknown_apart():
    coverage = Coverage([Place("c", "commune", LAT, LON)])
    results = coverage.communes(
        [
            commune("near", 0, population=3000),
            commune("far", 20, population=1000),  # 20 km away: beyond everything
            commune("nobody-counted", 0, population=None),
            commune("no-area", 0, area=None),
        ]
    )
    totals = summarize(results)
    assert totals["population"] == 4000 and totals["counted"] == 2
    assert totals["unknownPopulation"] == 1 and totals["unknownArea"] == 1
    assert totals["shares"]["km5"] == 0.75 and totals["peopleBeyond"]["km5"] == 1000
    assert totals["failing"]["bar"] == 1


def test_the_planner_picks_the_fewest_points_that_bring_everyone_within_the_radius():
    # Hand-worked, on a line north of the origin, radius 5 km; a place at A (0 km) already.
    # B (10 km, 1,000 people) and C (14 km, 2,000) are both within 5 km of P1 (10 km) or P2 (14 km);
    # D (30 km, 500) only of P3 (30 km); P4 (21 km) reaches nobody; E (60 km, 100) no candidate reaches.
    # Fewest points: P1 or P2 (3,000 people; P1 comes first), then P3 (500); E stays beyond.
    communes = [
        commune("A", 0),
        commune("B", 10),
        commune("C", 14, population=2000),
        commune("D", 30, population=500),
        commune("E", 60, population=100),
    ]
    candidates = [Candidate(f"P{i}", f"P{i}", north(km), LON) for i, km in ((1, 10), (2, 14), (3, 30), (4, 21))]
    result = plan(Coverage([Place("a", "commune", LAT, LON)]), communes, candidates, radius_km=5.0)
    assert [(p.candidate.id, round(p.people)) for p in result.picks] == [("P1", 3000), ("P3", 500)]
    assert round(result.uncovered_before) == 3600 and round(result.uncovered_after) == 100


def test_what_if_one_added_point_raises_the_share_of_the_communes_it_reaches():
    communes = [commune("A", 0), commune("D", 30, population=500)]
    today = summarize(Coverage([Place("a", "commune", LAT, LON)]).communes(communes))
    added = summarize(
        Coverage([Place("a", "commune", LAT, LON), Place("x", "added", north(29), LON)]).communes(communes)
    )
    assert today["shares"]["km5"] == pytest.approx(1000 / 1500, abs=1e-4) and today["failing"]["km5"] == 1
    assert added["shares"]["km5"] == 1.0 and added["failing"]["km5"] == 0
