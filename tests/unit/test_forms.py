import pytest

from portal.errors import InvalidInput
from portal.procedures.forms import check_form
from portal.procedures.model import FieldType, FormField

FIELDS = (
    FormField("child_full_name", "Họ tên trẻ", "Child's name", FieldType.TEXT, True),
    FormField("birth_date", "Ngày sinh", "Date of birth", FieldType.DATE, True),
    FormField("sex", "Giới tính", "Sex", FieldType.SELECT, True, ("Nam", "Nữ")),
    FormField("father_id", "Số định danh của cha", "Father's id", FieldType.CITIZEN_ID, False),
    FormField("weight", "Cân nặng (kg)", "Weight (kg)", FieldType.NUMBER, False),
)


def test_a_complete_form_is_normalized():
    clean = check_form(
        FIELDS, {"child_full_name": "  Nguyễn Minh Khang ", "birth_date": "2026-02-20", "sex": "Nam", "weight": "3.2"}
    )
    assert clean == {"child_full_name": "Nguyễn Minh Khang", "birth_date": "2026-02-20", "sex": "Nam", "weight": 3.2}


def test_every_problem_is_reported_at_once_with_its_field():
    with pytest.raises(InvalidInput) as refused:
        check_form(FIELDS, {"birth_date": "20/02/2026", "sex": "X", "father_id": "123", "extra": "?"})
    fields = {p.field for p in refused.value.problems}
    assert fields == {
        "formData.child_full_name",
        "formData.birth_date",
        "formData.sex",
        "formData.father_id",
        "formData.extra",
    }
    assert all(p.message and p.message_en for p in refused.value.problems)
