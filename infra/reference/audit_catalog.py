"""Re-read every served detail of the catalog against the source it cites, and count per field.

    python -m infra.reference.audit_catalog [--chatbot DIR --pipeline DIR] [--fields name,fees,...]
    make audit-catalog

With the crawl copies (the directories of infra/reference/catalog_import.py), each cited text is read again
from its file and must be the stored one. Without them (CI), it says so and checks the stored source text
against the stored value: the importer's own reader applied to the text must give the value served.

A detail is `right` (its source text gives it), `differs` (it does not), `no source` (a value with no cited
text and not editorial) or `editorial` (procedures/editorial.json: who decided it and why). The exit status
is 1 on any differing detail or any unsourced one of the fields audited.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from infra.reference import catalog_import as importer
from infra.reference import crawl_cells, crawl_markdown
from infra.reference.catalog import CATALOG_FILE, IMPORTED_FILE, read_editorial, read_imported

RESULTS = ("right", "differs", "no source", "editorial")
# The imported keys a served detail is read into (catalog_import's output), audited one by one.
IMPORTED_KEYS = (
    "name",
    "field",
    "levels",
    "competent_agency",
    "implementing_agency",
    "issuing_body",
    "applicants",
    "decision",
    "processing",
    "fees",
    "documents",
    "document_notes",
    "legal_basis",
    "conditions",
    "results",
    "official_url",
    "online",
)
CHECKED_FIELDS = ("name", "levels", "fees", "legal_basis", "processing_time")
_LEGAL_NUMBER = re.compile(r"\d{1,4}/(?:\d{4}/)?[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*")


def parse(file: str, part: str, key: str, text: str) -> Any:
    """What the importer reads from this text for this detail (the same functions)."""
    if file.endswith("full-data.csv"):
        column = part.split(":", 1)[1]
        return next(parse for col, parse in importer.LIST_PARTS.values() if col == column)(text)
    if file.endswith(".json"):
        if key == "fees":
            return importer._chatbot_fees(text)
        cell, reader = importer.CHATBOT_PARTS["channels" if key == "online" else key]
        value = reader(text)
    else:
        parts = importer.FALLBACK_PARTS if part.startswith("fallback:") else importer.PAGE_PARTS
        value = parts["channels" if key == "online" else key][1](text)
    return importer._online(value) if key == "online" else value


def _stored(entry: dict, key: str) -> Any:
    return entry.get(key)


class Audit:
    def __init__(self, chatbot: Path | None, pipeline: Path | None) -> None:
        self.copies = {importer.CHATBOT[0]: chatbot, importer.PIPELINE[0]: pipeline}
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.examples: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._csv: dict[str, dict] | None = None

    def count(self, field: str, result: str, example: str = "") -> None:
        self.counts[field][result] += 1
        if result in ("differs", "no source") and len(self.examples[(field, result)]) < 5:
            self.examples[(field, result)].append(example)

    # --- reading a cited text again from the copies -------------------------------------------------
    def _local(self, file: str) -> Path | None:
        for repo, root in self.copies.items():
            prefix = f"https://github.com/{repo}/blob/"
            if root is not None and file.startswith(prefix):
                return root / file[len(prefix) :].split("/", 1)[1]
        return None

    def reread(self, file: str, part: str) -> str | None:
        path = self._local(file)
        if path is None or not path.exists():
            return None
        if file.endswith("full-data.csv"):
            if self._csv is None:
                with path.open(encoding="utf-8-sig", newline="") as handle:
                    self._csv = {r["Mã số"].strip(): r for r in csv.DictReader(handle)}
            code, column = part.removeprefix("row ").split(":", 1)
            return importer.nfc(self._csv[code][column])
        if file.endswith(".json"):
            return importer.nfc(json.loads(path.read_text(encoding="utf-8")).get(part) or "")
        return importer.page_part(importer.nfc(path.read_text(encoding="utf-8")), part)

    # --- the imported entries ---------------------------------------------------------------------------
    def imported(self, entry: dict) -> None:
        for key in IMPORTED_KEYS:
            value = _stored(entry, key)
            source = importer.cited(entry, key)
            label = f"{entry['code']} {key}"
            if source is None:
                if value is not None:
                    self.count(key, "no source", label)
                continue
            text = source["text"]
            if self.full:
                again = self.reread(source["file"], source["part"])
                if again != text:
                    self.count(key, "differs", f"{label}: the cited text is not in {source['file']}")
                    continue
            self.count(key, "right" if parse(source["file"], source["part"], key, text) == value else "differs", label)

    # --- the hand-checked entries -----------------------------------------------------------------------
    def checked(self, entry: dict, twin: dict | None, editorial: dict) -> None:
        code = entry["code"]
        for field in editorial["fields"]:
            self.count(field, "editorial")
        decided = {(v["field"], v["value"]) for v in editorial["values"] if v["code"] == code}

        def text_of(key: str) -> tuple[str, str, str] | None:
            source = importer.cited(twin or {}, key)
            return None if source is None else (source["file"], source["part"], source["text"])

        name = text_of("name")
        if ("name", entry["name"]) in decided:
            self.count("checked name", "editorial")
        elif name is None:
            self.count("checked name", "no source", code)
        else:
            ok = importer.same_name(entry["name"], name[2])
            self.count("checked name", "right" if ok else "differs", f"{code}: {entry['name']} / {name[2]}")
        levels = text_of("levels")
        if ("levels", ",".join(entry["levels"])) in decided:
            self.count("checked levels", "editorial")
        elif levels is None:
            self.count("checked levels", "no source", code)
        else:
            source_levels = set(parse(levels[0], levels[1], "levels", levels[2]) or ())
            for key in ("competent_agency", "implementing_agency"):  # the bodies the source names
                agency = text_of(key)
                source_levels |= _agency_levels(agency[2]) if agency else set()
            ok = set(entry["levels"]) <= source_levels
            self.count("checked levels", "right" if ok else "differs", f"{code}: {entry['levels']} / {levels[2]}")
        fees = text_of("fees")
        table = text_of("processing")
        for line in entry["fees"]:
            label = f"{code}: {line['description']} ({line['amount_vnd']})"
            if ("fees", line["description"]) in decided:
                self.count("checked fees", "editorial")
            elif fees is None and table is not None and _NO_FEE_LISTED.search(line["description"]):
                ok = line["amount_vnd"] == 0 and _lists_no_fee(table[2])
                self.count("checked fees", "right" if ok else "differs", label)
            elif fees is None:
                self.count("checked fees", "no source", label)
            else:
                self.count("checked fees", "right" if _fee_stated(line, fees) else "differs", label)
        legal = text_of("legal_basis")
        for item in entry["legal_basis"]:
            label = f"{code}: {item}"
            if ("legal_basis", item) in decided:
                self.count("checked legal_basis", "editorial")
            elif legal is None:
                self.count("checked legal_basis", "no source", label)
            else:
                self.count("checked legal_basis", "right" if _legal_stated(item, legal[2]) else "differs", label)
        self._checked_time(code, entry.get("processing_time"))

    def _checked_time(self, code: str, time: dict | None) -> None:
        """The hand-checked entry's processing time: its stored source words, read again by the time reader
        (infra.reference.processing_times), give its amount and unit; an unknown time is served as unknown."""
        from infra.reference.processing_times import parse_cell

        if not time or time.get("amount") is None:
            return  # nothing served: the receiving officer sets the appointment
        label = f"{code}: {time['amount']} {time.get('unit')}"
        words = time.get("source_text") or ""
        if not words:
            self.count("checked processing_time", "no source", label)
            return
        if time.get("unit") == "same_day":
            read = (time["amount"], "same_day") if "sau 15 giờ" in words or "ngày làm việc tiếp theo" in words else None
        else:
            read = parse_cell(words)
        right = read is not None and read[0] == time["amount"] and read[1] in (time.get("unit"), None)
        self.count("checked processing_time", "right" if right else "differs", label)

    def run(self, fields: set[str] | None) -> int:
        self.full = all(root is not None and root.exists() for root in self.copies.values())
        if not self.full:
            print(
                "Crawl copies absent (--chatbot/--pipeline): CI-safe mode, the stored source texts are checked "
                "against the stored values; run with the copies to read every text again from its file."
            )
        entries = read_imported(IMPORTED_FILE)
        by_code = {e["code"]: e for e in entries}
        for entry in entries:
            if not entry.get("superseded_by"):
                self.imported(entry)
        editorial = read_editorial()
        for entry in json.loads(CATALOG_FILE.read_text(encoding="utf-8"))["procedures"]:
            self.checked(entry, by_code.get(entry["code"]), editorial)
        return self.report(fields)

    def report(self, fields: set[str] | None) -> int:
        print(f"{'detail':28}" + "".join(f"{r:>11}" for r in RESULTS))
        failing = 0
        for field in sorted(self.counts):
            counts = self.counts[field]
            audited = fields is None or field in fields
            mark = "" if audited else "   (not audited in this run)"
            print(f"{field:28}" + "".join(f"{counts[r]:>11}" for r in RESULTS) + mark)
            if audited:
                failing += counts["differs"] + counts["no source"]
        totals = Counter()
        for counts in self.counts.values():
            totals.update(counts)
        print(f"{'total':28}" + "".join(f"{totals[r]:>11}" for r in RESULTS))
        for (field, result), examples in sorted(self.examples.items()):
            if fields is None or field in fields:
                print(f"  {field} {result}: " + "; ".join(examples))
        return 1 if failing else 0


def _fee_stated(line: dict, source: tuple[str, str, str]) -> bool:
    """A hand-checked fee line is right when its source states it: its amount in đồng, free, or not fixed."""
    amount = line["amount_vnd"]
    lines = parse(source[0], source[1], "fees", source[2]) or []
    if amount is None:
        return any(f["amount_vnd"] is None for f in lines)
    if amount == 0:
        return any(f["amount_vnd"] == 0 for f in lines) or "miễn" in source[2].lower()
    stated = {a for a, currency in crawl_cells._stated(source[2]) if currency == "VND"}
    return amount in stated or any(f["amount_vnd"] == amount for f in lines)


_NO_FEE_LISTED = re.compile(r"không ghi phí", re.IGNORECASE)
_AGENCY_LEVELS = {
    "province": re.compile(r"tỉnh|\bSở\b", re.IGNORECASE),
    "commune": re.compile(r"cấp xã|\bxã\b", re.IGNORECASE),
}


def _agency_levels(text: str) -> set[str]:
    """The levels of the bodies an agency text names ("Công an cấp Xã, ..., Công an tỉnh")."""
    return {level for level, pattern in _AGENCY_LEVELS.items() if pattern.search(text)}


def _lists_no_fee(channel_table: str) -> bool:
    """Whether every fee cell of the source's channel table says "Không có thông tin" (a line stating that the
    portal lists no fee is then what the source says)."""
    rows = [cells for cells in crawl_markdown.table(channel_table) if len(cells) >= 3]
    if rows:
        return all(cells[2] == crawl_cells.NO_INFORMATION for cells in rows)
    fallback = crawl_markdown.fallback_channels(channel_table)
    if fallback:
        return not any(c["fees"] for c in fallback)
    chatbot_rows = crawl_cells.channel_rows(channel_table) or []
    return bool(chatbot_rows) and all(
        row[crawl_cells.time_prefix_length(row) :].startswith(crawl_cells.NO_INFORMATION) for _, row in chatbot_rows
    )


def _legal_stated(item: str, text: str) -> bool:
    """A legal-basis item is right when its document number is in the source's "Căn cứ pháp lý"."""
    numbers = _LEGAL_NUMBER.findall(item)
    return bool(numbers) and all(n in text for n in numbers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chatbot", type=Path, help=f"a copy of {importer.CHATBOT[0]} (absent: CI-safe mode)")
    parser.add_argument("--pipeline", type=Path, help=f"a copy of {importer.PIPELINE[0]}")
    parser.add_argument("--fields", help="comma-separated details that decide the exit status (default: all)")
    args = parser.parse_args(argv)
    fields = set(args.fields.split(",")) if args.fields else None
    return Audit(args.chatbot, args.pipeline).run(fields)


if __name__ == "__main__":
    sys.exit(main())
