"""Import the national catalog from public crawls of dichvucong.gov.vn into procedures/imported.jsonl.

    python -m infra.reference.catalog_import --chatbot DIR --pipeline DIR

DIR are local copies of the two repositories at the commits below (`git archive`). Every code of the
5,608-row list (`main/full-data.csv`) and of the detail pages becomes one entry: "detailed" when a page
of either crawl holds its details, "listed" when only the list knows it (name, field, agencies, the
official URL). A detail that is absent or does not parse stays null and is counted; nothing is guessed.
Each entry's `source_ref` names the exact files it was read from and the portal's own URL. Running it
again on the same copies writes the same file byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from vietnam_provinces import Province

from infra.reference import crawl_cells, crawl_markdown
from portal.procedures.model import CODE_PATTERN
from portal.text import fold

CHATBOT = ("chatbot-tthc/chatbot_tthc", "53229487610b07e0d7127f529b87c333f19aeb1e")
PIPELINE = ("suzynotsusie/data-pipeline", "eb4b789684c8ee6a9fafd7c282211c07a8afd7fd")
OUTPUT = Path(__file__).parent / "procedures" / "imported.jsonl"
LEVELS = {"Cấp bộ": "central", "Cấp bộ/ngành": "central", "Cấp tỉnh": "province", "Cấp xã": "commune"}
DETAILS = ("processing", "fees", "documents", "conditions", "results", "legal_basis", "applicants", "decision")
_LOCAL_ISSUER = re.compile(r"^(?:UBND|Trung tâm phục vụ hành chính công|Sở .+ -)\s*(?:tỉnh|Thành phố)\s+(.+)$", re.I)


_PROCEDURE_WORD = re.compile(r"^Thủ tục\s*:?\s*", re.IGNORECASE)


def clean_name(name: str) -> str:
    """The catalog's name without the leading "Thủ tục" some records carry, as the hand-checked entries."""
    name = " ".join(name.split())
    stripped = _PROCEDURE_WORD.sub("", name)
    return stripped[:1].upper() + stripped[1:] if stripped else name


def github_url(repo: tuple[str, str], path: str) -> str:
    return f"https://github.com/{repo[0]}/blob/{repo[1]}/{path}"


def _province_codes() -> dict[str, str]:
    by_name = {}
    for province in Province.iter_all():
        name = fold(province.name).removeprefix("thanh pho ")
        by_name[name] = f"{province.code.value:02d}"
    return by_name


def local_province(issuer: str, provinces: dict[str, str]) -> str | None:
    """The province whose People's Committee issued a local procedure; None for a ministry's."""
    match = _LOCAL_ISSUER.match(issuer.strip())
    return provinces.get(fold(match.group(1))) if match else None


def _levels(text: str | None) -> list[str] | None:
    if not text:
        return None
    found = [LEVELS[part.strip()] for part in text.split(",") if part.strip() in LEVELS]
    return sorted(set(found), key=["central", "province", "commune"].index) or None


def _from_chatbot(record: dict, counts: Counter) -> dict:
    rows = crawl_cells.channel_rows(record.get("cach_thuc_thuc_hien", ""))
    processing, fees = [], []
    for channel, row in rows or []:
        time = crawl_cells.processing_time(row)
        cut = crawl_cells.time_prefix_length(row)
        rest = row[cut:]
        if time:
            processing.append({"channel": channel, **time, "note": ""})
        else:
            counts["processing unparsed"] += not row.startswith(crawl_cells.NO_INFORMATION)
        fee, understood = crawl_cells.fee(rest)
        if fee:
            fees.append({"channel": channel, **fee})
        counts["fee unparsed"] += not understood
    competent = crawl_cells.known(record.get("co_quan_co_tham_quyen"))
    return {
        "name": clean_name(record["ten_thu_tuc"]),
        "decision": crawl_cells.known(record.get("so_quyet_dinh")),
        "levels": _levels(record.get("cap_thuc_hien")),
        "field": crawl_cells.known(record.get("linh_vuc")),
        "applicants": crawl_cells.known(record.get("doi_tuong_thuc_hien")),
        "competent_agency": competent,
        "implementing_agency": crawl_cells.known(record.get("co_quan_thuc_hien")),
        "processing": processing or None,
        "fees": fees or None,
        "channels": sorted({channel for channel, _ in rows or []}) or None,
        "documents": crawl_cells.documents(record.get("thanh_phan_ho_so", "")),
        "legal_basis": crawl_cells.legal_basis(record.get("can_cu_phap_ly", "")),
        "conditions": crawl_cells.known(record.get("yeu_cau_dieu_kien")),
        "results": crawl_cells.results(record.get("ket_qua_xu_ly", "")),
        "official_url": record.get("detail_url") or None,
    }


