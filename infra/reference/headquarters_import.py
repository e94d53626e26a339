"""Import the commune centers' headquarters from the government's merger map, as vietnamadminunits crawled it.

    python -m infra.reference.headquarters_import --vietnamadminunits DIR

DIR is a local copy of tranngocminhhieu/vietnamadminunits (MIT) at the commit below. Its
`data/raw/sapnhap.bando.com.vn_ward_2025-07-17.csv` holds, for each of the 3,321 new communes, the
headquarters address published on sapnhap.bando.com.vn (`trungtamhc`) and its coordinates. Rows are
joined to the official codes (vietnam-provinces) on the province's and the commune's names; a row that
does not match exactly one commune is reported and left out, never guessed. Writes
infra/reference/commune_headquarters.json; running it again writes the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from vietnam_provinces import Province, Ward

from portal.text import fold
from portal.units.names import spelling

REPO = ("tranngocminhhieu/vietnamadminunits", "780c27980afdae76d5c6e7b252955f6b571f34ca")
SOURCE = "data/raw/sapnhap.bando.com.vn_ward_2025-07-17.csv"
OUTPUT = Path(__file__).parent / "commune_headquarters.json"
_PROVINCE_WORDS = ("thu do ", "thanh pho ", "tinh ")


def _province_key(name: str) -> str:
    folded = fold(name)
    for word in _PROVINCE_WORDS:
        folded = folded.removeprefix(word)
    return folded


def _without_type(name: str) -> str:
    folded = fold(name)
    for word in ("xa ", "phuong ", "dac khu "):
        folded = folded.removeprefix(word)
    return folded


def match(rows: list[dict[str, str]]) -> tuple[dict[str, dict[str, str]], list[str]]:
    """(official commune code -> its row, the rows that matched no single commune)."""
    provinces = {_province_key(p.name): p.code.value for p in Province.iter_all()}
    wards: dict[tuple[int, str], list[str]] = {}
    untyped: dict[tuple[int, str], list[str]] = {}  # the two sources disagree on 4 communes' division word
    for ward in Ward.iter_all():
        code = f"{ward.code.value:05d}"
        wards.setdefault((ward.province_code.value, spelling(ward.name)), []).append(code)
        wards.setdefault((ward.province_code.value, fold(ward.name)), []).append(code)
        untyped.setdefault((ward.province_code.value, _without_type(ward.name)), []).append(code)
    found: dict[str, dict[str, str]] = {}
    unmatched = []
    for row in rows:
        province = provinces.get(_province_key(row["tentinh"]))
        name = f"{row['loai']} {row['tenhc']}"
        codes = set(
            wards.get((province, spelling(name)), ())
            or wards.get((province, fold(name)), ())
            or untyped.get((province, _without_type(name)), ())
        )
        if province is None or len(codes) != 1 or next(iter(codes)) in found:
            unmatched.append(f"{row['tentinh']} / {name}")
            continue
        found[next(iter(codes))] = row
    return dict(sorted(found.items())), unmatched


def join(rows: list[dict[str, str]]) -> tuple[dict[str, dict], list[str]]:
    """(official commune code -> headquarters, the rows that matched no single commune)."""
    matched, unmatched = match(rows)
    found = {
        code: {
            "address": " ".join(row["trungtamhc"].split()),
            "lat": round(float(row["vido"]), 6),
            "lon": round(float(row["kinhdo"]), 6),
        }
        for code, row in matched.items()
    }
    return found, unmatched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vietnamadminunits", type=Path, required=True, help=f"a copy of {REPO[0]} at {REPO[1][:7]}")
    args = parser.parse_args()
    with (args.vietnamadminunits / SOURCE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found, unmatched = join(rows)
    document = {
        "dataset": "sapnhap.bando.com.vn (commune headquarters, 2025-07-17)",
        "source_ref": f"https://github.com/{REPO[0]}/blob/{REPO[1]}/{SOURCE}",
        "licence": "MIT (vietnamadminunits)",
        "communes": found,
    }
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows: {len(found)} communes joined to official codes -> {OUTPUT}")
    for row in unmatched:
        print(f"  not matched: {row}")


if __name__ == "__main__":
    main()
