"""The center directory, built from the 2025 administrative units.

Every province has its Public Administration Service Center and every commune/ward/special zone its
commune center (Decree 118/2025). Names and codes of the units are real (vietnam-provinces); where a
center's own address, hotline or position is not published in a source we hold, it is derived here
(the unit's centroid from vietnamadminunits, the national portal's hotline) and the center is marked
`is_sample`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

import vietnamadminunits
from vietnam_provinces import Province, Ward

from portal.centers.model import Center, CenterKind, GeoPoint
from portal.procedures.model import Level, Procedure

NATIONAL_HOTLINE = "18001096"  # the National Public Service Portal's support line
WEEKDAY_HOURS = "Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00; sáng Thứ Bảy: 7:30–11:30"
DATASET = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"


def _coordinates() -> tuple[dict[str, GeoPoint], dict[str, GeoPoint]]:
    """(province code -> centroid, ward code -> centroid) from vietnamadminunits' 2025 table."""
    with sqlite3.connect(f"file:{DATASET}?mode=ro", uri=True) as db:
        rows = db.execute(
            "select provinceCode, provinceLat, provinceLon, wardCode, wardLat, wardLon from admin_units"
        ).fetchall()
    provinces = {p: GeoPoint(plat, plon) for p, plat, plon, *_ in rows if plat is not None}
    wards = {w: GeoPoint(wlat, wlon) for *_, w, wlat, wlon in rows if wlat is not None}
    return provinces, wards


def provincial_center_id(province_code: str) -> str:
    return f"hcc-{province_code}"


def commune_center_id(province_code: str, ward_code: str) -> str:
    return f"hcc-{province_code}-{ward_code}"


def build_centers(procedures: Iterable[Procedure]) -> list[Center]:
    procedures = list(procedures)
    province_level = frozenset(p.code for p in procedures if Level.PROVINCE in p.levels)
    commune_level = frozenset(p.code for p in procedures if Level.COMMUNE in p.levels)
    province_points, ward_points = _coordinates()
    centers: list[Center] = []
    for province in Province.iter_all():
        pcode = f"{province.code.value:02d}"
        centers.append(
            Center(
                id=provincial_center_id(pcode),
                kind=CenterKind.PROVINCIAL,
                name=f"Trung tâm Phục vụ hành chính công {province.name}",
                agency_code=f"H{pcode}.000.00",
                province_code=pcode,
                commune_code=None,
                address=province.name,
                hotline=NATIONAL_HOTLINE,
                opening_hours=WEEKDAY_HOURS,
                location=province_points.get(pcode),
                procedure_codes=province_level,
                is_sample=True,
            )
        )
        wards = sorted(Ward.iter_by_province(province.code), key=lambda w: w.code.value)
        for index, ward in enumerate(wards, start=1):
            wcode = f"{ward.code.value:05d}"
            centers.append(
                Center(
                    id=commune_center_id(pcode, wcode),
                    kind=CenterKind.COMMUNE,
                    name=f"Trung tâm Phục vụ hành chính công {ward.name}",
                    agency_code=f"X{pcode}.{index:03d}.00",
                    province_code=pcode,
                    commune_code=wcode,
                    address=f"{ward.name}, {province.name}",
                    hotline=NATIONAL_HOTLINE,
                    opening_hours=WEEKDAY_HOURS,
                    location=ward_points.get(wcode),
                    procedure_codes=commune_level,
                    is_sample=True,
                    parent_id=provincial_center_id(pcode),
                )
            )
    return centers
