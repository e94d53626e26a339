"""GraphQL types of a procedure's details: its documents, fees and exemptions, form fields, processing times
with their units, and where each detail was read (the enums they share with the procedure type too)."""

from __future__ import annotations

import strawberry

from portal.procedures import model
from portal.procedures.document_slots import slot_key

ProcedureLevel = strawberry.enum(
    model.Level, name="ProcedureLevel", description="Implementing level since 1 July 2025."
)
OnlineLevel = strawberry.enum(model.OnlineLevel, name="OnlineLevel")
FormFieldType = strawberry.enum(model.FieldType, name="FormFieldType")
DetailLevel = strawberry.enum(model.DetailLevel, name="DetailLevel", description="How much the portal knows.")
FilingChannel = strawberry.enum(model.FilingChannel, name="FilingChannel")
TimeUnit = strawberry.enum(model.TimeUnit, name="TimeUnit")


@strawberry.type
class RequiredDocument:
    name: str
    name_en: str
    originals: int
    copies: int
    note: str

    @strawberry.field(
        description="What a file or a supplement request (supplement.documents) sends to name this row: "
        "its words, cut to 300 characters."
    )
    def slot(self) -> str:
        return slot_key(self.name)


@strawberry.type
class Fee:
    description: str
    description_en: str
    amount_vnd: int | None = strawberry.field(
        description="In đồng, only when the published text says đồng. 0: free. Null: not fixed (set by the "
        "Provincial People's Council, by vehicle type, ...), unclear, or in another currency (see amount and "
        "currency): the description says how it is set."
    )
    channel: FilingChannel | None = strawberry.field(default=None, description="Null: whatever the channel.")
    amount: float | None = strawberry.field(
        default=None, description="The amount in its own currency (145 for «145 USD/thẻ»); null when not fixed."
    )
    currency: str | None = strawberry.field(
        default=None, description="ISO 4217 code of amount (VND, USD); null when there is no amount."
    )
    editorial: str = strawberry.field(
        default="",
        description="Who decided this line and why, when no source gives it (then it is never charged); else empty.",
    )


@strawberry.type(description="An exemption a fee line names: choose it when filing and attach its proof.")
class FeeExemption:
    code: str = strawberry.field(description="Send it as exemption.code when filing.")
    description: str
    description_en: str
    amount_vnd: int = strawberry.field(description="What the applicant owes once the officer accepts (0: exempt).")
    proof: str = strawberry.field(description="The proof the applicant attaches.")
    proof_en: str
    source: str = strawberry.field(description="The catalog's fee line it belongs to, verbatim.")
    legal_basis: str = strawberry.field(description="Only when the fee line cites one; else empty.")
    published: str = strawberry.field(
        default="", description="The published fee text (Cổng DVCQG, as crawled) that names this exemption, verbatim."
    )
    published_file: str = strawberry.field(default="", description="The crawl file that text was read from.")


@strawberry.type
class FormField:
    name: str
    label: str
    label_en: str
    type: FormFieldType
    required: bool
    options: list[str]

    @classmethod
    def of(cls, f: model.FormField) -> FormField:
        return cls(
            name=f.name, label=f.label, label_en=f.label_en, type=f.type, required=f.required, options=list(f.options)
        )


@strawberry.type
class ProcessingTime:
    channel: FilingChannel
    amount: float
    unit: TimeUnit | None = strawberry.field(description="Null: the catalog gives a number without its unit.")
    note: str


@strawberry.type(
    description="Where one served detail was read: the source file, the part of it and its exact text; or, for "
    "an editorial value, who decided it and why. A detail without an entry has no source: it is shown as unknown."
)
class DetailSource:
    field: str = strawberry.field(description="The detail (name, fees, documents, processingTimes, ...).")
    file: str = strawberry.field(
        description="The source file (a public crawl of dichvucong.gov.vn); empty if editorial."
    )
    part: str = strawberry.field(description="The part of the file: a record's cell, a page's section or line.")
    text: str = strawberry.field(description="The exact text the detail was read from.")
    editorial: str = strawberry.field(description="Who decided it and why, when no source gives it; else empty.")


@strawberry.type(
    description="A processing time with its unit, as the law counts it: WORKING_DAYS (ngày làm việc), DAYS "
    "(calendar days, ending on a working day), HOURS and MINUTES from receipt, MONTHS and YEARS by the calendar, "
    "SAME_DAY (received up to 15:00: that day; after 15:00: the next working day)."
)
class TimeLimit:
    amount: int = strawberry.field(description="0 for SAME_DAY.")
    unit: TimeUnit
    label: str = strawberry.field(description='In Vietnamese, as on the receipt: "10 ngày", "10 ngày làm việc".')
    source_text: str = strawberry.field(description="The source's own words it was read from; empty if none kept.")
    due_date_computed: bool = strawberry.field(
        description="False for a unit with no counting rule (e.g. working hours): the receiving officer sets "
        "the appointment."
    )

    @classmethod
    def from_domain(cls, t: model.TimeLimit) -> TimeLimit:
        return cls(
            amount=t.amount, unit=t.unit, label=t.label_vi(), source_text=t.source_text, due_date_computed=t.counted
        )


@strawberry.type(description="The ministry or central agency receiving a procedure's central-level dossiers.")
class ReceivingAgency:
    center_id: str = strawberry.field(description="Its reception's id in the center directory (kind AGENCY).")
    name: str
    name_en: str


def _fee(f: model.Fee) -> Fee:
    return Fee(
        description=f.description,
        description_en=f.description_en,
        amount_vnd=f.amount_vnd,
        channel=f.channel,
        amount=f.amount,
        currency=f.currency,
        editorial=f.editorial,
    )
