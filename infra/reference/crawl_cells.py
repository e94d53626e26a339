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
# A fee cell starts with its amount and the portal's unit field ("135 VNĐ", "10 USD"); the detail in
# parentheses often restates it with the real unit ("135 VNĐ(Lệ phí ...: 135.000 đồng/lần.)").
_DONG = r"(?:Việt Nam Đồng|VNĐ|Đồng|VND|đ(?![a-zà-ỹ]))"
_FOREIGN = r"(?:USD|EUR|Đô la Mỹ|đô la Mỹ)"
_CURRENCIES = {"usd": "USD", "eur": "EUR", "đô la mỹ": "USD"}
_NUMBER = r"\d{1,3}(?:[.,]\d{3})+|\d+"
_AMOUNT = re.compile(rf"^(?:(?:Lệ phí|Phí)\s*:?\s*)?({_NUMBER})\s*({_DONG}|{_FOREIGN})", re.IGNORECASE)
_STATED = re.compile(rf"({_NUMBER})\s*({_DONG}|{_FOREIGN})", re.IGNORECASE)
_UNIT_ONLY = re.compile(rf"^(?:{_DONG})$", re.IGNORECASE)
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


def _number(text: str) -> int:
    """A number with thousands separators ("135.000", "10,000") as an integer."""
    return int(re.sub(r"[.,]", "", text))


def _currency(unit: str) -> str:
    return _CURRENCIES.get(unit.lower(), "VND")


def _stated(detail: str) -> list[tuple[int, str]]:
    """The amounts the detail states with their own unit: [(135000, "VND"), (145, "USD")]."""
    return [(_number(m.group(1)), _currency(m.group(2))) for m in _STATED.finditer(detail)]


def _line(description: str, amount: int | None, currency: str | None, unclear: str = "") -> dict:
    line = {
        "description": description,
        "amount": amount,
        "currency": currency if amount is not None else None,
        "amount_vnd": amount if currency == "VND" else None,
    }
    if unclear:
        line["unclear"] = unclear
    return line


def fee_amount(leading: int, unit: str, detail: str) -> tuple[int | None, str | None, str]:
    """(amount, currency, why it is unclear) of a cell "<leading> <unit>(<detail>)".

    The unit field says đồng even for fees in US dollars and for amounts in thousands: a number of đồng is
    believed only when it is 1,000 or more, or when the detail states it (135 → "135.000 đồng"); a foreign
    currency only when the cell or its detail says so. Anything else is unclear: no amount."""
    currency = _currency(unit)
    stated = _stated(detail)
    if currency != "VND":
        return leading, currency, ""
    if (leading, "USD") in stated or (leading, "EUR") in stated:
        return leading, next(c for a, c in stated if a == leading and c != "VND"), ""
    if leading == 0 or leading >= 1000:
        return leading, "VND", ""
    if (leading * 1000, "VND") in stated:
        return leading * 1000, "VND", ""
    return None, None, f"{leading} {unit}: dưới 1.000 đồng và phần chi tiết không nêu số tiền"


def fee(cell: str) -> tuple[dict | None, bool]:
    """(the fee, whether the cell was understood). A fee is {"description", "amount", "currency", "amount_vnd"}
    (amount_vnd: the amount when in đồng); amount None: not fixed or unclear (the description says how it is
    set; "unclear" says why a stated amount was not believed). "Không có thông tin": (None, True)."""
    cell = cell.strip()
    if not cell or cell.startswith(NO_INFORMATION) or _UNIT_ONLY.match(cell):
        return None, True  # a bare "VNĐ": the portal shows a unit and no amount
    if cell.startswith("Miễn phí"):
        rest = cell[len("Miễn phí") :].lstrip()
        if rest.startswith("("):
            inside = _balanced_parenthesis(rest)
            if inside is None:  # a run of several amounts the portal did not close: how it is set, no amount
                return _line(" ".join(rest[1:].split())[:400], None, None), True
            how = inside.removeprefix("Đồng").strip(" ()")
            return (_line(how, None, None) if how else _line("Miễn phí", 0, "VND")), True
        return _line("Miễn phí", 0, "VND"), True
    unit_first = re.match(rf"^({_DONG})\s*(?=\()", cell)
    if unit_first:  # no amount, only how it is set
        inside = _balanced_parenthesis(cell[unit_first.end() :])
        return (_line(" ".join(inside.split()).strip(), None, None), True) if inside else (None, False)
    match = _AMOUNT.match(cell)
    if match:
        rest = cell[match.end() :].lstrip()
        detail = _balanced_parenthesis(rest) if rest.startswith("(") else None
        if detail is None and rest.startswith("("):  # unclosed: the detail runs to the end of the cell
            detail = rest[1:]
        amount, currency, unclear = fee_amount(_number(match.group(1)), match.group(2), detail or "")
        description = (match.group(0) + (f" ({' '.join(detail.split())})" if detail else ""))[:400]
        return _line(description, amount, currency, unclear), True
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
