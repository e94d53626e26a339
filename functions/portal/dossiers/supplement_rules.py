"""What an officer's supplement request may ask for.

A supplement is requested once, listing everything needed (Decree 118/2025), and it may ask only for
documents on the procedure's list in the national catalog, or, for anything else, cite the legal basis
that lets the agency ask for it. Each item is therefore either a row of the procedure's list, named by
its slot key (`portal.procedures.document_slots.slot_key`: the row's words cut to 300 characters), or
something else with its basis. A basis must name an act: its kind followed by its name or number (Hiến
pháp, Bộ luật, Luật, Pháp lệnh, Nghị định, Nghị quyết, Thông tư, Quyết định, with or without diacritics) or
its number (`60/2014/QH13`, `123/2015/NĐ-CP`, `06/QĐ-TTg`). "Điều 5", "theo quy định" or "pháp luật" name
none and are refused. This bars the empty phrase, not a wrong citation: the citation is the officer's, on
the record (timeline, slip, notification) for the applicant to contest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from portal.dossiers.model import SupplementItem
from portal.errors import FieldProblem, InvalidInput
from portal.input_limits import LIMITS, too_long
from portal.text import fold

# An act's number: 60/2014/QH13, 123/2015/NĐ-CP, 66.7/2025/NQ-CP, 06/QĐ-TTg, 04/2020/TT-BTP.
_ACT_NUMBER = re.compile(r"\b\d{1,4}(\.\d{1,3})?/(\d{4}/)?[A-ZĐ]{2,}[A-ZĐ0-9]*(-[A-ZĐ0-9]+)*")
# An act's kind followed by its name or number, on the folded text (no diacritics, lower case), so "Nghi
# dinh 87/2020" counts as "Nghị định 87/2020"; "pháp luật" (the law in general) and "luật định" (prescribed by
# law) name no act, nor does a kind alone.
_ACT_KIND = re.compile(
    r"\b(hien phap|bo luat|(?<!phap )luat(?! dinh\b)|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh) \w"
)


@dataclass(frozen=True)
class OtherItem:
    """Something not on the procedure's list, and the legal basis for asking it."""

    what: str
    legal_basis: str


@dataclass(frozen=True)
class SupplementRequest:
    """What the officer sends: documents of the list by slot key, and other items with their bases."""

    documents: tuple[str, ...] = ()
    others: tuple[OtherItem, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.documents and not self.others


def names_an_act(basis: str) -> bool:
    """Whether a legal basis names an act, by its kind or its number."""
    return bool(_ACT_NUMBER.search(basis.upper()) or _ACT_KIND.search(fold(basis)))


def check_sizes(request: SupplementRequest) -> None:
    """InvalidInput naming the limit when the request is larger than any input may be (before any work)."""
    if len(request.documents) + len(request.others) > LIMITS["supplementItems"]:
        raise too_long("supplement", LIMITS["supplementItems"], "mục", "items")
    for i, slot in enumerate(request.documents):
        if len(slot) > LIMITS["documentName"]:
            raise too_long(f"supplement.documents.{i}", LIMITS["documentName"])
    for i, other in enumerate(request.others):
        if len(other.what) > LIMITS["supplementWhat"]:
            raise too_long(f"supplement.others.{i}.what", LIMITS["supplementWhat"])
        if len(other.legal_basis) > LIMITS["legalBasis"]:
            raise too_long(f"supplement.others.{i}.legalBasis", LIMITS["legalBasis"])


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def asked_items(request: SupplementRequest, listed: Iterable[str]) -> tuple[SupplementItem, ...]:
    """The request's items, the listed documents first (each once, in the order sent), or InvalidInput with
    a problem per item refused: a document not on the procedure's list (`listed`: its slot keys), another
    item without what it is, without a basis, or with a basis that names no act."""
    check_sizes(request)
    if request.empty:
        raise InvalidInput.for_field(
            "supplement",
            "Yêu cầu bổ sung phải liệt kê ít nhất một giấy tờ hoặc nội dung cần bổ sung.",
            "A supplement request must list at least one document or item to supplement.",
        )
    on_list = frozenset(listed)
    problems: list[FieldProblem] = []
    items: list[SupplementItem] = []
    for i, slot in enumerate(request.documents):
        if slot not in on_list:
            problems.append(
                FieldProblem(
                    f"supplement.documents.{i}",
                    f"«{_short(slot)}» không có trong danh sách thành phần hồ sơ của thủ tục: chỉ được yêu cầu "
                    "giấy tờ của danh sách, hoặc nêu căn cứ pháp lý của nội dung khác.",
                    f"'{_short(slot)}' is not on the procedure's list of documents: ask only for documents of "
                    "the list, or cite the legal basis of anything else.",
                )
            )
        elif all(item.what != slot for item in items):
            items.append(SupplementItem(slot))
    for i, other in enumerate(request.others):
        what, basis = " ".join(other.what.split()), " ".join(other.legal_basis.split())
        field, refused = f"supplement.others.{i}", len(problems)
        if not what:
            problems.append(
                FieldProblem(
                    f"{field}.what",
                    "Ghi rõ giấy tờ hoặc nội dung cần bổ sung.",
                    "Say which document or item is to be supplemented.",
                )
            )
        if not basis:
            problems.append(
                FieldProblem(
                    f"{field}.legalBasis",
                    "Nội dung ngoài danh sách của thủ tục phải nêu căn cứ pháp lý cho phép yêu cầu.",
                    "An item not on the procedure's list must cite the legal basis that allows asking for it.",
                )
            )
        elif not names_an_act(basis):
            problems.append(
                FieldProblem(
                    f"{field}.legalBasis",
                    "Căn cứ pháp lý phải nêu văn bản: loại văn bản (Luật, Nghị định, Thông tư, Quyết định…) "
                    "hoặc số hiệu (như 123/2015/NĐ-CP).",
                    "The legal basis must name the act: its kind (Law, Decree, Circular, Decision…) or its "
                    "number (such as 123/2015/NĐ-CP).",
                )
            )
        if len(problems) == refused:
            items.append(SupplementItem(what, basis))
    if problems:
        raise InvalidInput("Yêu cầu bổ sung chưa hợp lệ.", "The supplement request is not valid.", tuple(problems))
    return tuple(items)


def asked_lines(items: Iterable[SupplementItem], english: bool = False) -> list[str]:
    """Each item as a line of a slip or a notification: the document, or the item and its basis."""
    basis = "legal basis" if english else "căn cứ"
    return [item.what if item.listed else f"{item.what} ({basis}: {item.legal_basis})" for item in items]


def asked_text(items: Iterable[SupplementItem], note: str = "", english: bool = False) -> str:
    """The items as a numbered list, then the officer's note (what a slip or a message prints)."""
    lines = [f"{n}. {line}" for n, line in enumerate(asked_lines(items, english), 1)]
    return "\n".join([*lines, note] if note else lines)
