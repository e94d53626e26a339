"""The processing time of each hand-checked procedure, read from the crawl files its `source_ref` cites.

    python -m infra.reference.processing_times --chatbot DIR --pipeline DIR           # check (exit 1 on a difference)
    python -m infra.reference.processing_times --chatbot DIR --pipeline DIR --write   # rewrite catalog.json's times

DIR are the same local copies of the two crawls as for infra/reference/catalog_import.py. Each entry of
procedures/catalog.json gets `processing_time`: {amount, unit, source_text, source} where `source_text` is
the exact text of the cited file the value was read from and `source` that file; or
{amount: null, unit: null, source_text, source} when the cited files give no time (the receiving officer
then sets the appointment). Units are the catalog's own: "Ngày làm việc" is working days, a bare "Ngày"
is calendar days, "Giờ" hours, "Tháng" months; a procedure whose own text says it is settled on the day
of receipt and on the next working day after 15:00 ("sau 15 giờ ... ngày làm việc tiếp theo") is
"same_day". Never guessed: when the cited files disagree or give another number than the entry, the
entry's time is unknown unless CHOSEN names the row, with the reason.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from infra.reference import crawl_cells, crawl_markdown
from infra.reference.catalog import CATALOG_FILE

UNITS = {
    "ngày làm việc": "working_days",
    "ngày": "days",
    "giờ làm việc": "working_hours",
    "giờ": "hours",
    "tháng": "months",
}
_CELL = re.compile(r"^(\d+)\s*(ngày làm việc|ngày|giờ làm việc|giờ|tháng)?(?![\wÀ-ỹ])", re.IGNORECASE)
# A procedure's own rule for the day of receipt: same day, next working day when received after 15:00.
_SAME_DAY = re.compile(
    r"[^.;\n(]*sau 15 giờ[^.;\n(]*ngày làm việc tiếp theo"
    r"|[^.;\n|]*trong ngày làm việc tiếp theo, nếu tiếp nhận yêu cầu sau 03 \(ba\) giờ chiều",
    re.IGNORECASE,
)

# Entries whose cited files give several rows: the row the hand check took, and why.
CHOSEN: dict[str, tuple[str, str]] = {
    "2.001159": ("1 Giờ", "chatbot's row; the pipeline's page says \"1 ngày\": the shorter, the portal's own row"),
}


def _cited_files(entry: dict, chatbot: Path, pipeline: Path) -> list[tuple[str, str]]:
    """[(repository path, text)] of the crawl files the entry's source_ref names that exist locally."""
    found = []
    for match in re.finditer(r"blob/[0-9a-f]{40}/(\S+?\.(?:json|md))", entry.get("source_ref", "")):
        path = match.group(1)
        for root in (chatbot, pipeline):
            if (root / path).is_file():
                found.append((path, (root / path).read_text(encoding="utf-8")))
    return found


def _time_cells(path: str, text: str) -> list[str]:
    """The "Thời gian giải quyết" cells of a cited file, as written."""
    if path.endswith(".json"):
        record = json.loads(text)
        rows = crawl_cells.channel_rows(record.get("cach_thuc_thuc_hien", "")) or []
        return [row[: crawl_cells.time_prefix_length(row)].strip() for _, row in rows]
    cells = []
    for section in crawl_markdown.sections(text).values():
        for row in crawl_markdown.table(section):
            if len(row) >= 2 and row[0] in ("Trực tuyến", "Trực tiếp", "Dịch vụ bưu chính"):
                cells.append(row[1].strip())
    return cells


def parse_cell(cell: str) -> tuple[int, str | None] | None:
    match = _CELL.match(cell.strip())
    if not match:
        return None
    return int(match.group(1)), UNITS[match.group(2).lower()] if match.group(2) else None


def _same_day(files: list[tuple[str, str]]) -> tuple[str, str] | None:
    for path, text in files:
        body = " ".join(v for v in json.loads(text).values() if isinstance(v, str)) if path.endswith(".json") else text
        match = _SAME_DAY.search(body.replace("\\n", "\n"))
        if match:
            return path, " ".join(match.group(0).split())
    return None


def read_time(entry: dict, chatbot: Path, pipeline: Path) -> dict:
    """The entry's processing time as its cited files give it (see the module's doc)."""
    files = _cited_files(entry, chatbot, pipeline)
    days = entry["processing_time"]["amount"] if "processing_time" in entry else entry.get("processing_days")
    unknown = {"amount": None, "unit": None, "source_text": "", "source": ""}
    if not files:
        return {**unknown, "source_text": "(không có tệp nguồn trong bản crawl)"}
    same_day = _same_day(files)
    if same_day and days in (0, 1):
        return {"amount": 0, "unit": "same_day", "source_text": same_day[1], "source": same_day[0]}
    rows = [(path, cell, parse_cell(cell)) for path, text in files for cell in _time_cells(path, text)]
    chosen = CHOSEN.get(entry["code"])
    if chosen:
        rows = [r for r in rows if r[1] == chosen[0]]
    with_unit = [(p, c, t) for p, c, t in rows if t and t[1] and (chosen or t[0] == days)]
    readings = {t for _, _, t in with_unit}
    if len(readings) != 1:
        cells = "; ".join(sorted({c for _, c, _ in rows})) or "không có"
        return {**unknown, "source_text": f"(các dòng thời hạn của nguồn: {cells})"}
    path, cell, (amount, unit) = with_unit[0]
    return {"amount": amount, "unit": unit, "source_text": cell, "source": path}


def check(entries: list[dict], chatbot: Path, pipeline: Path) -> Counter:
    counts: Counter = Counter()
    for entry in entries:
        stored, read = entry.get("processing_time"), read_time(entry, chatbot, pipeline)
        if stored == read:
            counts["right" if read["unit"] else "unknown (no source gives it)"] += 1
        else:
            counts["differs"] += 1
            print(f"{entry['code']}: stored {stored}, source {read}", file=sys.stderr)
    return counts


def write(path: Path, chatbot: Path, pipeline: Path) -> Counter:
    document = json.loads(path.read_text(encoding="utf-8"))
    counts: Counter = Counter()
    procedures = []
    for entry in document["procedures"]:
        time = read_time(entry, chatbot, pipeline)
        counts[time["unit"] or "unknown"] += 1
        rebuilt = {}
        for key, value in entry.items():  # in the place of the field it replaces
            rebuilt[key if key != "processing_days" else "processing_time"] = (
                time if key in ("processing_days", "processing_time") else value
            )
        if "processing_time" not in rebuilt:
            rebuilt["processing_time"] = time
        procedures.append(rebuilt)
    document["procedures"] = procedures
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chatbot", type=Path, required=True)
    parser.add_argument("--pipeline", type=Path, required=True)
    parser.add_argument("--write", action="store_true", help="rewrite catalog.json's processing_time fields")
    args = parser.parse_args()
    if args.write:
        print(dict(write(CATALOG_FILE, args.chatbot, args.pipeline)))
        return
    entries = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))["procedures"]
    counts = check(entries, args.chatbot, args.pipeline)
    print(dict(counts))
    sys.exit(1 if counts["differs"] else 0)


if __name__ == "__main__":
    main()
