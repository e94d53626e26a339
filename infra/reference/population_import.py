"""Import each commune's area and population from the government's merger map, as vietnamadminunits crawled it.

    python -m infra.reference.population_import --vietnamadminunits DIR           (writes the file)
    python -m infra.reference.population_import --vietnamadminunits DIR --check   (fails if it differs)

DIR is a local copy of tranngocminhhieu/vietnamadminunits (MIT) at the commit of headquarters_import: the
same `data/raw/sapnhap.bando.com.vn_ward_2025-07-17.csv`, whose `dientichkm2` (area, km²) and `dansonguoi`
(population) are the figures sapnhap.bando.com.vn publishes for each new commune, the figures of the
National Assembly Standing Committee's 2025 resolutions reorganizing each province's communes. Rows are
joined to the official codes as the headquarters are (headquarters_import.match).

A figure the source does not give ("đang cập nhật", empty) is null, with the source's text kept: never
guessed. A population under 1,000 for a commune formed by merging several is kept as published and listed
under `suspect` (they look like the source's typing errors: "Bảo Thắng 328", "Cam Hiệp 5"), so a reader can
weigh them. Writes infra/reference/commune_population.json; running it again writes the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

from infra.reference.headquarters_import import REPO, SOURCE, match

OUTPUT = Path(__file__).parent / "commune_population.json"
SUSPECT_BELOW = 1000
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


def figure(text: str) -> float | None:
    """The source's number ("30,509" and "28.69" alike: a comma only ever separates thousands there), or None."""
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", ""))


def document(rows: list[dict[str, str]]) -> tuple[dict, list[str]]:
    matched, unmatched = match(rows)
    communes: dict[str, dict] = {}
    unknown_area, unknown_population, suspect = [], [], []
    for code, row in matched.items():
        area, population = figure(row["dientichkm2"]), figure(row["dansonguoi"])
        entry: dict = {"area_km2": area, "population": None if population is None else int(population)}
        if area is None:
            unknown_area.append(code)
            entry["area_text"] = row["dientichkm2"].strip()
        if population is None:
            unknown_population.append(code)
            entry["population_text"] = row["dansonguoi"].strip()
        elif population < SUSPECT_BELOW:
            suspect.append(code)
        communes[code] = entry
    return {
        "dataset": "sapnhap.bando.com.vn (communes' area and population, 2025-07-17)",
        "what": "dientichkm2 (km²) and dansonguoi (people) of each new commune, as the 2025 reorganization "
        "resolutions of the National Assembly Standing Committee list them",
        "source_ref": f"https://github.com/{REPO[0]}/blob/{REPO[1]}/{SOURCE}",
        "licence": "MIT (vietnamadminunits)",
        "unknown_area": unknown_area,
        "unknown_population": unknown_population,
        "suspect": suspect,
        "communes": communes,
    }, unmatched


def render(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vietnamadminunits", type=Path, required=True, help=f"a copy of {REPO[0]} at {REPO[1][:7]}")
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = parser.parse_args(argv)
    with (args.vietnamadminunits / SOURCE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    doc, unmatched = document(rows)
    text = render(doc)
    counts = (
        f"{len(rows)} rows: {len(doc['communes'])} communes joined; area unknown {len(doc['unknown_area'])}, "
        f"population unknown {len(doc['unknown_population'])}, suspect {len(doc['suspect'])}"
    )
    for row in unmatched:
        print(f"  not matched: {row}")
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{counts}: {OUTPUT.name} {'matches its source' if same else 'DIFFERS from its source'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{counts} -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
