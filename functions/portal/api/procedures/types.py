"""GraphQL types of the procedure catalog."""

from __future__ import annotations

from functools import lru_cache

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.api.procedures.details import (
    DetailLevel,
    DetailSource,
    Fee,
    FeeExemption,
    FormField,
    OnlineLevel,
    ProcedureLevel,
    ProcessingTime,
    ReceivingAgency,
    RequiredDocument,
    TimeLimit,
    _fee,
)
from portal.api.procedures.online_form import NotOnlineReason, OnlineForm, online_form_type
from portal.centers.routing import receiving_agency
from portal.procedures import model
from portal.procedures.online_form import NotOnline, not_online


@strawberry.type(
    description="A procedure of the national catalog. Its summary comes from the search index; the "
    "details (documents, fees, ...) are read by key, in one batch for a page of results."
)
class Procedure:
    code: str = strawberry.field(description="National procedure code, e.g. 1.001193.")
    name: str
    name_en: str = strawberry.field(description="Empty when no English name has been written yet.")
    field: str = strawberry.field(description="Field (lĩnh vực), in Vietnamese.")
    field_en: str
    levels: list[ProcedureLevel]
    agency: str = strawberry.field(description="Competent agency.")
    agency_en: str
    online_level: OnlineLevel | None = strawberry.field(
        description="Null where the source does not say (it may list an online channel: see processingTimes)."
    )
    any_center: bool = strawberry.field(description="Can be filed at any center, regardless of residence.")
    is_sample: bool = strawberry.field(
        description="True when the entry's facts were not checked against the public catalog."
    )
    detail_level: DetailLevel
    province_code: str | None = strawberry.field(
        description="A province's own procedure (served for that province only); null for national ones."
    )
    official_url: str = strawberry.field(description="The procedure's page on dichvucong.gov.vn.")
    preloaded: strawberry.Private[model.Procedure | None] = None
    summary: strawberry.Private[model.ProcedureSummary | None] = None

    @classmethod
    def from_domain(cls, p: model.Procedure) -> Procedure:
        return cls._build(p.summary(), p)

    @classmethod
    def from_summary(cls, s: model.ProcedureSummary) -> Procedure:
        return _procedure_type(s)

    @classmethod
    def _build(cls, s: model.ProcedureSummary, details: model.Procedure | None = None) -> Procedure:
        return cls(
            code=s.code,
            name=s.name,
            name_en=s.name_en,
            field=s.field,
            field_en=s.field_en,
            levels=list(s.levels),
            agency=s.agency,
            agency_en=s.agency_en,
            online_level=s.online_level,
            any_center=s.any_center,
            is_sample=s.is_sample,
            detail_level=s.detail_level,
            province_code=s.province_code,
            official_url=s.official_url,
            preloaded=details,
            summary=s,
        )

    @strawberry.field(
        description="Which of the procedures sharing its name this one is, in one line of the catalog's words "
        "(e.g. «Đăng ký lại · Có yếu tố nước ngoài», «Cấp lại · Cấp tỉnh»); null when no other procedure shares "
        "its name, or nothing the catalog says tells them apart."
    )
    def variant_note(self, info: Info[PortalContext, None]) -> str | None:
        note = self.summary and info.context.services.public_catalog.variant_note(self.summary)
        return note.vi if note else None

    @strawberry.field(
        description="variantNote in English (agencies the catalog gives no English for stay in Vietnamese)."
    )
    def variant_note_en(self, info: Info[PortalContext, None]) -> str | None:
        note = self.summary and info.context.services.public_catalog.variant_note(self.summary)
        return note.en if note else None

    @strawberry.field(
        description="Where its central-level dossiers go: the ministry or central agency the catalog's agency text "
        "names (or, naming none, the one that published it). Null without a central level, or when the text "
        "names a court, a local body or any ministry: `agency` then says where to file."
    )
    def receiving_agency(self) -> ReceivingAgency | None:
        agency = receiving_agency(self.summary) if self.summary else None
        return ReceivingAgency(center_id=agency.id, name=agency.name, name_en=agency.name_en) if agency else None

    async def _details(self, info: Info[PortalContext, None]) -> model.Procedure | None:
        if self.preloaded is not None:
            return self.preloaded
        return await info.context.loaders.procedure_details.load(self.code)

    @strawberry.field(
        description="True when the details (documents, fees, processing times, ...) could not be read just now: "
        "the summary comes from the search index and the detail fields are empty or null; ask again in a moment."
    )
    async def details_unavailable(self, info: Info[PortalContext, None]) -> bool:
        if self.preloaded is not None:
            return False
        await self._details(info)
        return self.code in info.context.loaders.details_unavailable

    @strawberry.field(description="Documents to submit.")
    async def documents(self, info: Info[PortalContext, None]) -> list[RequiredDocument]:
        p = await self._details(info)
        return [
            RequiredDocument(name=d.name, name_en=d.name_en, originals=d.originals, copies=d.copies, note=d.note)
            for d in (p.documents if p else ())
        ]

    @strawberry.field(
        description="Legal processing time in working days; null when it is not given in working days "
        "(see processingTime for its unit) or unknown."
    )
    async def processing_days(self, info: Info[PortalContext, None]) -> int | None:
        p = await self._details(info)
        return p.processing_days if p else None

    @strawberry.field(
        description="The processing time the appointment is counted from, with its unit; null when no source "
        "gives one: the receiving officer then sets the appointment at reception."
    )
    async def processing_time(self, info: Info) -> TimeLimit | None:
        p = await self._details(info)
        limit = p.time_limit if p else None
        return TimeLimit.from_domain(limit) if limit else None

    @strawberry.field
    async def processing_note(self, info: Info[PortalContext, None]) -> str:
        p = await self._details(info)
        return p.processing_note if p else ""

    @strawberry.field(description="Processing time per channel, in the unit the catalog gives.")
    async def processing_times(self, info: Info[PortalContext, None]) -> list[ProcessingTime]:
        p = await self._details(info)
        return [
            ProcessingTime(channel=t.channel, amount=t.amount, unit=t.unit, note=t.note)
            for t in (p.processing_times if p else ())
        ]

    @strawberry.field(description="Fees; empty when the source does not give them.")
    async def fees(self, info: Info[PortalContext, None]) -> list[Fee]:
        p = await self._details(info)
        return [_fee(f) for f in (p.fees if p else ())]

    @strawberry.field(description="Exemptions the fee lines name; empty when they name none.")
    async def fee_exemptions(self, info: Info[PortalContext, None]) -> list[FeeExemption]:
        p = await self._details(info)
        return [
            FeeExemption(
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
            for e in (p.exemptions if p else ())
        ]

    @strawberry.field
    async def legal_basis(self, info: Info[PortalContext, None]) -> list[str]:
        p = await self._details(info)
        return list(p.legal_basis) if p else []

    @strawberry.field(description="The online form (the applicant's identity is prefilled).")
    async def form_fields(self, info: Info[PortalContext, None]) -> list[FormField]:
        p = await self._details(info)
        return [FormField.of(f) for f in (p.form_fields if p else ())]

    @strawberry.field(
        description="The online form: fields and a slot per document, as the server checks a submission; null "
        "when the procedure cannot be filed online (see notOnlineReason)."
    )
    async def online_form(self, info: Info[PortalContext, None]) -> OnlineForm | None:
        p = await self._details(info)
        definition = p and info.context.services.public_catalog.online_form(p)
        return online_form_type(definition, p) if definition and p else None

    @strawberry.field(description="Why it cannot be filed online; null when it can (at a center that receives it).")
    async def not_online_reason(self, info: Info[PortalContext, None]) -> NotOnlineReason | None:
        p = await self._details(info)
        return not_online(p) if p else NotOnline.NO_DETAILS

    @strawberry.field(description="Implementing agency (cơ quan thực hiện).")
    async def implementing_agency(self, info: Info[PortalContext, None]) -> str:
        p = await self._details(info)
        return p.implementing_agency if p else ""

    @strawberry.field(description="Who may apply (đối tượng thực hiện).")
    async def applicants(self, info: Info[PortalContext, None]) -> str:
        p = await self._details(info)
        return p.applicants if p else ""

    @strawberry.field(description="Conditions to meet; null where the source does not say.")
    async def conditions(self, info: Info[PortalContext, None]) -> str | None:
        p = await self._details(info)
        return p.conditions if p else None

    @strawberry.field(description="What the applicant receives.")
    async def results(self, info: Info[PortalContext, None]) -> list[str]:
        p = await self._details(info)
        return list(p.results) if p else []

    @strawberry.field(description="The act that published the procedure (số quyết định công bố).")
    async def decision(self, info: Info[PortalContext, None]) -> str:
        p = await self._details(info)
        return p.decision if p else ""

    @strawberry.field(description="Notes and headings of the documents table («Lưu ý: ...»): not documents to submit.")
    async def document_notes(self, info: Info) -> list[str]:
        p = await self._details(info)
        return list(p.document_notes) if p else []

    @strawberry.field(
        description="What to know of this entry's data: e.g. its source still names district bodies, gone since "
        "1 July 2025."
    )
    async def data_notes(self, info: Info) -> list[str]:
        p = await self._details(info)
        return list(p.notes) if p else []

    @strawberry.field(description="Per served detail: its source file and exact text, or who decided it and why.")
    async def provenance(self, info: Info) -> list[DetailSource]:
        p = await self._details(info)
        return [
            DetailSource(field=s.field, file=s.file, part=s.part, text=s.text, editorial=s.editorial)
            for s in (p.provenance if p else ())
        ]

    @strawberry.field(description="The exact source files of this entry and the portal's own URL.")
    async def source_ref(self, info: Info[PortalContext, None]) -> str:
        p = await self._details(info)
        return p.source_ref if p else ""


@lru_cache(maxsize=8192)
def _procedure_type(s: model.ProcedureSummary) -> Procedure:
    """Summaries are immutable catalog entries: a page of 50 dossiers of one procedure builds it once."""
    return Procedure._build(s)


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
    province_code: str | None = strawberry.field(
        default=None, description="Adds that province's own procedures (2 digits) to the national ones."
    )
