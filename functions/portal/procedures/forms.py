"""Checking what an applicant typed into a procedure's online form against that form's fields."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from portal.errors import FieldProblem, InvalidInput
from portal.procedures.model import FieldType, FormField

MAX_TEXT_LENGTH = 500
MAX_TEXTAREA_LENGTH = 5000
_PHONE = re.compile(r"^(\+84|0)\d{9,10}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CITIZEN_ID = re.compile(r"^\d{12}$")


def _problem(field: FormField, message: str, message_en: str) -> FieldProblem:
    return FieldProblem(f"formData.{field.name}", f"{field.label}: {message}", f"{field.label_en}: {message_en}")


def _check_value(field: FormField, value: Any) -> tuple[Any, FieldProblem | None]:
    """The value normalized for storage, or the problem with it."""
    if field.type is FieldType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return None, _problem(field, "phải là một số.", "must be a number.")
        try:
            number = float(value)
        except ValueError:
            return None, _problem(field, "phải là một số.", "must be a number.")
        return (int(number) if number.is_integer() else number), None
    if not isinstance(value, str):
        return None, _problem(field, "phải là văn bản.", "must be text.")
    text = value.strip()
    limit = MAX_TEXTAREA_LENGTH if field.type is FieldType.TEXTAREA else MAX_TEXT_LENGTH
    if len(text) > limit:
        return None, _problem(field, f"dài quá {limit} ký tự.", f"is longer than {limit} characters.")
    if field.type is FieldType.DATE:
        try:
            date.fromisoformat(text)
        except ValueError:
            return None, _problem(field, "phải là ngày dạng YYYY-MM-DD.", "must be a date as YYYY-MM-DD.")
    elif field.type is FieldType.SELECT and text not in field.options:
        return None, _problem(field, "phải là một trong các lựa chọn có sẵn.", "must be one of the listed options.")
    elif field.type is FieldType.CITIZEN_ID and not _CITIZEN_ID.match(text):
        return None, _problem(field, "phải gồm đúng 12 chữ số.", "must be exactly 12 digits.")
    elif field.type is FieldType.PHONE and not _PHONE.match(text.replace(" ", "")):
        return None, _problem(field, "không phải số điện thoại hợp lệ.", "is not a valid phone number.")
    elif field.type is FieldType.EMAIL and not _EMAIL.match(text):
        return None, _problem(field, "không phải địa chỉ email hợp lệ.", "is not a valid email address.")
    return text, None


def check_form(fields: tuple[FormField, ...], data: Mapping[str, Any]) -> dict[str, Any]:
    """The form data, normalized; raises InvalidInput listing every problem at once."""
    known = {f.name: f for f in fields}
    problems: list[FieldProblem] = [
        FieldProblem(
            f"formData.{name}", f"Trường «{name}» không có trong mẫu đơn.", f"Field '{name}' is not on this form."
        )
        for name in data
        if name not in known
    ]
    clean: dict[str, Any] = {}
    for field in fields:
        value = data.get(field.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if field.required:
                problems.append(_problem(field, "bắt buộc phải nhập.", "is required."))
            continue
        normalized, problem = _check_value(field, value)
        if problem:
            problems.append(problem)
        else:
            clean[field.name] = normalized
    if problems:
        raise InvalidInput(
            "Đơn chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.",
            "The form has problems; see each field.",
            tuple(problems),
        )
    return clean
