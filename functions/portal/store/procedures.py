"""Procedures in DynamoDB <-> portal.procedures.model."""

from __future__ import annotations

from collections.abc import Iterable

from portal.procedures.model import (
    Fee,
    FieldType,
    FormField,
    Level,
    OnlineLevel,
    Procedure,
    RequiredDocument,
)
from portal.store.procedure_items import (
    NATIONAL_CATALOG,
    DocumentMap,
    FeeMap,
    FormFieldMap,
    ProcedureItem,
)


def to_item(p: Procedure, catalog: str = NATIONAL_CATALOG) -> ProcedureItem:
    return ProcedureItem(
        code=p.code,
        catalog=catalog,
        name=p.name,
        name_en=p.name_en,
        field=p.field,
        field_en=p.field_en,
        levels=[level.value for level in p.levels],
        agency=p.agency,
        agency_en=p.agency_en,
        documents=[
            DocumentMap(name=d.name, name_en=d.name_en, originals=d.originals, copies=d.copies, note=d.note)
            for d in p.documents
        ],
        processing_days=p.processing_days,
        processing_note=p.processing_note,
        fees=[
            FeeMap(description=f.description, description_en=f.description_en, amount_vnd=f.amount_vnd) for f in p.fees
        ],
        legal_basis=list(p.legal_basis),
        online_level=p.online_level.value,
        any_center=p.any_center,
        form_fields=[
            FormFieldMap(
                name=f.name,
                label=f.label,
                label_en=f.label_en,
                type=f.type.value,
                required=f.required,
                options=list(f.options),
            )
            for f in p.form_fields
        ],
        is_sample=p.is_sample,
        source_ref=p.source_ref,
    )


def from_item(item: ProcedureItem) -> Procedure:
    return Procedure(
        code=item.code,
        name=item.name,
        name_en=item.name_en,
        field=item.field,
        field_en=item.field_en,
        levels=tuple(Level(v) for v in item.levels),
        agency=item.agency,
        agency_en=item.agency_en,
        documents=tuple(
            RequiredDocument(d.name, d.name_en, int(d.originals), int(d.copies), d.note) for d in item.documents
        ),
        processing_days=int(item.processing_days),
        processing_note=item.processing_note,
        fees=tuple(
            Fee(f.description, f.description_en, None if f.amount_vnd is None else int(f.amount_vnd)) for f in item.fees
        ),
        legal_basis=tuple(item.legal_basis),
        online_level=OnlineLevel(item.online_level),
        any_center=item.any_center,
        form_fields=tuple(
            FormField(f.name, f.label, f.label_en, FieldType(f.type), f.required, tuple(f.options or ()))
            for f in item.form_fields
        ),
        is_sample=item.is_sample,
        source_ref=item.source_ref,
    )


class ProcedureStore:
    def load_catalog(self, catalog: str = NATIONAL_CATALOG) -> list[Procedure]:
        """Every procedure of a catalog: one paginated Query on the catalog index (never a Scan)."""
        return [from_item(item) for item in ProcedureItem.catalog_index.query(catalog)]

    def put_many(self, procedures: Iterable[Procedure]) -> int:
        count = 0
        with ProcedureItem.batch_write() as batch:
            for procedure in procedures:
                batch.save(to_item(procedure))
                count += 1
        return count
