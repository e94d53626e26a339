"""What each document of a procedure's catalog list asks of an online filing, read from its own words.

The national catalog lists every document a procedure may involve as free text: most are required, some
only in a case the text names ("trường hợp ...", "nếu có", "đối với ..."), some are shown at the desk
rather than filed ("xuất trình"), and some are identity papers the state already holds (the applicant's
identity is verified at sign-in and the population database holds the rest: Luật Cư trú 2020 ended the
household book; the catalog's own notes say "không phải xuất trình nếu cơ quan khai thác được thông tin
từ CSDL quốc gia về dân cư"). The reading is deliberately cautious: a row is required only when nothing
in its text or note makes it conditional, and a list that mixes the cases of several situations (a case
heading among its notes) requires none blindly: the filing must then carry at least one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from portal.input_limits import LIMITS
from portal.procedures.model import RequiredDocument


class Requirement(Enum):
    REQUIRED = "required"  # a file (or, where the catalog allows, the agency's electronic copy) must stand for it
    CONDITIONAL = "conditional"  # only in the case its text names: offered with the condition, never forced
    SHOWN = "shown"  # shown at the desk or read by the officer ("xuất trình"): no file is asked online
    STATE_HELD = "state_held"  # identity or residence papers the state holds: never asked for
    # Hand-checked forms only (procedures/required_documents.py): the declaration the online form replaces,
    # and rows checked as not filed online (made by the officer, handed in at the desk, ...).
    REPLACED = "replaced"
    NOT_FILED = "not_filed"


@dataclass(frozen=True)
class DocumentSlot:
    """One row of the catalog's list as the online form offers it."""

    index: int  # its position in the procedure's documents
    requirement: Requirement
    condition: str = ""  # the words that make it conditional, as the catalog says them
    electronic_ok: bool = False  # the catalog accepts the agency's electronic copy instead of a file
    declaration: bool = False  # the application or declaration itself (tờ khai, đơn, giấy đề nghị ...)
    template: bool = False  # the catalog attaches a template file to the row (downloadable from its page)


# Words that make a row apply only in some case. "Trường hợp" and "nếu" anywhere; "đối với", "khi", "riêng"
# only where they open the row (inside a row they usually qualify a noun: "... đối với xe ô tô").
_CONDITION = re.compile(
    r"(trường hợp|\bnếu\b|\btrừ\b|khi (cần|có yêu cầu|được yêu cầu)|(nếu|khi) có|\(nếu|"
    r"kèm theo \(nếu|tùy theo|tuỳ theo|\bTH\b)",
    re.IGNORECASE,
)
_OPENING_CONDITION = re.compile(r"^(đối với|khi|riêng|ngoài ra|bổ sung|thêm)\b", re.IGNORECASE)
_NOTE_CONDITION = re.compile(r"(nếu có|trường hợp|khi cần|nếu|xuất trình khi)", re.IGNORECASE)
_SHOWN = re.compile(r"xuất trình", re.IGNORECASE)
_SUBMITTED = re.compile(r"\b(nộp|bản sao|bản chụp|bản chính)\b", re.IGNORECASE)
_STATE_HELD = re.compile(
    r"(căn cước|chứng minh nhân dân|\bCMND\b|\bCCCD\b|giấy tờ tùy thân|giấy tờ tuỳ thân|số định danh cá nhân|"
    r"sổ hộ khẩu|sổ tạm trú|giấy tờ chứng minh (nhân thân|thông tin về cư trú|nơi cư trú))",
    re.IGNORECASE,
)
_ELECTRONIC = re.compile(
    r"(bản điện tử|bản sao điện tử|dữ liệu điện tử|CSDL|cơ sở dữ liệu|định danh điện tử|VNeID|khai thác)",
    re.IGNORECASE,
)
_DECLARATION = re.compile(
    r"^(mẫu\s+)?(tờ khai|bản khai|đơn\b|giấy đề nghị|văn bản đề nghị|phiếu đề nghị|phiếu đăng ký|tờ trình|"
    r"giấy đăng ký|văn bản đăng ký|thông báo|công văn đề nghị)",
    re.IGNORECASE,
)
# What opens a row before its words: numbering ("1.", "a)", "i)"), bullets and tabs.
_LEADER = re.compile(
    r"^[\s\-+•*·–—.]*(\(?(\d{1,2}(\.\d{1,2})*|[a-zđ]|[ivx]{1,4})[.):]\s*!?)?[\s\-+•*·–—!]*"
    r"(mẫu số \d+[a-z]?[./]?[\s.:]*(?=\w))?",
    re.IGNORECASE,
)
# The numbering itself, to tell a list that restarts its numbering (one run per case) from a plain list.
_NUMBERING = re.compile(r"^[\s\-+•*·–—]*\(?((\d{1,2}|[a-zđ]|[ivx]{1,4})[.)])", re.IGNORECASE)
# A note that heads the documents of one case among several ("Trường hợp cấp lại:", "b) Đối với tổ chức:").
_DEPENDS = re.compile(r"(tương ứng với (nội dung|từng trường hợp)|theo từng trường hợp)", re.IGNORECASE)
# The crawl glues the name of the row's template file to its words ("... theo Mẫu số 03Mẫu số 03.docx").
_TEMPLATE_FILE = re.compile(r"\.(docx?|xlsx?|pdf|rar|zip)\s*$", re.IGNORECASE)
_CASE_HEADING = re.compile(r"^(trường hợp|đối với|th\b|hồ sơ (đối với|trong trường hợp))", re.IGNORECASE)


