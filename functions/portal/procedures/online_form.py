"""A procedure's online form as data: its fields and one slot per document of the catalog's list.

Every procedure that can be filed online has one definition (procedures/data/forms.json, written by
`python -m infra.reference.forms` and held by procedures/data/form.schema.json). A *designed* form is a
hand-checked procedure's own declaration fields, its required documents read one by one
(required_documents.py); a *generic* form asks what is requested (the catalog's results, when there are
several) and offers a slot per document, required only when its text makes it so (document_slots.py).
The server checks a submission against the definition; the site renders the same definition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from portal.errors import FieldProblem, InvalidInput
from portal.procedures.document_slots import DocumentSlot, Requirement, document_slots, slot_key
from portal.procedures.model import DetailLevel, FieldType, FormField, OnlineLevel, Procedure
from portal.procedures.required_documents import designed_slots


class FormKind(Enum):
    DESIGNED = "designed"
    GENERIC = "generic"


class NotOnline(Enum):
    """Why a procedure cannot be filed online (it may still be filed at a center or by post)."""

    NO_DETAILS = "no_details"  # known only from the national list, or its page lists no document
    NOT_ONLINE = "not_online"  # the catalog lists no online channel for it


@dataclass(frozen=True)
class FormDefinition:
    code: str
    kind: FormKind
    fields: tuple[FormField, ...]
    slots: tuple[DocumentSlot, ...]

    def required_slots(self) -> tuple[DocumentSlot, ...]:
        return tuple(s for s in self.slots if s.requirement is Requirement.REQUIRED)

    def offered_slots(self) -> tuple[DocumentSlot, ...]:
        """The slots a file may be given for (the ones the state holds or the officer makes are not)."""
        return tuple(s for s in self.slots if s.requirement in OFFERED)


OFFERED = (Requirement.REQUIRED, Requirement.CONDITIONAL)  # rows a file may be given for
REQUESTED_RESULT = "requested_result"
REQUEST_DETAILS = "request_details"


def generic_fields(procedure: Procedure, slots: tuple[DocumentSlot, ...] = ()) -> tuple[FormField, ...]:
    """What a generic form asks besides the documents: which of the catalog's results (when it lists
    several), and what the applicant asks for, required when no row of the list takes a file (every row is
    shown at the desk or held by the state): nothing is filed empty. The applicant is the signed-in person."""
    fields = []
    results = tuple(dict.fromkeys(r.strip() for r in procedure.results if r.strip()))
    if len(results) > 1:
        fields.append(
            FormField(
                REQUESTED_RESULT,
                "Kết quả đề nghị",
                "Result requested",
                FieldType.SELECT,
                required=True,
                options=tuple(r[:500] for r in results),
            )
        )
    takes_files = any(s.requirement in OFFERED for s in slots)
    label, label_en = ("Nội dung đề nghị (nếu cần)", "What you ask for (if needed)") if takes_files else (
        "Nội dung đề nghị", "What you ask for"
    )  # fmt: skip
    fields.append(FormField(REQUEST_DETAILS, label, label_en, FieldType.TEXTAREA, not takes_files))
    return tuple(fields)


def not_online(procedure: Procedure) -> NotOnline | None:
    """Why the procedure cannot be filed online, or None when it can (given a receiver)."""
    if procedure.form_fields:  # hand-checked with a designed form
        return None
    if procedure.detail_level is DetailLevel.LISTED or not procedure.documents:
        return NotOnline.NO_DETAILS
    if procedure.online_level is OnlineLevel.NONE:
        return NotOnline.NOT_ONLINE
    return None


def derive(procedure: Procedure) -> FormDefinition | None:
    """The definition read from the catalog itself (what forms.json holds, see infra/reference/forms.py):
    a hand-checked procedure's fields and checked documents, or a generic form over its document rows."""
    if not_online(procedure) is not None:
        return None
    if procedure.form_fields:
        return FormDefinition(procedure.code, FormKind.DESIGNED, procedure.form_fields, designed_slots(procedure))
    slots = document_slots(procedure.documents, procedure.document_notes)
    return FormDefinition(procedure.code, FormKind.GENERIC, generic_fields(procedure, slots), slots)


def _slot(raw: Mapping[str, Any]) -> DocumentSlot:
    return DocumentSlot(
        index=int(raw["index"]),
        requirement=Requirement(raw["requirement"]),
        condition=str(raw.get("condition", "")),
        electronic_ok=bool(raw.get("electronic_ok", False)),
        declaration=bool(raw.get("declaration", False)),
        template=bool(raw.get("template", False)),
    )


