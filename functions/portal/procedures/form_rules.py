"""What an online form's answers must mean, beyond their type (forms.py checks the type and the size).

The catalog gives each field a name and a type only, so the rules are keyed by the field names the
catalog uses for the same notion across its procedures (`*_birth_date`, `mother_citizen_id`,
`child_ethnicity`...): a new procedure using those names gets the same checks, and the site mirrors the
same table (frontend/assets/form-rules.js). Every message says what is wrong and how to put it right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from portal.errors import FieldProblem, InvalidInput
from portal.procedures.citizen_ids import Sex, id_problem, read_id
from portal.procedures.declaration_lists import (
    CURRENT_PROVINCES,
    ETHNIC_ALIASES,
    ETHNIC_GROUPS,
    ID_PROVINCE_CODES,
)
from portal.procedures.model import FieldType, FormField

EARLIEST_BIRTH = date(1900, 1, 1)
# Dates that record something that has happened: never after today.
PAST_DATES = frozenset({"death_date", "lost_date", "issue_date", "original_marriage_date", "since_date", "use_since"})
FUTURE_DATES = frozenset({"appointment_date"})  # an appointment is today or later
# (earlier, later): the second may not come before the first.
DATE_ORDER = (
    ("absence_from", "absence_to"), ("stay_from", "stay_to"), ("arrival_date", "stay_until"),
    ("period_from", "period_to"), ("sick_from", "sick_to"), ("treatment_from", "treatment_to"),
    ("from_date", "to_date"), ("start_date", "end_date"), ("child_birth_date", "death_date"),
)  # fmt: skip
PERSON_NAMES = frozenset({"foreigner_name", "other_party_name", "deceased_name", "worker_name", "foreign_parent_name"})
PLACES = ("hometown", "birth_place")
# Numbers that may have a fractional part (areas, heights, money, volumes); every other number is a count
# or a year and must be whole.
FRACTIONAL = re.compile(r"area|height|capital|income|amount|m3|m2")
# People of a form who are necessarily different persons.
DIFFERENT_PEOPLE = (
    "mother_citizen_id", "father_citizen_id", "child_citizen_id", "deceased_citizen_id",
    "partner_citizen_id", "spouse_citizen_id", "other_party_id",
)  # fmt: skip
NEVER_THE_APPLICANT = frozenset(
    {"child_citizen_id", "deceased_citizen_id", "partner_citizen_id", "spouse_citizen_id", "other_party_id"}
)
# Answers saying who the applicant is, and the sex that implies.
APPLICANT_IS = {"Cha": Sex.MALE, "Mẹ": Sex.FEMALE, "Cha nhận con": Sex.MALE, "Mẹ nhận con": Sex.FEMALE}
PARENT_SEX = {"mother_citizen_id": Sex.FEMALE, "father_citizen_id": Sex.MALE}
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*\.?$")


def fold(text: str) -> str:
    """Lower case, no diacritics, letters and digits only: how people's spellings of a name are compared."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if c.isalnum()).lower()


_ETHNIC = {fold(n): n for n in ETHNIC_GROUPS} | {fold(a): n for a, n in ETHNIC_ALIASES.items()}
_PROVINCES = sorted({fold(n) for n in (*CURRENT_PROVINCES, *ID_PROVINCE_CODES.values())}, key=len, reverse=True)
_SEX_VI = {Sex.MALE: "nam", Sex.FEMALE: "nữ"}
_SEX_EN = {Sex.MALE: "a man", Sex.FEMALE: "a woman"}


def _problem(field: FormField, message: str, message_en: str) -> FieldProblem:
    return FieldProblem(f"formData.{field.name}", f"{field.label}: {message}", f"{field.label_en}: {message_en}")


