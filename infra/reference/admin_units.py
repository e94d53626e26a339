"""vietnamadminunits' data read at build time (never shipped: the package pulls shapely and geopy).

Its `dataset.db` holds the 3,321 new wards with coordinates (`admin_units`) and the 10,040 pre-2025
wards (`admin_units_legacy`); `converter_2025.json` maps every old ward to its new ward(s). Its codes
for new wards do not all agree with the official ones (vietnam-provinces, from the GSO): 131 differ,
some naming another ward. So new wards are matched to vietnam-provinces by name within the province,
and that match must be one to one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import vietnamadminunits
from vietnam_provinces import Ward

from portal.centers.model import GeoPoint
from portal.text import fold
from portal.units.names import spelling

DATA = Path(vietnamadminunits.__file__).parent / "data"
DATASET_DB = DATA / "dataset.db"
CONVERTER = DATA / "converter_2025.json"
PACKAGE = "vietnamadminunits"


def package_version() -> str:
    return version(PACKAGE)


def rows(table: str) -> list[dict[str, Any]]:
    with sqlite3.connect(f"file:{DATASET_DB}?mode=ro", uri=True) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute(f"select * from {table}")]  # noqa: S608 - fixed table names


def converter() -> dict[str, Any]:
    return json.loads(CONVERTER.read_text(encoding="utf-8"))


@cache
def official_ward_codes() -> dict[str, str]:
    """vietnamadminunits' new ward code -> the official (vietnam-provinces) code of the same ward."""
    by_spelling: dict[tuple[int, str], list[str]] = {}
    by_fold: dict[tuple[int, str], list[str]] = {}
    for ward in Ward.iter_all():
        code = f"{ward.code.value:05d}"
        by_spelling.setdefault((ward.province_code.value, spelling(ward.name)), []).append(code)
        by_fold.setdefault((ward.province_code.value, fold(ward.name)), []).append(code)
    mapping: dict[str, str] = {}
    for row in rows("admin_units"):
        province = int(row["provinceCode"])
        found = by_spelling.get((province, spelling(row["ward"]))) or by_fold.get((province, fold(row["ward"])), [])
        if len(found) != 1:
            raise ValueError(f"{row['ward']} ({row['provinceCode']}) matches {found} in vietnam-provinces")
        mapping[row["wardCode"]] = found[0]
    if len(set(mapping.values())) != len(mapping):
        raise ValueError("two wards of vietnamadminunits match the same official ward")
    return mapping


@dataclass(frozen=True)
class NewWardPoint:
    code: str  # official code
    province_code: str
    location: GeoPoint
    area_km2: float


def new_ward_points() -> dict[str, NewWardPoint]:
    """Official ward code -> its centroid (and area) from vietnamadminunits."""
    official = official_ward_codes()
    return {
        official[r["wardCode"]]: NewWardPoint(
            official[r["wardCode"]], r["provinceCode"], GeoPoint(r["wardLat"], r["wardLon"]), r["wardAreaKm2"]
        )
        for r in rows("admin_units")
    }


def province_points() -> dict[str, GeoPoint]:
    return {r["provinceCode"]: GeoPoint(r["provinceLat"], r["provinceLon"]) for r in rows("admin_units")}


@dataclass(frozen=True)
class LegacyPoint:
    code: str
    name: str
    location: GeoPoint | None


def legacy_points(province_code: str) -> tuple[list[LegacyPoint], list[LegacyPoint]]:
    """(districts, wards) of one old province with their centroids."""
    districts: dict[str, LegacyPoint] = {}
    wards: list[LegacyPoint] = []
    for r in rows("admin_units_legacy"):
        if r["provinceCode"] != province_code:
            continue
        point = GeoPoint(r["districtLat"], r["districtLon"]) if r["districtLat"] is not None else None
        districts.setdefault(r["districtCode"], LegacyPoint(r["districtCode"], r["district"], point))
        if r["wardCode"]:
            ward_point = GeoPoint(r["wardLat"], r["wardLon"]) if r["wardLat"] is not None else None
            wards.append(LegacyPoint(r["wardCode"], r["ward"], ward_point))
    return sorted(districts.values(), key=lambda d: d.code), sorted(wards, key=lambda w: w.code)


def keywords(value: str | None) -> Iterator[str]:
    """The package's lists of spellings and former names (JSON arrays of folded, spaceless keys)."""
    yield from json.loads(value) if value else ()