def _field(raw: Mapping[str, Any]) -> FormField:
    return FormField(
        raw["name"],
        raw["label"],
        raw["label_en"],
        FieldType(raw["type"]),
        bool(raw["required"]),
        tuple(raw.get("options", ())),
    )


def decode(
    raw: Mapping[str, Any], procedure: Procedure, group_fields: Mapping[str, Mapping[str, Any]] | None = None
) -> FormDefinition:
    """The definition of forms.json's entry for this procedure. A designed form's field may be a reference
    to a reusable group's field (`{"ref": "child.child_full_name"}`, form_groups.json); a generic form's
    fields are made from the procedure's own results, so they never drift from the catalog."""
    kind = FormKind(raw["kind"])
    slots = tuple(_slot(s) for s in raw.get("documents", ()) if int(s["index"]) < len(procedure.documents))
    if kind is FormKind.DESIGNED:
        fields = tuple(_field(group_fields[f["ref"]] if "ref" in f else f) for f in raw["fields"])
    else:
        fields = generic_fields(procedure, slots)
    return FormDefinition(procedure.code, kind, fields, slots)


def group_field_table(groups: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """form_groups.json's fields by reference ("child.child_full_name")."""
    return {f"{g}.{f['name']}": f for g, group in groups.items() for f in group["fields"]}


def encode(definition: FormDefinition) -> dict[str, Any]:
    """forms.json's entry: a generic form's fields are not written (they are made from the results)."""
    raw: dict[str, Any] = {"kind": definition.kind.value}
    if definition.kind is FormKind.DESIGNED:
        raw["fields"] = [encode_field(f) for f in definition.fields]
    raw["documents"] = [encode_slot(s) for s in definition.slots]
    return raw


def encode_slot(slot: DocumentSlot) -> dict[str, Any]:
    raw: dict[str, Any] = {"index": slot.index, "requirement": slot.requirement.value}
    if slot.condition:
        raw["condition"] = slot.condition
    if slot.electronic_ok:
        raw["electronic_ok"] = True
    if slot.declaration:
        raw["declaration"] = True
    if slot.template:
        raw["template"] = True
    return raw


def encode_field(field: FormField) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "name": field.name,
        "label": field.label,
        "label_en": field.label_en,
        "type": field.type.value,
        "required": field.required,
    }
    if field.options:
        raw["options"] = list(field.options)
    return raw


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_generic_documents(
    definition: FormDefinition, procedure: Procedure, filed: Iterable[str], electronic: Iterable[str]
) -> None:
    """Raises InvalidInput unless every required row of the catalog's list has a stored file standing for it
    (or, where the catalog accepts it, the agency's electronic copy), and the dossier carries at least one
    document of the list: nothing is filed empty, even when every row depends on a case."""
    filed, electronic = {slot_key(n) for n in filed}, {slot_key(n) for n in electronic}
    problems = []
    for slot in definition.required_slots():
        document = procedure.documents[slot.index]
        key = slot_key(document.name)
        if key in filed or (slot.electronic_ok and key in electronic):
            continue
        problems.append(
            FieldProblem(
                f"slots.{slot.index}",
                f"Cần đính kèm: {_short(document.name)}",
                f"Attach: {_short(document.name_en or document.name)}",
            )
        )
    names = {slot_key(procedure.documents[s.index].name) for s in definition.offered_slots()}
    if not problems and names and not (names & (filed | electronic)):
        problems.append(
            FieldProblem(
                "slots",
                "Hồ sơ chưa có giấy tờ nào: đính kèm ít nhất một giấy tờ trong danh sách của thủ tục.",
                "The dossier has no document: attach at least one document of the procedure's list.",
            )
        )
    if problems:
        raise InvalidInput("Thiếu giấy tờ bắt buộc.", "A required document is missing.", tuple(problems))


def refuse_online(procedure: Procedure, reason: NotOnline) -> InvalidInput:
    if reason is NotOnline.NOT_ONLINE:
        vi = f"Thủ tục «{procedure.name}» không có kênh nộp trực tuyến theo Cơ sở dữ liệu quốc gia về TTHC"
        en = f"'{procedure.name_en}' has no online channel in the national catalog"
    else:
        vi = f"Thủ tục «{procedure.name}» chưa có danh sách giấy tờ để nộp qua Cổng"
        en = f"'{procedure.name_en}' has no list of documents to file through the portal yet"
    return InvalidInput.for_field(
        "procedureCode",
        f"{vi}; vui lòng nộp tại trung tâm hoặc qua bưu chính.",
        f"{en}; please file it at a center or by post.",
    )
