"""The center directory, built from the 2025 administrative units.

Every province has its Public Administration Service Center and every commune/ward/special zone its
commune center (Decree 118/2025). Names and codes of the units are real (vietnam-provinces); where a
center's own address, hotline or position is not published in a source we hold, it is derived here
(the unit's centroid from vietnamadminunits, the national portal's hotline), the derived fields are
listed in `sample_fields` and the center is marked `is_sample`. Hanoi's seat, branches and reception
points come from infra/reference/hanoi_centers.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from vietnam_provinces import Province, Ward

from infra.reference.admin_units import new_ward_points, package_version, province_points
from infra.reference.center_defaults import (
    DERIVED,
    NATIONAL_HOTLINE,
    WEEKDAY_HOURS,
    commune_center_id,
    provincial_center_id,
)
from infra.reference.hanoi_centers import hanoi_extras
from portal.centers.model import Center, CenterKind, GeoPoint
from portal.datasets import ReferenceDataset
from portal.text import fold
from portal.units.sources import CURRENT_DATASET


def centroids_dataset() -> ReferenceDataset:
    return ReferenceDataset(
        "vietnamadminunits", package_version(), "Tọa độ tâm của đơn vị hành chính / the units' centroids"
    )


HEADQUARTERS_FILE = Path(__file__).parent / "commune_headquarters.json"
# The merger map's placeholder for a headquarters it does not know yet: not an address.
PLACEHOLDER_ADDRESSES = frozenset({"dang cap nhat"})
UNKNOWN_ADDRESS_NOTE = (
    "Chưa có địa chỉ trụ sở: bản đồ sắp xếp đơn vị hành chính (sapnhap.bando.com.vn) ghi «đang cập nhật». "
    "Hỏi đường dây nóng hoặc UBND xã/phường."
)


def is_placeholder(address: str) -> bool:
    return fold(address).strip(" .") in PLACEHOLDER_ADDRESSES


# What stays derived for a commune center whose headquarters the merger map publishes.
DERIVED_WITH_HEADQUARTERS = DERIVED - {"address", "location"}


def headquarters() -> tuple[ReferenceDataset, dict[str, dict]]:
    """The published headquarters of the communes (infra/reference/headquarters_import.py), by official code."""
    document = json.loads(HEADQUARTERS_FILE.read_text(encoding="utf-8"))
    dataset = ReferenceDataset(
        "sapnhap.bando.com.vn",
        "2025-07-17",
        "Trụ sở và tọa độ của xã/phường, qua vietnamadminunits / commune headquarters and coordinates",
    )
    return dataset, document["communes"]


def _commune_address(seat: dict | None, name: str, province: str) -> tuple[str, str]:
    """(address, why it is empty): a placeholder is served as no address, with a note."""
    if seat is None:
        return f"{name}, {province}", ""
    if is_placeholder(seat["address"]):
        return "", UNKNOWN_ADDRESS_NOTE
    return f"{seat['address']}, {province}", ""


def build_centers() -> list[Center]:
    provinces_at, wards_at = province_points(), new_ward_points()
    datasets = (CURRENT_DATASET, centroids_dataset())
    merger_map, seats = headquarters()
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
                location=provinces_at.get(pcode),
                is_sample=True,
                sample_fields=DERIVED,
                datasets=datasets,
            )
        )
        wards = sorted(Ward.iter_by_province(province.code), key=lambda w: w.code.value)
        for index, ward in enumerate(wards, start=1):
            wcode = f"{ward.code.value:05d}"
            name = " ".join(ward.name.split())
            seat = seats.get(wcode)
            address, address_note = _commune_address(seat, name, province.name)
            if address_note:
                seat = None  # its position is the map's too: the commune's centroid is served, marked derived
            centers.append(
                Center(
                    id=commune_center_id(pcode, wcode),
                    kind=CenterKind.COMMUNE,
                    name=f"Trung tâm Phục vụ hành chính công {name}",
                    agency_code=f"X{pcode}.{index:03d}.00",
                    province_code=pcode,
                    commune_code=wcode,
                    address=address,
                    address_note=address_note,
                    hotline=NATIONAL_HOTLINE,
                    opening_hours=WEEKDAY_HOURS,
                    location=GeoPoint(seat["lat"], seat["lon"]) if seat else wards_at[wcode].location,
                    is_sample=True,
                    sample_fields=DERIVED_WITH_HEADQUARTERS if seat else DERIVED,
                    datasets=(*datasets, merger_map) if seat else datasets,
                    parent_id=provincial_center_id(pcode),
                )
            )
    return hanoi_extras(centers, datasets)
