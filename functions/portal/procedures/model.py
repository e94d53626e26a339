"""An administrative procedure as published in the National Database of Administrative Procedures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from portal.errors import InvalidInput
from portal.input_limits import check_length, shown

CODE_PATTERN = re.compile(r"^\d\.\d{6}$")  # e.g. 1.001193


class Level(Enum):
    PROVINCE = "province"
    COMMUNE = "commune"


class OnlineLevel(Enum):
    FULL = "full"  # toàn trình: filed, processed and returned online
    PARTIAL = "partial"  # một phần: some step needs the applicant in person


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
    description: str
    description_en: str
    amount_vnd: int | None  # 0: free; None: not fixed (set by the Provincial People's Council, by vehicle type, ...)

    @property
    def is_fixed(self) -> bool:
        return self.amount_vnd is not None


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    label_en: str
    type: FieldType
    required: bool
    options: tuple[str, ...] = ()


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
    processing_days: int
    processing_note: str
    fees: tuple[Fee, ...]
    legal_basis: tuple[str, ...]
    online_level: OnlineLevel
    any_center: bool
    form_fields: tuple[FormField, ...]
    is_sample: bool
    source_ref: str = ""


def check_procedure_code(code: str, field: str = "code") -> str:
    code = check_length(field, code, "code").strip()
    if not CODE_PATTERN.match(code):
        raise InvalidInput.for_field(
            field,
            f"Mã thủ tục «{shown(code)}» không đúng định dạng N.NNNNNN (ví dụ 1.001193).",
            f"Procedure code '{shown(code)}' is not of the form N.NNNNNN (e.g. 1.001193).",
        )
    return code
