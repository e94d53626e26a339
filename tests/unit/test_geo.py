import math
import random

from portal.centers.geo import CELL_PRECISION, cells_covering, distance_km, geohash
from portal.centers.model import GeoPoint

HANOI = GeoPoint(21.0285, 105.8542)
HCMC = GeoPoint(10.7769, 106.7009)


def test_geohash_matches_the_reference_encoding():
    assert geohash(GeoPoint(57.64911, 10.40744), 11) == "u4pruydqqvj"


def test_haversine_distance_between_hanoi_and_ho_chi_minh_city():
    assert 1130 < distance_km(HANOI, HCMC) < 1145


def _point_at(origin: GeoPoint, km: float, bearing: float) -> GeoPoint:
    dlat = km / 111.32 * math.cos(bearing)
    dlon = km / (111.32 * math.cos(math.radians(origin.lat))) * math.sin(bearing)
    return GeoPoint(origin.lat + dlat, origin.lon + dlon)


def test_the_cells_covering_a_circle_contain_every_point_inside_it():
    rng = random.Random(7)
    for origin in (HANOI, HCMC, GeoPoint(22.3, 103.9), GeoPoint(8.6, 104.7)):
        for radius in (1.0, 5.0, 20.0, 50.0):
            cells = set(cells_covering(origin, radius))
            for _ in range(300):
                p = _point_at(origin, rng.uniform(0, radius * 0.999), rng.uniform(0, 2 * math.pi))
                if distance_km(origin, p) <= radius:
                    assert geohash(p, CELL_PRECISION) in cells


def test_a_5km_search_touches_only_a_few_cells():
    assert len(cells_covering(HANOI, 5.0)) <= 4
