"""Procedures in DynamoDB <-> portal.procedures.model."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable

from portal.procedures.model import (
    DetailLevel,
    Fee,
    FeeExemption,
    FieldType,
    FilingChannel,
    FormField,
    Level,
    OnlineLevel,
    Procedure,
    ProcessingTime,
    Provenance,
    RequiredDocument,
    TimeLimit,
    TimeUnit,
)
from portal.store.procedure_items import (
    NATIONAL_CATALOG,
    DocumentMap,
    FeeExemptionMap,
    FeeMap,
    FormFieldMap,
    ProcedureItem,
    ProcessingTimeMap,
)
from portal.store.ttl_cache import MISSING, TtlCache


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
        time_amount=p.processing_time.amount if p.processing_time else None,
        time_unit=p.processing_time.unit.value if p.processing_time else None,
        time_source_text=p.processing_time.source_text if p.processing_time else "",
        fees=[
            FeeMap(
                description=f.description,
                description_en=f.description_en,
                amount_vnd=f.amount_vnd,
                channel=f.channel.value if f.channel else None,
                amount=f.amount,
                currency=f.currency,
                editorial=f.editorial,
            )
            for f in p.fees
        ],
        legal_basis=list(p.legal_basis),
        online_level=p.online_level.value if p.online_level else None,
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
        detail_level=p.detail_level.value,
        province_code=p.province_code,
        official_url=p.official_url,
        implementing_agency=p.implementing_agency,
        issuing_body=p.issuing_body,
        applicants=p.applicants,
        processing_times=[
            ProcessingTimeMap(
                channel=t.channel.value, amount=t.amount, unit=t.unit.value if t.unit else None, note=t.note
            )
            for t in p.processing_times
        ],
        conditions=p.conditions,
        results=list(p.results),
        decision=p.decision,
        popularity=p.popularity,
        exemptions=[
            FeeExemptionMap(
                code=e.code,
                description=e.description,
                description_en=e.description_en,
                amount_vnd=e.amount_vnd,
                proof=e.proof,
                proof_en=e.proof_en,
                source=e.source,
                legal_basis=e.legal_basis,
                published=e.published,
                published_file=e.published_file,
            )
            for e in p.exemptions
        ],
        document_notes=list(p.document_notes),
        notes=list(p.notes),
        provenance=_packed(p.provenance),
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
        processing_days=None if item.processing_days is None else int(item.processing_days),
        processing_note=item.processing_note,
        processing_time=(
            TimeLimit(int(item.time_amount), TimeUnit(item.time_unit), item.time_source_text)
            if item.time_unit and item.time_amount is not None
            else None
        ),
        fees=tuple(
            Fee(
                f.description,
                f.description_en,
                None if f.amount_vnd is None else int(f.amount_vnd),
                FilingChannel(f.channel) if f.channel else None,
                None if f.amount is None else _number(f.amount),
                f.currency,
                f.editorial or "",
            )
            for f in item.fees
        ),
        legal_basis=tuple(item.legal_basis),
        online_level=OnlineLevel(item.online_level) if item.online_level else None,
        any_center=item.any_center,
        form_fields=tuple(
            FormField(f.name, f.label, f.label_en, FieldType(f.type), f.required, tuple(f.options or ()))
            for f in item.form_fields
        ),
        is_sample=item.is_sample,
        source_ref=item.source_ref,
        detail_level=DetailLevel(item.detail_level),
        province_code=item.province_code,
        official_url=item.official_url,
        implementing_agency=item.implementing_agency,
        issuing_body=item.issuing_body or "",
        applicants=item.applicants,
        processing_times=tuple(
            ProcessingTime(FilingChannel(t.channel), float(t.amount), TimeUnit(t.unit) if t.unit else None, t.note)
            for t in item.processing_times or ()
        ),
        conditions=item.conditions,
        results=tuple(item.results or ()),
        decision=item.decision,
        popularity=int(item.popularity or 0),
        exemptions=tuple(
            FeeExemption(
                e.code,
                e.description,
                e.description_en,
                int(e.amount_vnd),
                e.proof,
                e.proof_en,
                e.source,
                e.legal_basis,
                e.published or "",
                e.published_file or "",
            )
            for e in item.exemptions or ()
        ),
        document_notes=tuple(item.document_notes or ()),
        notes=tuple(item.notes or ()),
        provenance=_unpacked(item.provenance),
    )


def _packed(sources: tuple[Provenance, ...]) -> bytes | None:
    if not sources:
        return None
    rows = [[s.field, s.file, s.part, s.text, s.editorial] for s in sources]
    return zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 9)


def _unpacked(blob: bytes | None) -> tuple[Provenance, ...]:
    if not blob:
        return ()
    return tuple(Provenance(*row) for row in json.loads(zlib.decompress(blob).decode("utf-8")))


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


class ProcedureStore:
    """Details by key; each container keeps what it read for `cache_seconds` (0: no cache)."""

    def __init__(self, cache_seconds: float = 0) -> None:
        self._by_code: TtlCache[str, Procedure | None] = TtlCache(cache_seconds)

    def get_many(self, codes: Iterable[str]) -> dict[str, Procedure]:
        """The cached ones, and one BatchGetItem per 100 of the others."""
        found: dict[str, Procedure] = {}
        missing = []
        for code in dict.fromkeys(codes):
            cached = self._by_code.get(code)
            if cached is MISSING:
                missing.append(code)
            elif cached is not None:
                found[code] = cached  # type: ignore[assignment]
        if missing:
            loaded = {item.code: from_item(item) for item in ProcedureItem.batch_get(missing)}
            for code in missing:
                self._by_code.put(code, loaded.get(code))
            found.update(loaded)
        return found

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
