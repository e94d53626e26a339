"""Distances and geohash cells: how the nearest-center search stays a few DynamoDB Queries.

Centers are indexed by the geohash cell of precision CELL_PRECISION they stand in (about 39 x 19.5 km).
A search lists the cells that meet the search circle's bounding box and queries each; the exact
distance is then computed here.
"""

from __future__ import annotations

import math

from portal.centers.model import GeoPoint

EARTH_RADIUS_KM = 6371.0088
CELL_PRECISION = 4
_BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"


def distance_km(a: GeoPoint, b: GeoPoint) -> float:
    """Great-circle (haversine) distance."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def geohash(point: GeoPoint, precision: int = 9) -> str:
    lat_range, lon_range = [-90.0, 90.0], [-180.0, 180.0]
    chars, bits, bit_count, even = [], 0, 0, True
    while len(chars) < precision:
        rng, value = (lon_range, point.lon) if even else (lat_range, point.lat)
        mid = (rng[0] + rng[1]) / 2
        bits <<= 1
        if value >= mid:
            bits |= 1
            rng[0] = mid
        else:
            rng[1] = mid
        even = not even
        bit_count += 1
        if bit_count == 5:
            chars.append(_BASE32[bits])
            bits, bit_count = 0, 0
    return "".join(chars)


def _cell_size_degrees(precision: int) -> tuple[float, float]:
    """(latitude, longitude) extent of one cell."""
    lon_bits = math.ceil(precision * 5 / 2)
    lat_bits = precision * 5 // 2
    return 180.0 / 2**lat_bits, 360.0 / 2**lon_bits


def cells_covering(center: GeoPoint, radius_km: float, precision: int = CELL_PRECISION) -> list[str]:
    """Every cell of `precision` that meets the bounding box of the circle (radius_km around center)."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(center.lat)), 1e-6)
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat))
    step_lat, step_lon = _cell_size_degrees(precision)
    # Walk the box by half a cell so no cell is skipped, then snap on the cell edges.
    cells: set[str] = set()
    lat = max(-90.0, center.lat - dlat)
    while True:
        lon = center.lon - dlon
        while True:
            cells.add(geohash(GeoPoint(min(lat, 89.999999), ((lon + 180) % 360) - 180), precision))
            if lon >= center.lon + dlon:
                break
            lon = min(lon + step_lon / 2, center.lon + dlon)
        if lat >= min(90.0, center.lat + dlat):
            break
        lat = min(lat + step_lat / 2, center.lat + dlat)
    return sorted(cells)
