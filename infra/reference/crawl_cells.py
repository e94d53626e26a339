"""Parsing the table cells of the national portal's procedure pages as the public crawls hold them.

chatbot-tthc's crawler kept each table as its cells' text run together ("Hình thức nộpThời gian...Trực
tuyến4 Ngày làm việcMiễn phí..."): the parsers below split it on what each cell must look like (a channel
name, a number of days, a count of originals and copies, a legal document's number). Whatever does not
have the expected shape is returned as None (unknown), never guessed; the importer counts those.
"""

from __future__ import annotations

import re

NO_INFORMATION = "Không có thông tin"
CHANNELS = {"Trực tuyến": "online", "Trực tiếp": "in_person", "Dịch vụ bưu chính": "post"}
_CHANNEL_TABLE_HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"
# A channel's row starts with its name and then its time: a number, or "Không có thông tin".
_CHANNEL_ROW = re.compile(r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=\d|Không có thông tin)")
_TIME = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút)?", re.IGNORECASE)
_UNITS = {
    "ngày làm việc": "working_days",
    "ngày": "days",
    "giờ làm việc": "working_hours",
    "giờ": "hours",
    "tháng": "months",
    "năm": "years",
    "phút": "minutes",
}
_AMOUNT = re.compile(
    r"^(?:(?:Lệ phí|Phí)\s*:?\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:Việt Nam Đồng|VNĐ|Đồng|đồng|VND)", re.IGNORECASE
)
_DOCUMENT_HEAD = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
_DOCUMENT = re.compile(r"(.+?)(\d+) bản chính(?:\s*,\s*(\d+) bản sao)?", re.DOTALL)
_ATTACHED_FILE = re.compile(r"[^.;:]*\.(?:docx?|pdf|xlsx?|rar|zip)$", re.IGNORECASE)
# Legal documents' numbers: 60/2014/QH13, 123/2015/NĐ-CP, 85/2019/TT-BTC, 163/QĐ-BTP.
_LEGAL_CODE = re.compile(r"\d{1,4}/(?:\d{4}/)?(?:QH\d{2}|[A-ZĐ]+(?:-[A-ZĐ]+)*)(?![a-zà-ỹđ])")
_RESULT_CODE = re.compile(r"Mã:\s*[A-Z0-9.\-]+")


def known(text: str | None) -> str | None:
    """The text, or None when the portal says it has no information."""
    text = " ".join((text or "").split())
    return None if not text or text == NO_INFORMATION else text


def processing_time(cell: str) -> dict | None:
    """{"amount": 4, "unit": "working_days" | ... | None, "note": ""}; None when the cell holds no number."""
    match = _TIME.match(cell.strip())
    if not match:
        return None
    amount = float(match.group(1).replace(",", "."))
    unit = _UNITS.get(match.group(2).lower()) if match.group(2) else None
    return {"amount": int(amount) if amount.is_integer() else amount, "unit": unit}


def _balanced_parenthesis(text: str) -> str | None:
    """The text inside the parenthesis that opens `text`, or None when it does not close."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return text[1:i]
    return None


def fee(cell: str) -> tuple[dict | None, bool]:
    """(the fee, whether the cell was understood). A fee is {"description", "amount_vnd"}; amount None: not
    fixed (the description says how it is set). "Không có thông tin": (None, True)."""
    cell = cell.strip()
    if not cell or cell.startswith(NO_INFORMATION):
        return None, True
    if cell.startswith("Miễn phí"):
        rest = cell[len("Miễn phí") :].lstrip()
        if rest.startswith("("):
            inside = _balanced_parenthesis(rest)
            if inside is None:
                return None, False
            how = inside.removeprefix("Đồng").strip(" ()")
            return {"description": how or "Miễn phí", "amount_vnd": None if how else 0}, True
        return {"description": "Miễn phí", "amount_vnd": 0}, True
    if cell.startswith("VNĐ("):  # no amount, only how it is set
        inside = _balanced_parenthesis(cell[len("VNĐ") :])
        return ({"description": inside.strip(), "amount_vnd": None}, True) if inside else (None, False)
    match = _AMOUNT.match(cell)
    if match:
        amount = int(re.sub(r"[.,]", "", match.group(1)))
        rest = cell[match.end() :].lstrip()
        detail = _balanced_parenthesis(rest) if rest.startswith("(") else None
        description = match.group(0) + (f" ({detail})" if detail else "")
        return {"description": description, "amount_vnd": amount}, True
    return None, False


def channel_rows(cell: str) -> list[tuple[str, str]] | None:
    """[(channel, the rest of its row)], or None when the cell is not the channel table."""
    text = (cell or "").strip()
    if not text.startswith(_CHANNEL_TABLE_HEAD):
        return None
    text = text[len(_CHANNEL_TABLE_HEAD) :]
    starts = list(_CHANNEL_ROW.finditer(text))
    if not starts:
        return []
    rows = []
    for here, after in zip(starts, starts[1:] + [None], strict=True):
        end = after.start() if after else len(text)
        rows.append((CHANNELS[here.group(1)], text[here.end() : end]))
    return rows


def time_prefix_length(row: str) -> int:
    match = _TIME.match(row)
    if match:
        return match.end()
    return len(NO_INFORMATION) if row.startswith(NO_INFORMATION) else 0


def documents(cell: str) -> list[dict] | None:
    """[{"name", "originals", "copies"}] from the run-together document tables; None when none parses."""
    text = known(cell)
    if not text or _DOCUMENT_HEAD not in text:
        return None
    found = []
    for table in text.split(_DOCUMENT_HEAD)[1:]:
        for match in _DOCUMENT.finditer(table):
            name = match.group(1).strip(" -–*\n")
            attached = _ATTACHED_FILE.search(name)
            if attached and attached.start() > 0:
                name = name[: attached.start() + 1].strip()
            if name:
                found.append(
                    {"name": name, "originals": int(match.group(2)), "copies": int(match.group(3) or 0), "note": ""}
                )
    return found or None


def legal_basis(cell: str) -> list[str] | None:
    text = known(cell)
    if not text or not text.startswith("Tên văn bản pháp lýMã văn bản"):
        return None
    text = text[len("Tên văn bản pháp lýMã văn bản") :]
    found, start = [], 0
    matches = list(_LEGAL_CODE.finditer(text))
    if not matches:
        return None
    for here, after in zip(matches, matches[1:] + [None], strict=True):
        if after is not None and after.start() == here.end() and after.group(0) == here.group(0):
            continue  # a title that names its own number ("Luật 54/2014/QH13"), then the number cell
        name, code = text[start : here.start()].strip(" .;"), here.group(0)
        if name:
            found.append(name if code in name else f"{name} ({code})")
        start = here.end()
    return found or None


def results(cell: str) -> list[str] | None:
    text = known(cell)
    if not text:
        return None
    text = text.split("Từ khóa", 1)[0]
    names = [part.strip(" .;") for part in _RESULT_CODE.split(text)]
    return [n for n in names if n] or None
