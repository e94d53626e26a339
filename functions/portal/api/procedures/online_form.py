"""GraphQL types of a procedure's online form: its fields and one slot per document of the catalog's list."""

from __future__ import annotations

import strawberry

from portal.api.procedures.details import FormField
from portal.procedures import document_slots, model, online_form
from portal.procedures.document_slots import slot_key

OnlineFormKind = strawberry.enum(
    online_form.FormKind,
    name="OnlineFormKind",
    description="DESIGNED: the procedure's own declaration fields; GENERIC: what is requested and the documents.",
)
NotOnlineReason = strawberry.enum(
    online_form.NotOnline,
    name="NotOnlineReason",
    description="NO_DETAILS: the catalog gives no list of documents; NOT_ONLINE: it lists no online channel.",
)
DocumentRequirement = strawberry.enum(
    document_slots.Requirement,
    name="DocumentRequirement",
    description="REQUIRED: a file must stand for it (or the agency's electronic copy where ELECTRONIC_OK); "
    "CONDITIONAL: only in the case `condition` names; SHOWN: shown at the desk, no file online; STATE_HELD: "
    "identity or residence papers the state holds, never asked for; REPLACED: the declaration the online form "
    "replaces; NOT_FILED: checked as not filed online (made by the officer, handed in at the desk).",
)


@strawberry.type(description="One document of the catalog's list as the online form offers it.")
class DocumentSlot:
    index: int = strawberry.field(description="Its position in the procedure's documents.")
    name: str = strawberry.field(description="The catalog's words.")
    slot: str = strawberry.field(
        description="What a file sends as its slot to stand for this row (the words, cut to 300 characters)."
    )
    name_en: str
    originals: int
    copies: int
    note: str
    requirement: DocumentRequirement
    condition: str = strawberry.field(description="The catalog's words that make it conditional; else empty.")
    electronic_ok: bool = strawberry.field(description="The agency's electronic copy may stand for it.")
    declaration: bool = strawberry.field(description="The application or declaration itself (tờ khai, đơn ...).")
    template: bool = strawberry.field(
        description="The catalog attaches a template file to the row, downloadable from the procedure's officialUrl."
    )


@strawberry.type(description="The form the site renders and the server checks a submission against.")
class OnlineForm:
    kind: OnlineFormKind
    fields: list[FormField]
    documents: list[DocumentSlot]


def online_form_type(definition: online_form.FormDefinition, procedure: model.Procedure) -> OnlineForm:
    return OnlineForm(
        kind=definition.kind,
        fields=[FormField.of(f) for f in definition.fields],
        documents=[
            DocumentSlot(
                index=s.index,
                name=(d := procedure.documents[s.index]).name,
                slot=slot_key(d.name),
                name_en=d.name_en,
                originals=d.originals,
                copies=d.copies,
                note=d.note,
                requirement=s.requirement,
                condition=s.condition,
                electronic_ok=s.electronic_ok,
                declaration=s.declaration,
                template=s.template,
            )
            for s in definition.slots
        ],
    )
