"""Checking what an applicant typed into a procedure's online form against that form's fields."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from portal.errors import FieldProblem, InvalidInput
from portal.input_limits import LIMITS, shown
from portal.procedures.model import FieldType, FormField

MAX_TEXT_LENGTH = 500
MAX_TEXTAREA_LENGTH = 5000
# Numbers are stored as they are served: finite (JSON has no NaN or Infinity), and within the integers
# a double holds exactly, so what the applicant typed is what every reader gets back.
MAX_NUMBER = 10**15
MAX_NUMBER_TEXT = 32  # characters of a number sent as text
_NUMBER_TEXT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$")  # no "NaN", "inf", "1_000"
MAX_FORM_KEYS = LIMITS["formKeys"]
MAX_FORM_KEY_LENGTH = LIMITS["formKey"]
_PHONE = re.compile(r"^(\+84|0)\d{9,10}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CITIZEN_ID = re.compile(r"^\d{12}$")


def _problem(field: FormField, message: str, message_en: str) -> FieldProblem:
    return FieldProblem(f"formData.{field.name}", f"{field.label}: {message}", f"{field.label_en}: {message_en}")


def _check_value(field: FormField, value: Any) -> tuple[Any, FieldProblem | None]:
    """The value normalized for storage, or the problem with it."""
    if field.type is FieldType.NUMBER:
        return _check_number(field, value)
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


def _check_number(field: FormField, value: Any) -> tuple[Any, FieldProblem | None]:
    not_a_number = _problem(field, "phải là một số.", "must be a number.")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None, not_a_number
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_NUMBER_TEXT or not _NUMBER_TEXT.match(text):
            return None, not_a_number
        value = float(text)
    if isinstance(value, int):
        number: float = value if abs(value) <= MAX_NUMBER else math.inf
    else:
        number = value
    if not math.isfinite(number) or abs(number) > MAX_NUMBER:
        return None, _problem(
            field,
            f"phải là một số hữu hạn, không quá {MAX_NUMBER:.0e}.",
            f"must be finite and at most {MAX_NUMBER:.0e}.",
        )
    return (int(number) if float(number).is_integer() else number), None


def _check_shape(data: Mapping[str, Any]) -> None:
    """Before any field is read: how many keys, how long each (the problems list names each unknown key)."""
    if len(data) > MAX_FORM_KEYS:
        raise InvalidInput.for_field(
            "formData",
            f"Đơn có quá {MAX_FORM_KEYS} trường.",
            f"formData has more than {MAX_FORM_KEYS} keys.",
        )
    for name in data:
        if not isinstance(name, str) or len(name) > MAX_FORM_KEY_LENGTH:
            raise InvalidInput.for_field(
                "formData",
                f"Tên trường dài quá {MAX_FORM_KEY_LENGTH} ký tự.",
                f"A formData key is longer than {MAX_FORM_KEY_LENGTH} characters.",
            )


def check_form(fields: tuple[FormField, ...], data: Mapping[str, Any]) -> dict[str, Any]:
    """The form data, normalized; raises InvalidInput listing every problem at once."""
    _check_shape(data)
    known = {f.name: f for f in fields}
    problems: list[FieldProblem] = [
        FieldProblem(
            f"formData.{name}",
            f"Trường «{shown(name)}» không có trong mẫu đơn.",
            f"Field '{shown(name)}' is not on this form.",
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
