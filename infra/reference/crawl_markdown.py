"""Reading suzynotsusie/data-pipeline's procedure pages (`raw_data/<code>/<code>_procedure_detail.md`).

Each page is the portal's record as Markdown: "## " sections, "* **Key:** value" lines in "Thông tin chung"
and pipe tables for the channels, the documents and the legal basis. That crawl did not capture fees.
"""

from __future__ import annotations

import re
from functools import lru_cache

from infra.reference.crawl_cells import NO_INFORMATION, known, processing_time

_GENERAL = re.compile(r"^\* \*\*(.+?):\*\*\s*(.*)$")
_CHANNELS = {"Trực tuyến": "online", "Trực tiếp": "in_person", "Dịch vụ bưu chính": "post"}
_RESULT_CODE = re.compile(r"\s*\(Mã:\s*`[^`]*`\)\s*$")


@lru_cache(maxsize=4)
def sections(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    title, lines = "", []
    for line in text.splitlines():
        if line.startswith("## "):
            found[title] = "\n".join(lines).strip()
            title, lines = line[3:].strip(), []
        else:
            lines.append(line)
    found[title] = "\n".join(lines).strip()
    return found


def general(section: str) -> dict[str, str]:
    found = {}
    for line in section.splitlines():
        match = _GENERAL.match(line.strip())
        if match:
            found[match.group(1).strip()] = match.group(2).strip()
    return found


def table(section: str) -> list[list[str]]:
    """The body rows of the section's first pipe table, as cells."""
    rows = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    return [[c.strip() for c in row.strip("|").split(" | ")] for row in rows[2:]]


def channels(section: str) -> list[dict]:
    found = []
    for cells in table(section):
        if len(cells) < 2 or cells[0] not in _CHANNELS:
            continue
        time = processing_time(cells[1])
        note = known(cells[3]) if len(cells) > 3 else None
        found.append({"channel": _CHANNELS[cells[0]], "time": time, "note": note or ""})
    return found


def documents(section: str) -> list[dict] | None:
    found = []
    for cells in table(section):
        if len(cells) >= 3 and cells[1].isdigit() and cells[2].isdigit():
            name = cells[0].strip(" -–*;")
            if name:
                found.append({"name": name, "originals": int(cells[1]), "copies": int(cells[2]), "note": ""})
    return found or None


def legal_basis(section: str) -> list[str] | None:
    found = []
    for cells in table(section):
        if len(cells) >= 2 and cells[0]:
            name, code = cells[0], cells[1]
            found.append(name if not code or code in name else f"{name} ({code})")
    return found or None


def results(section: str) -> list[str] | None:
    found = []
    for line in section.splitlines():
        line = line.strip()
        if line.startswith("* "):
            found.append(_RESULT_CODE.sub("", line[2:]).strip())
    return [r for r in found if r and r != NO_INFORMATION] or None


def read_page(text: str) -> dict:
    """What the page says, keyed as the importer needs it; an absent or unparsed part is None."""
    parts = sections(text)
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "")
    info = general(parts.get("Thông tin chung", ""))
    return {
        "name": title,
        "decision": known(info.get("Số quyết định")),
        "level": known(info.get("Cấp thực hiện")),
        "field": known(info.get("Lĩnh vực")),
        "applicants": known(info.get("Đối tượng thực hiện")),
        "competent_agency": known(info.get("Cơ quan có thẩm quyền")),
        "implementing_agency": known(parts.get("Cơ quan thực hiện")),
        "channels": channels(parts.get("Cách thức thực hiện", "")),
        "documents": documents(parts.get("Thành phần hồ sơ", "")),
        "legal_basis": legal_basis(parts.get("Căn cứ pháp lý", "")),
        "conditions": known(parts.get("Yêu cầu, điều kiện thực hiện")),
        "results": results(parts.get("Kết quả xử lý", "")),
    }


# The second page format ("* **Nguồn fallback:** https://vpcp.dichvucong.gov.vn/…", 55 pages): the crawler
# fell back to the government office's copy and kept each table as its cells' text joined by spaces.
FALLBACK_MARK = "**Nguồn fallback:**"
_FALLBACK_CHANNEL_HEAD = "Hình thức nộp Thời hạn giải quyết Phí, lệ phí Mô tả"
_FALLBACK_ROW = re.compile(
    r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính) (?=\d|Lệ phí:|Phí:|Mức giá:|Không quy định|Theo |- )"
)
_FALLBACK_FEE = re.compile(r"(Lệ phí|Phí|Mức giá):\s*((?:\d[\d.,]*\s*)?(?:Đồng|USD))(?:Xem chi tiết)?")
_FALLBACK_DOCUMENT_HEAD = "Tên giấy tờ Mẫu đơn, tờ khai Số lượng"
_FALLBACK_COUNT = re.compile(r"Bản chính:\s*(\d+)\s*-\s*Bản sao:\s*(\d+)")
_FORM_FILE = re.compile(r"\s+\S+\.(?:docx?|pdf|xlsx?|rar|zip)$", re.IGNORECASE)


def is_fallback(text: str) -> bool:
    return FALLBACK_MARK in text


def fallback_channels(section: str) -> list[dict]:
    """[{"channel", "time", "fees": [(label, text)], "note"}] of the run-together channel table."""
    text = " ".join(section.split())
    if not text.startswith(_FALLBACK_CHANNEL_HEAD):
        return []
    text = text[len(_FALLBACK_CHANNEL_HEAD) :]
    starts = list(_FALLBACK_ROW.finditer(text))
    found = []
    for here, after in zip(starts, starts[1:] + [None], strict=False):
        row = text[here.end() : after.start() if after else len(text)].strip()
        time = processing_time(row)
        if time is not None:
            row = row[
                len(
                    re.match(
                        r"^\d+(?:[.,]\d+)?\s*(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút)?", row, re.I
                    ).group(0)
                ) :
            ]
        fees = [(m.group(1), m.group(2).strip()) for m in _FALLBACK_FEE.finditer(row)]
        note = _FALLBACK_FEE.sub("", row).strip()
        found.append({"channel": _CHANNELS[here.group(1)], "time": time, "fees": fees, "note": note})
    return found


def _document_name(text: str) -> str:
    return _FORM_FILE.sub("", text.strip()).strip(" -–*;+")


def fallback_documents(section: str) -> tuple[list[dict] | None, list[str] | None]:
    """(documents with their counts, the notes and headings between them) of the run-together table."""
    text = " ".join(section.split())
    groups = text.split(_FALLBACK_DOCUMENT_HEAD)
    documents, notes = [], []
    heading = groups[0].strip()
    for group in groups[1:]:
        if heading and heading != "Bao gồm":
            notes.append(heading)
        start = 0
        for match in _FALLBACK_COUNT.finditer(group):
            name = _document_name(group[start : match.start()])
            if name:
                documents.append(
                    {"name": name, "originals": int(match.group(1)), "copies": int(match.group(2)), "note": ""}
                )
            start = match.end()
        heading = group[start:].strip()
    if heading and heading != "Bao gồm":
        notes.append(heading)
    return documents or None, notes or None