def _from_page(page: dict) -> dict:
    processing = [
        {"channel": c["channel"], **c["time"], "note": c["note"]} for c in page["channels"] if c["time"] is not None
    ]
    return {
        "name": clean_name(page["name"]) or None,
        **{k: page[k] for k in ("decision", "field", "applicants", "competent_agency")},
        **{k: page[k] for k in ("implementing_agency", "documents", "legal_basis", "conditions", "results")},
        "levels": _levels(page["level"]),
        "processing": processing or None,
        "channels": sorted({c["channel"] for c in page["channels"]}) or None,
    }


def _online(channels: list[str] | None) -> str | None:
    """Whether the portal lists an online channel; full or partial is not in the crawls."""
    if channels is None:
        return None
    return "available" if "online" in channels else "none"


def build_entries(chatbot: Path, pipeline: Path, counts: Counter) -> list[dict]:
    provinces = _province_codes()
    listed = {}
    with (pipeline / "main" / "full-data.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if CODE_PATTERN.match(row["Mã số"].strip()):
                listed[row["Mã số"].strip()] = row
            else:
                counts["list rows with a malformed code (skipped)"] += 1
    records, pages = {}, {}
    for path in sorted((chatbot / "scripts" / "crawler" / "data" / "raw").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        records[record["ma_thu_tuc"]] = (path.relative_to(chatbot).as_posix(), record)
    for path in sorted((pipeline / "raw_data").glob("*/*_procedure_detail.md")):
        pages[path.parent.name.replace("_", ".")] = (path.relative_to(pipeline).as_posix(), path)
    entries = []
    for code in sorted(set(listed) | set(records) | set(pages)):
        if not CODE_PATTERN.match(code):
            counts["detail pages with a malformed code (skipped)"] += 1
            continue
        entry: dict = {k: None for k in ("name", "field", "levels", *DETAILS, "competent_agency")}
        refs = []
        row = listed.get(code)
        if row:
            entry.update(
                name=clean_name(row["Tên"]),
                field=row["Lĩnh vực"].strip() or None,
                issuing_body=row["Cơ quan ban hành"].strip() or None,
                implementing_agency=row["Cơ quan thực hiện"].strip() or None,
                official_url=row["URL"].strip() or None,
                province_code=local_province(row["Cơ quan ban hành"], provinces),
            )
            refs.append(github_url(PIPELINE, "main/full-data.csv"))
        if code in pages:
            path, file = pages[code]
            page = _from_page(crawl_markdown.read_page(file.read_text(encoding="utf-8")))
            entry.update({k: v for k, v in page.items() if v is not None and (k != "name" or not entry["name"])})
            refs.append(github_url(PIPELINE, path))
        if code in records:
            path, record = records[code]
            parsed = _from_chatbot(record, counts)
            for key, value in parsed.items():  # the pipeline's tables are cleaner; chatbot adds the fees
                if value is not None and (entry.get(key) is None or key == "fees"):
                    entry[key] = value
            refs.append(github_url(CHATBOT, path))
        entry["online"] = _online(entry.pop("channels", None))
        entry["detail_level"] = "detailed" if code in pages or code in records else "listed"
        entry["source_ref"] = "; ".join(refs) + (
            f" (bản crawl của {entry['official_url']})" if entry.get("official_url") else ""
        )
        entries.append({"code": code, **dict(sorted(entry.items()))})
    return entries


def write_entries(entries: list[dict], output: Path = OUTPUT) -> None:
    lines = [
        unicodedata.normalize("NFC", json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
        for e in entries
    ]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


def field_counts(entries: list[dict]) -> dict[str, int]:
    keys = ("levels", *DETAILS, "online", "province_code", "official_url")
    return {key: sum(e.get(key) is not None for e in entries) for key in keys}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chatbot", type=Path, required=True, help=f"a copy of {CHATBOT[0]} at {CHATBOT[1][:7]}")
    parser.add_argument("--pipeline", type=Path, required=True, help=f"a copy of {PIPELINE[0]} at {PIPELINE[1][:7]}")
    args = parser.parse_args()
    counts: Counter = Counter()
    entries = build_entries(args.chatbot, args.pipeline, counts)
    write_entries(entries)
    detailed = sum(e["detail_level"] == "detailed" for e in entries)
    print(f"{len(entries)} procedures ({detailed} detailed, {len(entries) - detailed} listed) -> {OUTPUT}")
    for key, count in field_counts(entries).items():
        print(f"  {key:22} {count:5}")
    for problem, count in sorted(counts.items()):
        print(f"  {problem}: {count}")


if __name__ == "__main__":
    main()
