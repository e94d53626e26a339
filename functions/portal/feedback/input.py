"""What a report says, as the reporter or the hotline operator gave it: its words and what it is about,
checked for size and form before anything is read or routed (portal.feedback.service)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from portal.errors import InvalidInput
from portal.feedback.model import Category
from portal.input_limits import check_length

MIN_TEXT = 10
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,}$")


@dataclass(frozen=True)
class FeedbackInput:
    category: str
    text: str
    publish_consent: bool = False
    procedure_code: str = ""
    dossier_code: str = ""
    center_id: str = ""
    province_code: str = ""
    about_officer: bool = False
    officer_note: str = ""
    email: str = ""  # anonymous reporters, and callers who want the answer mailed
    full_name: str = ""
    phone: str = ""


def category_of(value: str) -> Category:
    try:
        return Category(check_length("category", value, "code"))
    except ValueError:
        raise InvalidInput.for_field("category", "Loại phản ánh không hợp lệ.", "Not a feedback category.") from None


def checked_input(given: FeedbackInput) -> FeedbackInput:
    text = check_length("text", given.text, "feedbackText").strip()
    if len(text) < MIN_TEXT:
        raise InvalidInput.for_field(
            "text", f"Nội dung cần ít nhất {MIN_TEXT} ký tự.", f"Please write at least {MIN_TEXT} characters."
        )
    email = check_length("email", given.email, "email").strip()
    if email and not EMAIL.match(email):
        raise InvalidInput.for_field("email", "Địa chỉ thư điện tử không hợp lệ.", "Not an e-mail address.")
    return replace(
        given,
        text=text,
        email=email,
        procedure_code=check_length("procedureCode", given.procedure_code, "code").strip(),
        dossier_code=check_length("dossierCode", given.dossier_code, "code").strip(),
        center_id=check_length("centerId", given.center_id, "code").strip(),
        province_code=check_length("provinceCode", given.province_code, "code").strip(),
        officer_note=check_length("officerNote", given.officer_note, "officerNote").strip(),
        full_name=check_length("fullName", given.full_name, "fullName").strip(),
        phone=check_length("phone", given.phone, "phone").strip(),
    )
