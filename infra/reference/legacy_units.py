"""Generates functions/portal/units/data/legacy_units.json: the pre-2025 units and where each went.

    python -m infra.reference.legacy_units          # rewrite the file
    python -m infra.reference.legacy_units --check  # exit 1 when the committed file is stale

vietnamadminunits (a dev dependency: it pulls shapely and geopy, too heavy for Lambda) is read here,
at build time; the portal ships only this compact file. New communes are written with their official
codes (vietnam-provinces). A test fails when the committed file differs from a fresh generation.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from vietnam_provinces import Province
from vietnam_provinces import __version__ as provinces_version

from infra.reference.admin_units import PACKAGE, converter, keywords, official_ward_codes, package_version, rows
from portal.units.model import DivisionType
from portal.units.names import TYPE_WORDS, key

# What people also write for a few provinces (the same codes before and after 2025).
COMMON_ALIASES = {"01": ["tphn"], "46": ["thuathienhue", "tthue"], "79": ["tphcm", "saigon", "sg"]}
TARGET = Path(__file__).resolve().parents[2] / "functions" / "portal" / "units" / "data" / "legacy_units.json"


def _extra_keys(name: str, spellings: list[str]) -> list[str]:
    """The dataset's spellings of a name that the matcher would not derive from the name itself."""
    kind, short = DivisionType.of_name(name)
    own = key(short)
    derivable = {own} | {"".join(words) + own for words in TYPE_WORDS.get(kind, ())} if kind else {own}
    return sorted({key(s) for s in spellings} - derivable - {""})


def _new_codes() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(new province key -> official province code, (province key, ward key) -> official ward code)."""
    official = official_ward_codes()
    provinces = {f"{p.code.value:02d}" for p in Province.iter_all()}
    province_of_key: dict[str, str] = {}
    ward_of_key: dict[tuple[str, str], str] = {}
    for r in rows("admin_units"):
        if r["provinceCode"] not in provinces:
            raise ValueError(f"province {r['provinceCode']} is not in vietnam-provinces")
        province_of_key[r["provinceKey"]] = r["provinceCode"]
        ward_of_key[(r["provinceKey"], r["wardKey"])] = official[r["wardCode"]]
    return province_of_key, ward_of_key


def _mapping() -> tuple[dict[str, list[str]], dict[str, str]]:
    """(old "province_district_ward" key -> new ward codes, the dataset's default first; old province key
    -> new province code)."""
    province_of_key, ward_of_key = _new_codes()
    data = converter()
    targets: dict[str, list[str]] = {}
    for new_province, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old in old_keys:
                targets[old] = [ward_of_key[(new_province, new_ward)]]
    for new_province, olds in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            if old in targets:
                raise ValueError(f"{old} is both split and not split")
            ordered = sorted(parts, key=lambda part: (not part["isDefaultNewWard"], part["newWardKey"]))
            codes = [ward_of_key[(new_province, part["newWardKey"])] for part in ordered]
            targets[old] = codes[:1] + sorted(set(codes[1:]) - set(codes[:1]))
    new_province_of_old = {old: province_of_key[new] for new, olds in data["DICT_PROVINCE"].items() for old in olds}
    return targets, new_province_of_old


def generate() -> str:
    targets, new_province_of_old = _mapping()
    provinces: dict[str, list[Any]] = {}
    districts: dict[str, list[Any]] = {}
    communes: dict[str, list[Any]] = {}
    spellings: dict[str, set[str]] = defaultdict(set)
    for r in rows("admin_units_legacy"):
        p, d = r["provinceCode"], r["districtCode"]
        spellings[p].update(keywords(r["provinceKeywords"]))
        spellings[d].update(keywords(r["districtKeywords"]))
        provinces.setdefault(p, [p, r["province"], new_province_of_old[r["provinceKey"]]])
        district = districts.setdefault(d, [d, p, r["district"], []])
        old_key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"
        if not r["wardCode"]:
            district[3] = targets[old_key]  # an island district: it became a special zone as a whole
            continue
        communes[r["wardCode"]] = [
            r["wardCode"],
            d,
            r["ward"],
            targets[old_key],
            _extra_keys(r["ward"], list(keywords(r["wardKeywords"]))),
        ]
    for p, row in provinces.items():
        row.append(sorted({*_extra_keys(row[1], sorted(spellings[p])), *COMMON_ALIASES.get(p, ())}))
    for d, row in districts.items():
        row.insert(3, _extra_keys(row[2], sorted(spellings[d])))
    current_keys = _current_keys()
    datasets = [
        {
            "name": PACKAGE,
            "version": package_version(),
            "note": "Đơn vị hành chính trước 1/7/2025 và bảng chuyển đổi sang đơn vị mới (converter_2025) "
            "/ pre-2025 units and the old-to-new mapping",
        },
        {
            "name": "vietnam-provinces",
            "version": provinces_version,
            "note": "Mã chính thức của xã, phường mới / official codes of the new communes",
        },
    ]
    return _dump(datasets, current_keys, provinces, districts, communes)


def _current_keys() -> dict[str, list[str]]:
    """Spellings of today's provinces and communes beyond their names ("hcm", "tphcm", ...)."""
    official = official_ward_codes()
    names = {f"{p.code.value:02d}": p.name for p in Province.iter_all()}
    result: dict[str, set[str]] = defaultdict(set)
    for r in rows("admin_units"):
        result[r["provinceCode"]].update(
            _extra_keys(_typed(names[r["provinceCode"]]), list(keywords(r["provinceKeywords"])))
        )
        result[official[r["wardCode"]]].update(_extra_keys(r["ward"], list(keywords(r["wardKeywords"]))))
    for code, aliases in COMMON_ALIASES.items():
        result[code].update(aliases)
    return {code: sorted(keys) for code, keys in sorted(result.items()) if keys}


def _typed(province_name: str) -> str:
    """vietnam-provinces writes "Cao Bằng", not "Tỉnh Cao Bằng"."""
    return province_name if DivisionType.of_name(province_name)[0] else f"Tỉnh {province_name}"


def _dump(datasets: list[dict[str, str]], current_keys: dict[str, list[str]], *tables: dict[str, list[Any]]) -> str:
    """One record a line, so that a change in the source shows as a readable diff."""

    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = ['{\n"datasets": ' + line(datasets) + ",", '"current_keys": {']
    parts.append(",\n".join(f"{line(code)}:{line(keys)}" for code, keys in current_keys.items()))
    parts.append("},")
    for name, table in zip(("provinces", "districts", "communes"), tables, strict=True):
        parts.append(f'"{name}": [')
        parts.append(",\n".join(line(table[code]) for code in sorted(table)))
        parts.append("]," if name != "communes" else "]")
    parts.append("}")
    return "\n".join(parts) + "\n"


def main(argv: list[str]) -> int:
    fresh = generate()
    if "--check" in argv:
        stale = not TARGET.exists() or TARGET.read_text(encoding="utf-8") != fresh
        print(f"{TARGET} is {'stale' if stale else 'up to date'}")
        return int(stale)
    TARGET.write_text(fresh, encoding="utf-8")
    print(f"wrote {TARGET} ({len(fresh.encode()) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
