"""GraphQL types of the procedure catalog."""

from __future__ import annotations

from functools import lru_cache

import strawberry

from portal.api.pagination import PageInfo
from portal.procedures import model

ProcedureLevel = strawberry.enum(
    model.Level, name="ProcedureLevel", description="Implementing level since 1 July 2025."
)
OnlineLevel = strawberry.enum(model.OnlineLevel, name="OnlineLevel")
FormFieldType = strawberry.enum(model.FieldType, name="FormFieldType")


@strawberry.type
class RequiredDocument:
    name: str
    name_en: str
    originals: int
    copies: int
    note: str


@strawberry.type
class Fee:
    description: str
    description_en: str
    amount_vnd: int | None = strawberry.field(
        description="In đồng. 0: free. Null: not fixed (set by the Provincial People's Council, by vehicle type, "
        "...): the description says how it is set."
    )


@strawberry.type
class FormField:
    name: str
    label: str
    label_en: str
    type: FormFieldType
    required: bool
    options: list[str]


@strawberry.type
class Procedure:
    code: str = strawberry.field(description="National procedure code, e.g. 1.001193.")
    name: str
    name_en: str
    field: str = strawberry.field(description="Field (lĩnh vực), in Vietnamese.")
    field_en: str
    levels: list[ProcedureLevel]
    agency: str = strawberry.field(description="Competent agency.")
    agency_en: str
    documents: list[RequiredDocument]
    processing_days: int = strawberry.field(description="Legal processing time in working days (0: same day).")
    processing_note: str
    fees: list[Fee]
    legal_basis: list[str]
    online_level: OnlineLevel
    any_center: bool = strawberry.field(description="Can be filed at any center, regardless of residence.")
    form_fields: list[FormField] = strawberry.field(
        description="The online form (the applicant's identity is prefilled)."
    )
    is_sample: bool = strawberry.field(
        description="True when the entry's facts were not checked against the public catalog."
    )
    source_ref: str

    @classmethod
    def from_domain(cls, p: model.Procedure) -> Procedure:
        return _procedure_type(p)

    @classmethod
    def _build(cls, p: model.Procedure) -> Procedure:
        return cls(
            code=p.code,
            name=p.name,
            name_en=p.name_en,
            field=p.field,
            field_en=p.field_en,
            levels=list(p.levels),
            agency=p.agency,
            agency_en=p.agency_en,
            documents=[
                RequiredDocument(name=d.name, name_en=d.name_en, originals=d.originals, copies=d.copies, note=d.note)
                for d in p.documents
            ],
            processing_days=p.processing_days,
            processing_note=p.processing_note,
            fees=[
                Fee(description=f.description, description_en=f.description_en, amount_vnd=f.amount_vnd) for f in p.fees
            ],
            legal_basis=list(p.legal_basis),
            online_level=p.online_level,
            any_center=p.any_center,
            form_fields=[
                FormField(
                    name=f.name,
                    label=f.label,
                    label_en=f.label_en,
                    type=f.type,
                    required=f.required,
                    options=list(f.options),
                )
                for f in p.form_fields
            ],
            is_sample=p.is_sample,
            source_ref=p.source_ref,
        )


@lru_cache(maxsize=8192)
def _procedure_type(p: model.Procedure) -> Procedure:
    """Procedures are immutable catalog entries: a page of 50 dossiers of one procedure builds it once."""
    return Procedure._build(p)


@strawberry.type
class ProcedureEdge:
    node: Procedure
    score: float = strawberry.field(description="Search relevance (0 when listing without a query).")


@strawberry.type
class ProcedureConnection:
    edges: list[ProcedureEdge]
    page_info: PageInfo
    total_count: int


@strawberry.input
class ProcedureFilterInput:
    field: str | None = None
    level: ProcedureLevel | None = None
    online_level: OnlineLevel | None = None
    agency: str | None = strawberry.field(default=None, description="Part of the agency's name.")
