"""An administrative procedure as published in the National Database of Administrative Procedures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from portal.errors import InvalidInput
from portal.input_limits import check_length, shown
from portal.workdays.time_limits import TimeLimit, TimeUnit  # processing times are counted there

CODE_PATTERN = re.compile(r"^\d\.\d{6}$")  # e.g. 1.001193


class Level(Enum):
    PROVINCE = "province"
    COMMUNE = "commune"
    CENTRAL = "central"  # a ministry's or central agency's ("Cấp bộ"): received by that agency (centers/routing.py)


class OnlineLevel(Enum):
    FULL = "full"  # toàn trình: filed, processed and returned online
    PARTIAL = "partial"  # một phần: some step needs the applicant in person
    NONE = "none"  # the catalog lists no online channel


class DetailLevel(Enum):
    """How much the portal knows of a procedure."""

    CHECKED = "checked"  # hand-checked against the catalog, with an online form
    DETAILED = "detailed"  # read from a crawled detail page of the national portal
    LISTED = "listed"  # known only from the national list: name, field, agencies and the official page


class FilingChannel(Enum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    POST = "post"


@dataclass(frozen=True)
class ProcessingTime:
    channel: FilingChannel
    amount: float
    unit: TimeUnit | None  # None: the catalog gives a number without its unit
    note: str = ""


class FieldType(Enum):
    TEXT = "text"
    TEXTAREA = "textarea"
    DATE = "date"
    NUMBER = "number"
    SELECT = "select"
    CITIZEN_ID = "citizen_id"
    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True)
class RequiredDocument:
    name: str
    name_en: str
    originals: int
    copies: int
    note: str = ""


@dataclass(frozen=True)
class Fee:
    """A fee line as published. The amount carries its currency: `amount_vnd` is the amount only when the
    text says đồng; a fee in US dollars has amount_vnd None, `amount` 145 and `currency` "USD"."""

    description: str
    description_en: str
    amount_vnd: int | None  # 0: free; None: not fixed in đồng (set by the province, by vehicle type, in USD, ...)
    channel: FilingChannel | None = None  # None: whatever the channel
    amount: float | None = None  # in `currency`; None: not fixed or unclear. Defaults to amount_vnd.
    currency: str | None = None  # ISO 4217 ("VND", "USD"); None when there is no amount
    editorial: str = ""  # who decided the line and why, when no source gives it: it is never charged

    def __post_init__(self) -> None:
        if self.amount is None and self.amount_vnd is not None:
            object.__setattr__(self, "amount", self.amount_vnd)
        if self.currency is None and self.amount_vnd is not None:
            object.__setattr__(self, "currency", "VND")

    @property
    def is_fixed(self) -> bool:
        """A fixed amount in đồng (a foreign-currency fee is converted by the officer, never by the portal)."""
        return self.amount_vnd is not None

    @property
    def chargeable(self) -> bool:
        """Whether the portal may charge it by itself: a sourced amount in đồng."""
        return self.is_fixed and self.currency == "VND" and not self.editorial


@dataclass(frozen=True)
class FeeExemption:
    """An exemption a fee line of the catalog names («miễn cho ...»): who is exempt, what they owe then
    (0: «miễn»), the proof they attach, and the line it was read from (never more than the line says)."""

    code: str
    description: str
    description_en: str
    amount_vnd: int
    proof: str
    proof_en: str
    source: str  # the catalog's fee line it belongs to, verbatim
    legal_basis: str = ""  # only when the line cites one
    published: str = ""  # the published fee text naming the group, verbatim (Cổng DVCQG as crawled)
    published_file: str = ""  # the crawl file that text is in


@dataclass(frozen=True)
class Provenance:
    """Where one served detail was read: the source file, the part of it and its exact text; or, for an
    editorial value, who decided it and why (then file and text are empty)."""

    field: str
    file: str = ""
    part: str = ""
    text: str = ""
    editorial: str = ""

    @property
    def is_editorial(self) -> bool:
        return bool(self.editorial)


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    label_en: str
    type: FieldType
    required: bool
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProcedureSummary:
    """What the search index holds of a procedure (it ships with the function); details are read by key."""

    code: str
    name: str
    name_en: str
    field: str
    field_en: str
    levels: tuple[Level, ...]
    agency: str
    agency_en: str
    online_level: OnlineLevel | None  # None: the source does not say
    any_center: bool
    is_sample: bool
    detail_level: DetailLevel = DetailLevel.CHECKED
    province_code: str | None = None  # a province's own procedure: served for that province only
    official_url: str = ""
    popularity: int = 0  # among equals, the more used first (see procedures/ranking.py)
    # What people call it (editorial, infra/reference/procedures/everyday_names.jsonl): indexed for search
    # only, never shown as the procedure's name, never charging, routing or dating anything.
    everyday_names: str = ""
    everyday_names_en: str = ""
    issuing_body: str = ""  # the body that published it ("Cơ quan ban hành" of the national list)


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    name_en: str
    field: str
    field_en: str
    levels: tuple[Level, ...]
    agency: str
    agency_en: str
    documents: tuple[RequiredDocument, ...]
    processing_days: int | None  # working days; None when the time is in another unit or unknown
    processing_note: str
    fees: tuple[Fee, ...]
    legal_basis: tuple[str, ...]
    online_level: OnlineLevel | None
    any_center: bool
    form_fields: tuple[FormField, ...]
    is_sample: bool
    source_ref: str = ""
    detail_level: DetailLevel = DetailLevel.CHECKED
    province_code: str | None = None
    official_url: str = ""
    implementing_agency: str = ""
    applicants: str = ""  # who may apply (đối tượng thực hiện)
    processing_times: tuple[ProcessingTime, ...] = ()
    conditions: str | None = None
    results: tuple[str, ...] = ()
    decision: str = ""  # the act that published it (số quyết định công bố)
    popularity: int = 0
    everyday_names: str = ""  # see ProcedureSummary
    everyday_names_en: str = ""
    exemptions: tuple[FeeExemption, ...] = ()  # read from the fee lines (infra/reference/.../fee_exemptions.json)
    document_notes: tuple[str, ...] = ()  # notes and headings of the documents table ("Lưu ý: ..."): not documents
    notes: tuple[str, ...] = ()  # what the reader should know of the data (district bodies named since 1/7/2025)
    provenance: tuple[Provenance, ...] = ()  # per served detail: its source text, or who decided it
    issuing_body: str = ""  # see ProcedureSummary

    def source_of(self, field: str) -> Provenance | None:
        return next((p for p in self.provenance if p.field == field), None)

    processing_time: TimeLimit | None = None  # with its unit; None: see processing_days

    @property
    def time_limit(self) -> TimeLimit | None:
        """The time the appointment is counted from, with its unit; None when no source gives one (the
        receiving officer then sets the appointment at reception)."""
        if self.processing_time is not None:
            return self.processing_time
        if self.processing_days is not None:
            return TimeLimit(self.processing_days, TimeUnit.WORKING_DAYS)
        return None

    def exemption(self, code: str) -> FeeExemption | None:
        return next((e for e in self.exemptions if e.code == code), None)

    def summary(self) -> ProcedureSummary:
        return ProcedureSummary(
            code=self.code,
            name=self.name,
            name_en=self.name_en,
            field=self.field,
            field_en=self.field_en,
            levels=self.levels,
            agency=self.agency,
            agency_en=self.agency_en,
            online_level=self.online_level,
            any_center=self.any_center,
            is_sample=self.is_sample,
            detail_level=self.detail_level,
            province_code=self.province_code,
            official_url=self.official_url,
            popularity=self.popularity,
            everyday_names=self.everyday_names,
            everyday_names_en=self.everyday_names_en,
            issuing_body=self.issuing_body,
        )


def check_procedure_code(code: str, field: str = "code") -> str:
    code = check_length(field, code, "code").strip()
    if not CODE_PATTERN.match(code):
        raise InvalidInput.for_field(
            field,
            f"Mã thủ tục «{shown(code)}» không đúng định dạng N.NNNNNN (ví dụ 1.001193).",
            f"Procedure code '{shown(code)}' is not of the form N.NNNNNN (e.g. 1.001193).",
        )
    return code
