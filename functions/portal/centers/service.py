"""Center directory: by province, by commune, nearest to a point (optionally receiving one procedure)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from portal.centers.geo import cells_covering, distance_km
from portal.centers.model import CENTRAL_SCOPE, Center, GeoPoint, check_center_id
from portal.errors import InvalidInput, NotFound
from portal.input_limits import shown
from portal.pagination import MAX_PAGE_SIZE, Page, check_page_size, page_of_list
from portal.procedures.catalog import Catalog
from portal.procedures.model import Level, ProcedureSummary
from portal.procedures.service import get_summary

PROVINCE_CODE = re.compile(r"^\d{2}$")


def provincial_center_id(province_code: str) -> str:
    return f"hcc-{province_code}"


COMMUNE_CODE = re.compile(r"^\d{5}$")
DEFAULT_RADIUS_KM = 5.0  # the goal: a center within 5 km of every citizen
MAX_RADIUS_KM = 50.0


class CenterRepository(Protocol):
    def get(self, center_id: str) -> Center | None: ...
    def by_province(self, province_code: str, first: int | None, after: str | None) -> Page[Center]: ...
    def by_commune(self, commune_code: str, first: int | None, after: str | None) -> Page[Center]: ...
    def in_cells(self, cells: Iterable[str]) -> list[Center]: ...
    def get_many(self, center_ids: Iterable[str]) -> dict[str, Center]: ...


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
    catalog: Catalog,
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
    procedure = _procedure(catalog, procedure_code)
    size = check_page_size(first)
    found = []
    for center in centers.in_cells(cells_covering(near, radius)):
        if center.location is None or (procedure and not center.receives(procedure)):
            continue
        distance = distance_km(near, center.location)
        if distance <= radius:
            found.append(NearbyCenter(center, round(distance, 3)))
    found.sort(key=lambda n: (n.distance_km, n.center.id))
    return found[:size]


def _procedure(catalog: Catalog, procedure_code: str | None) -> ProcedureSummary | None:
    if procedure_code is None:
        return None
    try:
        return get_summary(catalog, procedure_code)
    except InvalidInput as error:
        raise InvalidInput.for_field("procedureCode", error.message, error.message_en) from error


def centers_receiving(
    centers: CenterRepository,
    catalog: Catalog,
    province_codes: Sequence[str],
    procedure_code: str,
    province_code: str | None,
    first: int | None,
    after: str | None,
) -> Page[Center]:
    """Where one can file a procedure: within a province, the centers of its level there (a page may hold
    fewer than `first`: the others do not receive it); without a province, the agency receiving it at central
    level (portal.centers.routing), then the provincial centers of every province it is served in. A
    commune-level procedure is received by every commune center: give a province (or a position, with
    `near`)."""
    procedure = _procedure(catalog, procedure_code)
    assert procedure is not None
    if province_code is not None:
        page = centers_in_province(centers, province_code, first, after)
        return Page([c for c in page.items if c.receives(procedure)], page.end_cursor, None)
    listed: list[Center] = []
    if Level.CENTRAL in procedure.levels:  # a handful of agencies: one page of the central scope
        listed += [c for c in centers.by_province(CENTRAL_SCOPE, MAX_PAGE_SIZE, None).items if c.receives(procedure)]
    if Level.PROVINCE in procedure.levels:
        provinces = [procedure.province_code] if procedure.province_code else province_codes
        found = centers.get_many([provincial_center_id(code) for code in provinces])
        listed += [found[i] for i in sorted(found) if found[i].receives(procedure)]
    if not listed and Level.COMMUNE in procedure.levels:
        raise InvalidInput.for_field(
            "provinceCode",
            "Thủ tục này do mọi Trung tâm cấp xã tiếp nhận: hãy chọn tỉnh hoặc vị trí của bạn.",
            "Every commune center receives this procedure: give a province or your position.",
        )
    return page_of_list(listed, first, after)
