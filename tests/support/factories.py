"""Domain objects with sensible defaults: override only what a test is about."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from portal.clock import VIETNAM
from portal.dossiers.lifecycle import RECEIVE
from portal.dossiers.model import ActorRole, Applicant, Channel, Dossier, Status, TimelineEvent
from portal.procedures.model import FieldType, FormField, Level, OnlineLevel, Procedure


def make_dossier(**overrides: Any) -> Dossier:
    received_at = overrides.pop("received_at", datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM))
    due = overrides.pop("due", date(2026, 3, 9))
    first = TimelineEvent(1, received_at, RECEIVE, Status.RECEIVED, ActorRole.SYSTEM, due_date=due)
    values: dict[str, Any] = {
        "code": "H01.000.00-260302-010001",
        "procedure_code": "1.001193",
        "procedure_name": "Đăng ký khai sinh",
        "center_id": "hcc-01",
        "province_code": "01",
        "applicant": Applicant("001090012345", "Nguyễn Văn An (mẫu)"),
        "channel": Channel.ONLINE,
        "status": Status.RECEIVED,
        "form_data": {},
        "attachments": (),
        "received_at": received_at,
        "due_date": due,
        "processing_days": 5,
        "updated_at": received_at,
        "timeline": (first,),
    }
    values.update(overrides)
    return Dossier(**values)


def make_procedure(**overrides: Any) -> Procedure:
    values: dict[str, Any] = {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "name_en": "Birth registration",
        "field": "Hộ tịch",
        "field_en": "Civil status",
        "levels": (Level.COMMUNE,),
        "agency": "Ủy ban nhân dân cấp xã",
        "agency_en": "Commune People's Committee",
        "documents": (),
        "processing_days": 0,
        "processing_note": "",
        "fees": (),
        "legal_basis": (),
        "online_level": OnlineLevel.FULL,
        "any_center": True,
        "form_fields": (FormField("child_full_name", "Họ tên trẻ", "Child's name", FieldType.TEXT, True),),
        "is_sample": True,
    }
    values.update(overrides)
    return Procedure(**values)


SAMPLE_VALUES = {
    "date": "2026-02-20",
    "citizen_id": "001090012345",
    "number": 1,
    "phone": "0912345678",
    "email": "an@example.vn",
}


# Values that mean something for the field they go in (form_rules.py): a mother's number codes a woman,
# an appointment is ahead, a year is a year; other people's numbers differ from the applicant's and from
# each other (field i gets 0010{70+i}000{i}).
SAMPLE_BY_NAME = {
    "mother_citizen_id": "001195012345",
    "father_citizen_id": "001092054321",
    "child_ethnicity": "Kinh",
    "child_hometown": "Phường Hoàn Kiếm, Thành phố Hà Nội",
    "child_birth_place": "Bệnh viện Phụ sản Hà Nội, Thành phố Hà Nội",
}


def _sample(field: FormField, index: int) -> Any:
    if field.name in SAMPLE_BY_NAME:
        return SAMPLE_BY_NAME[field.name]
    if field.options:
        return field.options[0]
    if field.type is FieldType.CITIZEN_ID:
        return f"0010{70 + index:02d}000{index:03d}"
    if field.type is FieldType.DATE and field.name == "appointment_date":
        return (date.today() + timedelta(days=30)).isoformat()
    if field.type is FieldType.NUMBER and field.name.endswith("year"):
        return 2000
    return SAMPLE_VALUES.get(field.type.value, "Nguyễn Minh Khang")


def form_for(procedure: Procedure) -> dict[str, Any]:
    """A valid online form for `procedure`: every required field filled with a plausible sample value."""
    return {f.name: _sample(f, i) for i, f in enumerate(procedure.form_fields) if f.required}