def _check_date(field: FormField, value: date, today: date) -> tuple[str, str] | None:
    if field.name.endswith("birth_date") or field.name in PAST_DATES:
        if value > today:
            return "không được sau ngày hôm nay. Vui lòng nhập ngày đã xảy ra.", "cannot be after today."
        if field.name.endswith("birth_date") and value < EARLIEST_BIRTH:
            return "phải từ năm 1900 trở đi.", "must be in 1900 or later."
    if field.name in FUTURE_DATES and value < today:
        return "phải từ hôm nay trở đi.", "must be today or later."
    return None


def _check_number(field: FormField, value: float, today: date) -> tuple[str, str] | None:
    if value < 0:
        return "không được là số âm.", "cannot be negative."
    if FRACTIONAL.search(field.name):
        return None
    if value != int(value):
        return "phải là số nguyên (ví dụ 1, 2, 3).", "must be a whole number (e.g. 1, 2, 3)."
    if field.name.endswith("year"):
        if not EARLIEST_BIRTH.year <= value <= today.year:
            return f"phải là một năm từ 1900 đến {today.year}.", f"must be a year from 1900 to {today.year}."
    elif value < 1:
        return "phải từ 1 trở lên.", "must be 1 or more."
    return None


def _check_text(field: FormField, text: str) -> tuple[str, str] | None:
    if field.name.endswith("full_name") or field.name in PERSON_NAMES:
        words = unicodedata.normalize("NFC", text).split()
        if len(words) < 2 or not _NAME.match(" ".join(words)):
            return (
                "ghi đủ họ và tên bằng chữ (ít nhất hai từ, không có chữ số hay ký hiệu), ví dụ: Nguyễn Minh Khang.",
                "write the full name in letters (at least two words, no digits or symbols), e.g. Nguyễn Minh Khang.",
            )
    elif field.name.endswith("ethnicity") and fold(text) not in _ETHNIC:
        return (
            "chọn một trong 54 dân tộc trong danh sách (ví dụ: Kinh, Tày, Thái).",
            "choose one of the 54 ethnic groups in the list (e.g. Kinh, Tày, Thái).",
        )
    elif field.name.endswith(PLACES) and not any(p in fold(text) for p in _PROVINCES):
        return (
            "ghi rõ xã/phường và tỉnh/thành phố, ví dụ: Phường Hoàn Kiếm, Thành phố Hà Nội.",
            "give the commune or ward and the province, e.g. Phường Hoàn Kiếm, Thành phố Hà Nội.",
        )
    return None


def _normalized(field: FormField, value: Any) -> Any:
    if field.name.endswith("ethnicity") and isinstance(value, str):
        return _ETHNIC.get(fold(value), value)
    return value


def _each_field(fields: tuple[FormField, ...], answers: Mapping[str, Any], today: date) -> list[FieldProblem]:
    problems = []
    for field in fields:
        value = answers.get(field.name)
        if value is None:
            continue
        problem = None
        if field.type is FieldType.DATE:
            problem = _check_date(field, date.fromisoformat(value), today)
        elif field.type is FieldType.NUMBER:
            problem = _check_number(field, float(value), today)
        elif field.type is FieldType.CITIZEN_ID:
            problem = id_problem(value, today.year)
        elif field.type in (FieldType.TEXT, FieldType.TEXTAREA):
            problem = _check_text(field, value)
        if problem:
            problems.append(_problem(field, *problem))
    return problems


def _between_fields(fields: tuple[FormField, ...], answers: Mapping[str, Any], applicant_id: str) -> list[FieldProblem]:
    by_name = {f.name: f for f in fields}
    problems: list[FieldProblem] = []
    for earlier, later in DATE_ORDER:
        if answers.get(earlier) and answers.get(later) and answers[later] < answers[earlier]:
            problems.append(
                _problem(
                    by_name[later],
                    f"không được trước «{by_name[earlier].label}».",
                    f"cannot be before '{by_name[earlier].label_en}'.",
                )
            )
    seen: dict[str, str] = {}
    for name in DIFFERENT_PEOPLE:
        number = answers.get(name)
        if name in by_name and number:
            if number in seen:
                other = by_name[seen[number]]
                problems.append(
                    _problem(
                        by_name[name],
                        f"trùng với «{other.label}». Mỗi người có một số riêng.",
                        f"is the same as '{other.label_en}'. Each person has a number of their own.",
                    )
                )
            seen.setdefault(number, name)
    problems += _applicant_consistency(by_name, answers, applicant_id)
    return problems


