"""Hanoi, the pilot (seed 004): the center's seat, its 30 branches and reception points in rural communes.

- Seat: the address published in seed 004 (Kinh tế & Đô thị, 18/09/2024, in French translation:
  "197, rue Nghi Tam, quartier de Yen Phu, district de Tay Ho") is in the pre-2025 form. Written back
  in Vietnamese (rue/quartier/district: đường/phường/quận), it is resolved with the portal's own
  address reader. Yên Phụ ward was split between Hồng Hà and Tây Hồ: the
  reader's first candidate (the dataset's default) is used, so the ward in the address is derived.
  Its position is the former Yên Phụ ward's centroid (derived).
- Branches: the pilot replaced 673 one-stop desks by 30 branches. No source lists them; Hanoi had
  exactly 30 districts before 2025, so one sample branch per former district, at its centroid.
- Reception points: no source lists them either. As sample data, each rural commune formed by merging
  former communes gets a reception point at every former commune (not split) except the one nearest
  the new commune's centroid, where the commune center is assumed to stand.
"""

from __future__ import annotations

from dataclasses import replace

from infra.reference.admin_units import LegacyPoint, legacy_points, new_ward_points
from infra.reference.center_defaults import (
    DERIVED,
    NATIONAL_HOTLINE,
    WEEKDAY_HOURS,
    commune_center_id,
    provincial_center_id,
)
from portal.centers.geo import distance_km
from portal.centers.model import Center, CenterKind, GeoPoint
from portal.datasets import ReferenceDataset
from portal.units.address import AddressResolver
from portal.units.model import DivisionType, Gazetteer, in_sentence
from portal.units.sources import load_gazetteer

HANOI = "01"
SEAT_AS_PUBLISHED = "197, rue Nghi Tam, quartier de Yen Phu, district de Tay Ho"  # seed 004, in French
SEAT_OLD_ADDRESS = "Số 197 đường Nghi Tàm, phường Yên Phụ, quận Tây Hồ, Hà Nội"
SEAT_STREET = "Số 197 Nghi Tàm"
SEED_004 = ReferenceDataset(
    "seed-004 kinhtedothi.vn",
    "2024-09-18",
    "Trụ sở dự kiến: 197 Nghi Tàm, phường Yên Phụ, quận Tây Hồ; 30 chi nhánh / planned seat and 30 branches",
)


def hanoi_extras(
    centers: list[Center],
    datasets: tuple[ReferenceDataset, ...],
) -> list[Center]:
    gazetteer = load_gazetteer()
    districts, wards = legacy_points(HANOI)
    seat = _seat(gazetteer, {w.code: w for w in wards})
    result = [
        replace(c, **seat, datasets=(*c.datasets, SEED_004)) if c.id == provincial_center_id(HANOI) else c
        for c in centers
    ]
    result += _branches(gazetteer, districts, (*datasets, SEED_004))
    parents = {c.id: c for c in centers}
    result += _reception_points(gazetteer, wards, parents, datasets)
    return result


def _seat(gazetteer: Gazetteer, wards: dict[str, LegacyPoint]) -> dict[str, object]:
    resolution = AddressResolver(gazetteer).resolve(SEAT_OLD_ADDRESS)
    if resolution.legacy is None or resolution.legacy.commune is None or not resolution.candidates:
        raise ValueError(f"the seat's address no longer resolves: {resolution}")
    ward = resolution.candidates[0].commune
    old = resolution.legacy
    address = (
        f"{SEAT_STREET}, {ward.name}, Thành phố Hà Nội "
        f"(trước 1/7/2025: {in_sentence(old.commune.name)}, {in_sentence(old.district.name)})"
    )
    return {
        "address": address,
        "location": wards[old.commune.code].location,
        # the ward is the first of the split ward's candidates; hotline, hours and position are derived
        "sample_fields": frozenset({"address", "hotline", "openingHours", "location"}),
    }


def _branches(
    gazetteer: Gazetteer,
    districts: list[LegacyPoint],
    datasets: tuple[ReferenceDataset, ...],
) -> list[Center]:
    points = new_ward_points()
    branches = []
    for number, district in enumerate(districts, start=1):
        if district.location is None:
            continue
        fed = {
            c
            for lc in gazetteer.legacy_communes.values()
            if lc.district_code == district.code
            for c in lc.new_commune_codes
        }
        commune = min(sorted(fed), key=lambda c: distance_km(points[c].location, district.location))
        branches.append(
            Center(
                id=f"hcc-{HANOI}-cn{number:02d}",
                kind=CenterKind.BRANCH,
                name=f"Chi nhánh số {number} – Trung tâm Phục vụ hành chính công Thành phố Hà Nội "
                f"(khu vực {in_sentence(district.name)} cũ)",
                agency_code=f"H{HANOI}.000.{number:02d}",
                province_code=HANOI,
                commune_code=commune,
                address=f"{gazetteer.communes[commune].name}, Thành phố Hà Nội",
                hotline=NATIONAL_HOTLINE,
                opening_hours=WEEKDAY_HOURS,
                location=district.location,
                is_sample=True,
                sample_fields=DERIVED | {"name", "communeCode"},
                datasets=datasets,
                parent_id=provincial_center_id(HANOI),
            )
        )
    return branches


def _reception_points(
    gazetteer: Gazetteer,
    wards: list[LegacyPoint],
    parents: dict[str, Center],
    datasets: tuple[ReferenceDataset, ...],
) -> list[Center]:
    points = new_ward_points()
    former: dict[str, list[LegacyPoint]] = {}
    for ward in wards:
        old = gazetteer.legacy_communes[ward.code]
        new = gazetteer.communes[old.new_commune_codes[0]]
        if not old.was_split and new.division_type is DivisionType.COMMUNE and ward.location is not None:
            former.setdefault(new.code, []).append(ward)
    result = []
    for code, olds in sorted(former.items()):
        commune, parent = gazetteer.communes[code], parents[commune_center_id(HANOI, code)]
        at: GeoPoint = points[code].location
        nearest_first = sorted(olds, key=lambda w: (distance_km(w.location, at), w.code))
        for number, old in enumerate(nearest_first[1:], start=1):
            result.append(
                Center(
                    id=f"hcc-{HANOI}-{code}-d{old.code}",
                    kind=CenterKind.RECEPTION_POINT,
                    name=f"Điểm tiếp nhận {in_sentence(old.name)} (cũ) – "
                    f"Trung tâm Phục vụ hành chính công {commune.name}",
                    agency_code=f"{parent.agency_code[:-2]}{number:02d}",
                    province_code=HANOI,
                    commune_code=code,
                    address=f"Trụ sở {in_sentence(old.name)} cũ, {commune.name}, Thành phố Hà Nội",
                    hotline=NATIONAL_HOTLINE,
                    opening_hours=WEEKDAY_HOURS,
                    location=old.location,
                    is_sample=True,
                    sample_fields=DERIVED | {"name"},
                    datasets=datasets,
                    parent_id=parent.id,
                )
            )
    return result
