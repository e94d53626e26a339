"""Where the units come from: today's from `vietnam-provinces` (a runtime dependency, pure data), the old
ones and their mapping from data/legacy_units.json (generated from vietnamadminunits at build time by
infra/reference/legacy_units.py). Read once per Lambda container.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import vietnam_provinces
from vietnam_provinces import Province as SourceProvince
from vietnam_provinces import VietNamDivisionType, Ward

from portal.datasets import ReferenceDataset
from portal.units.model import (
    Commune,
    DivisionType,
    Gazetteer,
    LegacyCommune,
    LegacyDistrict,
    LegacyProvince,
    Province,
)

LEGACY_FILE = Path(__file__).parent / "data" / "legacy_units.json"

_TYPES = {
    VietNamDivisionType.TINH: DivisionType.PROVINCE,
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: DivisionType.CITY,
    VietNamDivisionType.XA: DivisionType.COMMUNE,
    VietNamDivisionType.PHUONG: DivisionType.WARD,
    VietNamDivisionType.DAC_KHU: DivisionType.SPECIAL_ZONE,
}
CURRENT_DATASET = ReferenceDataset(
    "vietnam-provinces",
    vietnam_provinces.__version__,
    f"34 tỉnh, thành phố và 3.321 xã, phường, đặc khu từ 1/7/2025 (dữ liệu ngày {vietnam_provinces.__data_version__}) "
    "/ the 2025 provinces and communes",
)


def current_units() -> tuple[dict[str, Province], dict[str, Commune]]:
    provinces = {
        f"{p.code.value:02d}": Province(f"{p.code.value:02d}", p.name, _TYPES[p.division_type])
        for p in SourceProvince.iter_all()
    }
    communes = {
        f"{w.code.value:05d}": Commune(
            f"{w.code.value:05d}", " ".join(w.name.split()), _TYPES[w.division_type], f"{w.province_code.value:02d}"
        )
        for w in Ward.iter_all()
    }
    return provinces, communes


def _legacy(document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    provinces = {
        code: LegacyProvince(code, name, new_code, tuple(keys)) for code, name, new_code, keys in document["provinces"]
    }
    districts = {
        code: LegacyDistrict(code, name, province, tuple(keys), tuple(new_codes))
        for code, province, name, keys, new_codes in document["districts"]
    }
    communes = {
        code: LegacyCommune(code, name, district, tuple(new_codes), tuple(keys))
        for code, district, name, new_codes, keys in document["communes"]
    }
    return provinces, districts, communes


def load_gazetteer(path: Path = LEGACY_FILE) -> Gazetteer:
    document = json.loads(path.read_text(encoding="utf-8"))
    provinces, communes = current_units()
    legacy_provinces, legacy_districts, legacy_communes = _legacy(document)
    legacy_datasets = tuple(ReferenceDataset(d["name"], d["version"], d["note"]) for d in document["datasets"])
    return Gazetteer(
        provinces=provinces,
        communes=communes,
        legacy_provinces=legacy_provinces,
        legacy_districts=legacy_districts,
        legacy_communes=legacy_communes,
        current_keys={code: tuple(keys) for code, keys in document["current_keys"].items()},
        datasets=(CURRENT_DATASET, *(d for d in legacy_datasets if d.name != CURRENT_DATASET.name)),
    )