SLOT_KEY_LENGTH = 300  # input_limits' documentName: how long a file's slot may be


def slot_key(name: str) -> str:
    """What a file sends to say which row it stands for: the row's words without the spaces or tabs the
    crawl left around them, cut to what an input may carry (a few crawled rows run to thousands of
    characters; their first 300 tell them apart)."""
    return name.strip()[:SLOT_KEY_LENGTH].strip()


def row_words(name: str) -> str:
    """The row without its numbering or bullet: what it says."""
    return _LEADER.sub("", name, count=1).strip()


def _condition(words: str) -> str:
    found = _CONDITION.search(words)
    if found:
        return words[found.start() :].strip(" ().;:")[:300]
    if _OPENING_CONDITION.match(words):
        return words[:300]
    return ""


def mixes_cases(documents: tuple[RequiredDocument, ...], notes: tuple[str, ...] = ()) -> bool:
    """Whether the list holds the documents of several cases: a note heads one case ("Trường hợp cấp lại:"),
    a row says the file depends on what is asked ("hồ sơ bao gồm các giấy tờ tương ứng ..."), or the rows'
    numbering starts again (one run of "a) b) c)" per case)."""
    if any(_CASE_HEADING.match(row_words(note)) for note in notes):
        return True
    if any(_DEPENDS.search(d.name) for d in documents):
        return True
    labels = [m.group(1).lower() for d in documents if (m := _NUMBERING.match(d.name))]
    return len(labels) != len(set(labels))


def slot_for(index: int, document: RequiredDocument, cases: bool = False) -> DocumentSlot:
    words = row_words(document.name)
    note = document.note.strip()
    electronic = bool(_ELECTRONIC.search(words) or _ELECTRONIC.search(note))
    declaration = bool(_DECLARATION.match(words))
    template = bool(_TEMPLATE_FILE.search(words))
    if _STATE_HELD.search(words[:80]) and not declaration:
        return DocumentSlot(index, Requirement.STATE_HELD, electronic_ok=True, template=template)
    if _SHOWN.search(words) and not _SUBMITTED.search(words.split("xuất trình")[0]):
        return DocumentSlot(index, Requirement.SHOWN, electronic_ok=electronic, template=template)
    condition = _condition(words) or (note[:300] if _NOTE_CONDITION.search(note) else "")
    if not condition and words[:1].islower():  # a fragment of the row above, cut by the crawl: its case
        condition = "tiếp theo giấy tờ liền trên"
    if not condition and cases:
        condition = "theo trường hợp của hồ sơ"
    requirement = Requirement.CONDITIONAL if condition else Requirement.REQUIRED
    return DocumentSlot(index, requirement, condition, electronic, declaration, template)


MOST_REQUIRED = LIMITS["dossierFiles"]  # the files a dossier holds (documents/policy.py)


def document_slots(documents: tuple[RequiredDocument, ...], notes: tuple[str, ...] = ()) -> tuple[DocumentSlot, ...]:
    """A slot per distinct row (the crawls repeat some rows word for word: the first stands for both). A
    list that would require more rows than a dossier holds files is a list of several cases too."""
    cases = mixes_cases(documents, notes)
    if not cases:
        read = [slot_for(i, d) for i, d in enumerate(documents)]
        cases = sum(s.requirement is Requirement.REQUIRED and not s.electronic_ok for s in read) > MOST_REQUIRED
    seen: set[str] = set()
    slots = []
    for i, document in enumerate(documents):
        key = " ".join(row_words(document.name).lower().split()).rstrip(" .;:")
        if key in seen:
            continue
        seen.add(key)
        slots.append(slot_for(i, document, cases))
    return tuple(slots)
