"""Center directory: by province, by commune, nearest to a point (optionally receiving one procedure)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from portal.centers.geo import cells_covering, distance_km
from portal.centers.model import Center, GeoPoint, check_center_id
from portal.errors import InvalidInput, NotFound
from portal.input_limits import shown
from portal.pagination import Page, check_page_size
from portal.procedures.model import check_procedure_code

PROVINCE_CODE = re.compile(r"^\d{2}$")
COMMUNE_CODE = re.compile(r"^\d{5}$")
DEFAULT_RADIUS_KM = 5.0  # the goal: a center within 5 km of every citizen
MAX_RADIUS_KM = 50.0


class CenterRepository(Protocol):
    def get(self, center_id: str) -> Center | None: ...
    def by_province(self, province_code: str, first: int | None, after: str | None) -> Page[Center]: ...
    def by_commune(self, commune_code: str, first: int | None, after: str | None) -> Page[Center]: ...
    def in_cells(self, cells: Iterable[str]) -> list[Center]: ...


@dataclass(frozen=True)
class NearbyCenter:
    center: Center
    distance_km: float


def get_center(centers: CenterRepository, center_id: str) -> Center:
    center = centers.get(check_center_id(center_id, "id"))
    if center is None:
        raise NotFound(f"Không tìm thấy trung tâm {shown(center_id)}.", f"Center {shown(center_id)} was not found.")
    return center


def centers_in_province(
    centers: CenterRepository, province_code: str, first: int | None, after: str | None
) -> Page[Center]:
    if not PROVINCE_CODE.match(province_code):
        raise InvalidInput.for_field(
            "provinceCode", "Mã tỉnh gồm 2 chữ số (ví dụ 01).", "A province code is 2 digits (e.g. 01)."
        )
    return centers.by_province(province_code, first, after)


def centers_in_commune(
    centers: CenterRepository, commune_code: str, first: int | None, after: str | None
) -> Page[Center]:
    if not COMMUNE_CODE.match(commune_code):
        raise InvalidInput.for_field(
            "communeCode", "Mã xã gồm 5 chữ số (ví dụ 00070).", "A commune code is 5 digits (e.g. 00070)."
        )
    return centers.by_commune(commune_code, first, after)


def nearest_centers(
    centers: CenterRepository,
    near: GeoPoint,
    radius_km: float | None,
    procedure_code: str | None,
    first: int | None,
) -> list[NearbyCenter]:
    """Centers within the radius, nearest first: one Query per geohash cell meeting the circle."""
    if not (-90 <= near.lat <= 90 and -180 <= near.lon <= 180):
        raise InvalidInput.for_field("near", "Tọa độ không hợp lệ.", "The coordinates are not valid.")
    radius = DEFAULT_RADIUS_KM if radius_km is None else radius_km
    if not 0 < radius <= MAX_RADIUS_KM:
        raise InvalidInput.for_field(
            "radiusKm",
            f"Bán kính phải từ 0 đến {MAX_RADIUS_KM:g} km.",
            f"The radius must be between 0 and {MAX_RADIUS_KM:g} km.",
        )
    code = check_procedure_code(procedure_code, "procedureCode") if procedure_code else None
    size = check_page_size(first)
    found = []
    for center in centers.in_cells(cells_covering(near, radius)):
        if center.location is None or (code and not center.receives(code)):
            continue
        distance = distance_km(near, center.location)
        if distance <= radius:
            found.append(NearbyCenter(center, round(distance, 3)))
    found.sort(key=lambda n: (n.distance_km, n.center.id))
    return found[:size]
