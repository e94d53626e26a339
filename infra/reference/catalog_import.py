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


def nfc(value):
    """Texts as Unicode NFC before they are read: some crawl files are decomposed, and the readers' words
    ("Thủ tục", "bản chính", "Miễn phí") are composed."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


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


_OWN_CODE = re.compile(r"Mã thủ tục\s*:?\**\s*(\d\.\d{6})")
_NOTE_ROW = re.compile(r"^(?:Lưu ý|Ghi chú|Chú ý)\b", re.IGNORECASE)
DISTRICT_SUFFIX = "(thực hiện tại cấp huyện)"
COMMUNE_SUFFIX = "(thực hiện tại cấp xã)"
# Since 1 July 2025 local government has two levels (province, commune): district bodies are gone and a
# commune is "xã, phường, đặc khu". Texts that still name them are served with a note, never rewritten.
_DISTRICT_BODY = re.compile(
    r"cấp huyện|UBND (?:huyện|quận)|Ủy ban nhân dân (?:huyện|quận)|(?:Công an|Phòng [^,;()]{0,60}) (?:huyện|quận)\b",
    re.IGNORECASE,
)
_OLD_COMMUNES = re.compile(r"xã, phường, thị trấn", re.IGNORECASE)
STALE_NOTES = {
    "district": "Văn bản nguồn nêu cơ quan cấp huyện; từ 1/7/2025 không còn cấp huyện: hỏi Trung tâm phục vụ "
    "hành chính công nơi nộp hồ sơ về cơ quan tiếp nhận hiện nay.",
    "communes": "Văn bản nguồn còn ghi «xã, phường, thị trấn»; từ 1/7/2025 đơn vị cấp xã là xã, phường, đặc khu.",
}


def own_code(text: str) -> str | None:
    """The code a crawled record or page states for itself ("Mã thủ tục1.014023", "**Mã thủ tục:** 1.001692")."""
    match = _OWN_CODE.search(text or "")
    return match.group(1) if match else None


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", fold(clean_name(name))))


def same_name(a: str, b: str) -> bool:
    """Whether two names can be one procedure's: equal, one cut short of the other, or sharing most words
    (the list renames "Thừa phát lại" to "Thừa hành viên"); "Hỗ trợ phát triển sản xuất cộng đồng" for
    "Hợp nhất công ty luật nước ngoài" is not."""
    x, y = fold(clean_name(a)).strip(" ."), fold(clean_name(b)).strip(" .")
    if x.startswith(y) or y.startswith(x):
        return True
    words_a, words_b = _words(a), _words(b)
    return len(words_a & words_b) >= 0.5 * min(len(words_a), len(words_b))


def split_notes(documents: list[dict] | None) -> tuple[list[dict] | None, list[str]]:
    """(documents, notes): a row that is a note or a heading ("Lưu ý: ...", or 0 originals and 0 copies) is
    kept as a note, never served as a document to submit."""
    kept, notes = [], []
    for document in documents or ():
        if _NOTE_ROW.match(document["name"]) or (document["originals"] == 0 and document["copies"] == 0):
            notes.append(document["name"])
        else:
            kept.append(document)
    return kept or None, notes


def _fees_from_page(channel: str, fees: list[tuple[str, str]]) -> list[dict]:
    found = []
    for label, text in fees:
        match = re.match(r"^(\d[\d.,]*)\s*(Đồng|USD)$", text)
        if not match:
            continue  # "Phí: Đồng": a unit and no amount
        leading = crawl_cells._number(match.group(1))
        amount, currency, unclear = crawl_cells.fee_amount(leading, match.group(2), "")
        line = crawl_cells._line(f"{label}: {text}", amount, currency, unclear)
        found.append({"channel": channel, **line})
    return found


# Where each detail is read: (the part of the source, how its text becomes the value). The audit
# (infra/reference/audit_catalog.py) reads the same parts with the same functions.
def _chatbot_processing(cell: str) -> list[dict] | None:
    processing = []
    for channel, row in crawl_cells.channel_rows(cell) or []:
        time = crawl_cells.processing_time(row)
        if time:
            processing.append({"channel": channel, **time, "note": ""})
    return processing or None


def _chatbot_fees(cell: str, counts: Counter | None = None) -> list[dict] | None:
    fees = []
    for channel, row in crawl_cells.channel_rows(cell) or []:
        fee, understood = crawl_cells.fee(row[crawl_cells.time_prefix_length(row) :])
        if fee:
            fees.append({"channel": channel, **fee})
            if counts is not None and fee.get("unclear"):
                counts["fee lines with an unclear amount (no amount served)"] += 1
            if counts is not None and fee["currency"] not in (None, "VND"):
                counts[f"fee lines in {fee['currency']}"] += 1
        if counts is not None:
            counts["fee unparsed"] += not understood
            if not (crawl_cells.processing_time(row) or row.startswith(crawl_cells.NO_INFORMATION)):
                counts["processing unparsed"] += 1
    return fees or None


def _chatbot_channels(cell: str) -> list[str] | None:
    return sorted({channel for channel, _ in crawl_cells.channel_rows(cell) or []}) or None


CHATBOT_PARTS = {
    "name": ("ten_thu_tuc", clean_name),
    "decision": ("so_quyet_dinh", crawl_cells.known),
    "levels": ("cap_thuc_hien", lambda t: _levels(t)),
    "field": ("linh_vuc", crawl_cells.known),
    "applicants": ("doi_tuong_thuc_hien", crawl_cells.known),
    "competent_agency": ("co_quan_co_tham_quyen", crawl_cells.known),
    "implementing_agency": ("co_quan_thuc_hien", crawl_cells.known),
    "processing": ("cach_thuc_thuc_hien", _chatbot_processing),
    "fees": ("cach_thuc_thuc_hien", _chatbot_fees),
    "channels": ("cach_thuc_thuc_hien", _chatbot_channels),
    "documents": ("thanh_phan_ho_so", lambda t: split_notes(crawl_cells.documents(t))[0]),
    "document_notes": ("thanh_phan_ho_so", lambda t: split_notes(crawl_cells.documents(t))[1] or None),
    "legal_basis": ("can_cu_phap_ly", crawl_cells.legal_basis),
    "conditions": ("yeu_cau_dieu_kien", crawl_cells.known),
    "results": ("ket_qua_xu_ly", crawl_cells.results),
    "official_url": ("detail_url", lambda t: t or None),
}


def _from_chatbot(record: dict, counts: Counter) -> tuple[dict, dict]:
    """(values, {key: (the record's cell, its text)})."""
    values, parts = {}, {}
    for key, (cell, parse) in CHATBOT_PARTS.items():
        text = record.get(cell) or ""
        values[key] = _chatbot_fees(text, counts) if key == "fees" else parse(text)
        parts[key] = (cell, text)
    return values, parts


def _page_processing(section: str) -> list[dict] | None:
    found = [
        {"channel": c["channel"], **c["time"], "note": c["note"]}
        for c in crawl_markdown.channels(section)
        if c["time"] is not None
    ]
    return found or None


def _fallback_processing(section: str) -> list[dict] | None:
    found = [
        {"channel": c["channel"], **c["time"], "note": c["note"]}
        for c in crawl_markdown.fallback_channels(section)
        if c["time"] is not None
    ]
    return found or None


def _fallback_fees(section: str) -> list[dict] | None:
    return [
        f for c in crawl_markdown.fallback_channels(section) for f in _fees_from_page(c["channel"], c["fees"])
    ] or None


def _general(key: str):
    return ("general:" + key, crawl_cells.known)


PAGE_PARTS = {
    "name": ("title", clean_name),
    "decision": _general("Số quyết định"),
    "levels": ("general:Cấp thực hiện", lambda t: _levels(crawl_cells.known(t))),
    "field": _general("Lĩnh vực"),
    "applicants": _general("Đối tượng thực hiện"),
    "competent_agency": _general("Cơ quan có thẩm quyền"),
    "implementing_agency": ("section:Cơ quan thực hiện", crawl_cells.known),
    "processing": ("section:Cách thức thực hiện", _page_processing),
    "channels": (
        "section:Cách thức thực hiện",
        lambda t: sorted({c["channel"] for c in crawl_markdown.channels(t)}) or None,
    ),
    "documents": ("section:Thành phần hồ sơ", lambda t: split_notes(crawl_markdown.documents(t))[0]),
    "document_notes": ("section:Thành phần hồ sơ", lambda t: split_notes(crawl_markdown.documents(t))[1] or None),
    "legal_basis": ("section:Căn cứ pháp lý", crawl_markdown.legal_basis),
    "conditions": ("section:Yêu cầu, điều kiện thực hiện", crawl_cells.known),
    "results": ("section:Kết quả xử lý", crawl_markdown.results),
}


def _fallback_documents(section: str) -> tuple[list[dict] | None, list[str]]:
    documents, headings = crawl_markdown.fallback_documents(section)
    kept, notes = split_notes(documents)
    return kept, (headings or []) + notes


FALLBACK_PARTS = {  # "fallback:": the same sections, in the second page format
    **{k: v for k, v in PAGE_PARTS.items() if k in ("name", "implementing_agency", "conditions")},
    "processing": ("fallback:Cách thức thực hiện", _fallback_processing),
    "fees": ("fallback:Cách thức thực hiện", _fallback_fees),
    "channels": (
        "fallback:Cách thức thực hiện",
        lambda t: sorted({c["channel"] for c in crawl_markdown.fallback_channels(t)}) or None,
    ),
    "documents": ("fallback:Thành phần hồ sơ", lambda t: _fallback_documents(t)[0]),
    "document_notes": ("fallback:Thành phần hồ sơ", lambda t: _fallback_documents(t)[1] or None),
}


def page_part(text: str, part: str) -> str:
    """The exact text of a part of a page: its title, a "* **Key:** value" line's value, or a section."""
    if part == "title":
        return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "")
    if part.startswith("fallback:"):
        part = "section:" + part.removeprefix("fallback:")
    kind, name = part.split(":", 1)
    if kind == "general":
        return crawl_markdown.general(crawl_markdown.sections(text).get("Thông tin chung", "")).get(name, "")
    return crawl_markdown.sections(text).get(name, "")


def page_parts(text: str) -> dict:
    return FALLBACK_PARTS if crawl_markdown.is_fallback(text) else PAGE_PARTS


def _from_page(text: str) -> tuple[dict, dict]:
    values, parts = {}, {}
    for key, (part, parse) in page_parts(text).items():
        excerpt = page_part(text, part)
        values[key] = parse(excerpt)
        parts[key] = (part, excerpt)
    return values, parts


LIST_PARTS = {
    "name": ("Tên", clean_name),
    "field": ("Lĩnh vực", lambda t: t.strip() or None),
    "issuing_body": ("Cơ quan ban hành", lambda t: t.strip() or None),
    "implementing_agency": ("Cơ quan thực hiện", lambda t: t.strip() or None),
    "official_url": ("URL", lambda t: t.strip() or None),
}


def _online(channels: list[str] | None) -> str | None:
    """Whether the portal lists an online channel; full or partial is not in the crawls."""
    if channels is None:
        return None
    return "available" if "online" in channels else "none"


def _source(file: str, part: str, text: str) -> dict:
    return {"file": file, "part": part, "text": text}


def _stored_sources(sources: dict) -> tuple[list, dict, dict]:
    """(the files, {detail: [the file's index, part]}, {part: its exact text}). A text several details are read
    from (the channel table gives the times, the fees and the channels) is stored once; parts are unique
    within an entry (a list row's "row <code>:<column>", a page's "title"/"general:"/"section:"/"fallback:",
    a record's cell name)."""
    files: list[str] = []
    cited, texts = {}, {}
    for key, source in sorted(sources.items()):
        if source["file"] not in files:
            files.append(source["file"])
        cited[key] = [files.index(source["file"]), source["part"]]
        texts[source["part"]] = source["text"]
    return files, cited, texts


def cited(entry: dict, key: str) -> dict | None:
    """{"file", "part", "text"}: where an entry's detail was read, or None."""
    ref = (entry.get("sources") or {}).get(key)
    if ref is None:
        return None
    index, part = ref
    return {"file": entry["source_files"][index], "part": part, "text": entry["source_texts"][part]}


def stale_notes(entry: dict) -> list[str]:
    agencies = " ".join(entry.get(k) or "" for k in ("competent_agency", "implementing_agency"))
    notes = []
    if _DISTRICT_BODY.search(agencies):
        notes.append(STALE_NOTES["district"])
    if _OLD_COMMUNES.search(agencies):
        notes.append(STALE_NOTES["communes"])
    return notes


def _superseded(entries: list[dict], counts: Counter) -> None:
    """A district-level variant "(thực hiện tại cấp huyện)" whose commune variant exists is not current."""
    by_name = {e["name"]: e["code"] for e in entries}
    for entry in entries:
        if entry["name"].endswith(DISTRICT_SUFFIX):
            successor = by_name.get(entry["name"].removesuffix(DISTRICT_SUFFIX) + COMMUNE_SUFFIX)
            if successor:
                entry["superseded_by"] = successor
                counts["district-level procedures superseded by their commune variant (not served)"] += 1


def build_entries(chatbot: Path, pipeline: Path, counts: Counter) -> list[dict]:
    provinces = _province_codes()
    listed = {}
    with (pipeline / "main" / "full-data.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            row = nfc(row)
            if CODE_PATTERN.match(row["Mã số"].strip()):
                listed[row["Mã số"].strip()] = row
            else:
                counts["list rows with a malformed code (skipped)"] += 1
    records, pages = {}, {}
    for path in sorted((chatbot / "scripts" / "crawler" / "data" / "raw").glob("*/*.json")):
        record = nfc(json.loads(path.read_text(encoding="utf-8")))
        code = path.stem
        if own_code(record.get("raw_text", "")) != code or record.get("ma_thu_tuc") != code:
            counts["chatbot records of another procedure (dropped)"] += 1
            continue
        if code in listed and not same_name(record["ten_thu_tuc"], listed[code]["Tên"]):
            counts["chatbot records whose name is another procedure's (dropped)"] += 1
            continue
        records[code] = (path.relative_to(chatbot).as_posix(), record)
    for path in sorted((pipeline / "raw_data").glob("*/*_procedure_detail.md")):
        code = path.parent.name.replace("_", ".")
        text = nfc(path.read_text(encoding="utf-8"))
        if own_code(text) != code:
            counts["pipeline pages of another procedure (dropped)"] += 1
            continue
        if code in listed and not same_name(page_part(text, "title"), listed[code]["Tên"]):
            counts["pipeline pages whose name is another procedure's (dropped)"] += 1
            continue
        counts["pipeline pages in the fallback format"] += crawl_markdown.is_fallback(text)
        pages[code] = (path.relative_to(pipeline).as_posix(), text)
    entries = []
    for code in sorted(set(listed) | set(records) | set(pages)):
        if not CODE_PATTERN.match(code):
            counts["detail pages with a malformed code (skipped)"] += 1
            continue
        entry: dict = {k: None for k in ("name", "field", "levels", *DETAILS, "competent_agency")}
        sources: dict = {}
        refs = []
        row = listed.get(code)
        if row:
            file = github_url(PIPELINE, "main/full-data.csv")
            for key, (column, parse) in LIST_PARTS.items():
                entry[key] = parse(row[column])
                if entry[key] is not None:
                    sources[key] = _source(file, f"row {code}:{column}", row[column])
            entry["province_code"] = local_province(row["Cơ quan ban hành"], provinces)
            refs.append(file)
        if code in pages:
            path, text = pages[code]
            file = github_url(PIPELINE, path)
            values, parts = _from_page(text)
            for key, value in values.items():
                if value is not None and (key != "name" or not entry["name"]):
                    entry[key] = value
                    sources[key] = _source(file, *parts[key])
            refs.append(file)
        if code in records:
            path, record = records[code]
            file = github_url(CHATBOT, path)
            values, parts = _from_chatbot(record, counts)
            for key, value in values.items():  # the pipeline's tables are cleaner; chatbot adds the fees
                if value is not None and (entry.get(key) is None or key == "fees"):
                    entry[key] = value
                    sources[key] = _source(file, *parts[key])
            refs.append(file)
        channels = entry.pop("channels", None)
        entry["online"] = _online(channels)
        if channels is not None:
            sources["online"] = sources.pop("channels")
        else:
            sources.pop("channels", None)
        entry["document_notes"] = entry.get("document_notes")
        entry["stale_notes"] = stale_notes(entry) or None
        entry["detail_level"] = "detailed" if code in pages or code in records else "listed"
        entry["source_ref"] = "; ".join(refs) + (
            f" (bản crawl của {entry['official_url']})" if entry.get("official_url") else ""
        )
        entry["source_files"], entry["sources"], entry["source_texts"] = _stored_sources(sources)
        entries.append({"code": code, **dict(sorted(entry.items()))})
    _superseded(entries, counts)
    for entry in entries:
        counts["entries with a note on district bodies or old commune names"] += bool(entry["stale_notes"])
    return entries


def write_entries(entries: list[dict], output: Path = OUTPUT) -> None:
    lines = [
        unicodedata.normalize("NFC", json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
        for e in entries
    ]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


def field_counts(entries: list[dict]) -> dict[str, int]:
    keys = ("levels", *DETAILS, "document_notes", "online", "province_code", "official_url", "stale_notes")
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
