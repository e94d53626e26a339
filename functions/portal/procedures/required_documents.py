"""Which documents an online filing must carry, per procedure: checked facts, one procedure at a time.

The catalog lists every document a procedure may involve, most of them conditional ("if any", "when
asked", the declaration form the online form replaces, papers the agency reads from the population
database). Whether one is required online is a legal reading, so it is written here explicitly for the
procedures checked, with the electronic equivalent that exempts it when the catalog's note names one
(e.g. 1.001193: "Không phải nộp bản giấy nếu đã có bản điện tử Giấy chứng sinh" - the birth
certificate the health facility issued electronically). A procedure not listed requires no file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from portal.errors import FieldProblem, InvalidInput
from portal.procedures.model import Procedure


@dataclass(frozen=True)
class RequiredDocument:
    starts_with: str  # the catalog document's name begins with this
    label: str
    label_en: str
    electronic_ok: bool  # an electronic equivalent held by the agency replaces the file


REQUIRED_ONLINE: dict[str, tuple[RequiredDocument, ...]] = {
    "1.001193": (RequiredDocument("Giấy chứng sinh", "Giấy chứng sinh", "birth certificate", electronic_ok=True),),
    "1.000656": (RequiredDocument("Giấy báo tử", "Giấy báo tử", "death notice", electronic_ok=True),),
}
MAX_ELECTRONIC = 20


def required_documents(procedure: Procedure) -> list[tuple[str, RequiredDocument]]:
    """(the catalog document's full name, the rule) for each document this procedure requires online."""
    found = []
    for rule in REQUIRED_ONLINE.get(procedure.code, ()):
        name = next((d.name for d in procedure.documents if d.name.startswith(rule.starts_with)), None)
        if name is not None:
            found.append((name, rule))
    return found


def check_required_documents(procedure: Procedure, attached: Iterable[str], electronic: Iterable[str]) -> None:
    """Raises InvalidInput when a required document has neither a file standing for it nor, where the law
    allows it, a declared electronic equivalent."""
    attached, electronic = set(attached), set(electronic)
    if len(electronic) > MAX_ELECTRONIC:
        raise InvalidInput.for_field("electronicDocuments", "Quá nhiều giấy tờ.", "Too many documents.")
    problems = []
    for name, rule in required_documents(procedure):
        if name in attached or (rule.electronic_ok and name in electronic):
            continue
        how_vi = " hoặc cho biết cơ quan đã có bản điện tử" if rule.electronic_ok else ""
        how_en = ", or say the agency holds its electronic version" if rule.electronic_ok else ""
        problems.append(
            FieldProblem(
                "attachments",
                f"Cần đính kèm {rule.label} (chọn tệp và ghi «{rule.label}» là giấy tờ nó thay thế){how_vi}.",
                f"Attach the {rule.label_en} (choose a file and say it stands for the {rule.label_en}){how_en}.",
            )
        )
    if problems:
        raise InvalidInput("Thiếu giấy tờ bắt buộc.", "A required document is missing.", tuple(problems))