def _applicant_consistency(
    by_name: Mapping[str, FormField], answers: Mapping[str, Any], applicant_id: str
) -> list[FieldProblem]:
    """The applicant's own number (from the verified identity) against who the form says they are."""
    problems = []
    applicant = read_id(applicant_id)
    declared = None
    for name in ("relationship", "recognition_type"):
        sex = APPLICANT_IS.get(answers.get(name, ""))
        if sex and name in by_name:
            declared = answers[name]
            if applicant and applicant.sex is not sex:
                problems.append(
                    _problem(
                        by_name[name],
                        f"«{declared}» không khớp với giới tính {_SEX_VI[applicant.sex]} trong số định danh của bạn.",
                        f"'{declared}' does not match your identity number, which is {_SEX_EN[applicant.sex]}'s.",
                    )
                )
    for name, sex in PARENT_SEX.items():
        number = answers.get(name)
        if name not in by_name or not number:
            continue
        facts = read_id(number)
        if facts and facts.sex is not sex:
            problems.append(
                _problem(
                    by_name[name],
                    f"số này là của một người {_SEX_VI[facts.sex]}. Vui lòng xem lại.",
                    f"this number is {_SEX_EN[facts.sex]}'s. Please check it.",
                )
            )
        applicant_is_this_parent = declared in ("Cha", "Mẹ") and APPLICANT_IS[declared] is sex
        if number == applicant_id and not applicant_is_this_parent:
            problems.append(_problem(by_name[name], "đây là số của chính bạn.", "this is your own number."))
        if applicant_is_this_parent and number != applicant_id:
            problems.append(
                _problem(
                    by_name[name],
                    f"bạn khai là «{declared}», nên đây phải là số định danh của bạn ({applicant_id}).",
                    f"you said you are the child's '{declared}', so this must be your own number ({applicant_id}).",
                )
            )
    for name in NEVER_THE_APPLICANT & by_name.keys():
        if answers.get(name) == applicant_id:
            problems.append(_problem(by_name[name], "đây là số của chính bạn.", "this is your own number."))
    child_birth, mother_or_father = answers.get("child_birth_date"), ("mother_citizen_id", "father_citizen_id")
    for name in mother_or_father:
        facts = read_id(answers.get(name) or "")
        if child_birth and facts and name in by_name and facts.birth_year >= date.fromisoformat(child_birth).year:
            problems.append(
                _problem(
                    by_name[name],
                    f"số này cho năm sinh {facts.birth_year}, không trước năm sinh của trẻ.",
                    f"this number gives the birth year {facts.birth_year}, not before the child's.",
                )
            )
    return problems


def check_answers(
    fields: tuple[FormField, ...], answers: Mapping[str, Any], applicant_id: str, today: date
) -> dict[str, Any]:
    """The answers forms.check_form has cleaned, checked for meaning; ethnicities in their official
    spelling. Raises InvalidInput listing every problem at once."""
    problems = []
    for problem in _each_field(fields, answers, today) + _between_fields(fields, answers, applicant_id):
        if all(p.field != problem.field for p in problems):  # the first problem of each field
            problems.append(problem)
    if problems:
        raise InvalidInput(
            "Một số câu trả lời chưa hợp lệ, vui lòng sửa các trường được đánh dấu.",
            "Some answers are not valid; please correct the fields marked.",
            tuple(problems),
        )
    by_name = {f.name: f for f in fields}
    return {name: _normalized(by_name[name], value) for name, value in answers.items()}
