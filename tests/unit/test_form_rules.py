"""Answers that type-check but mean nothing are refused, each with a message saying how to fix it."""

from datetime import date

import pytest

from portal.errors import InvalidInput
from portal.procedures.citizen_ids import Sex, id_problem, read_id
from portal.procedures.declaration_lists import ETHNIC_GROUPS
from portal.procedures.form_rules import check_answers
from portal.procedures.forms import check_form
from tests.support.catalog import catalog, catalog_procedure
from tests.support.factories import form_for

TODAY = date(2026, 12, 1)
APPLICANT = "001090012345"  # Hà Nội, a man born in 1990
BIRTH = catalog_procedure("1.001193")


def valid_birth(**changes):
    return {**form_for(BIRTH), **changes}


def problems(answers, applicant=APPLICANT, procedure=BIRTH) -> dict[str, str]:
    try:
        check_answers(procedure.form_fields, check_form(procedure.form_fields, answers), applicant, TODAY)
    except InvalidInput as error:
        return {p.field.removeprefix("formData."): p.message_en for p in error.problems}
    return {}


def test_a_sensible_birth_registration_passes_and_its_ethnicity_takes_the_official_spelling():
    answers = check_answers(BIRTH.form_fields, valid_birth(child_ethnicity="hmong"), APPLICANT, TODAY)
    assert answers["child_ethnicity"] == "HMông"


def test_the_sample_form_of_every_procedure_in_the_catalog_passes():
    for procedure in catalog():
        assert problems(form_for(procedure), procedure=procedure) == {}, procedure.code


def test_the_list_has_the_54_official_ethnic_groups():
    assert len(ETHNIC_GROUPS) == len(set(ETHNIC_GROUPS)) == 54


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"child_birth_date": "2031-01-01"}, "child_birth_date", "after today"),
        ({"child_birth_date": "1850-01-01"}, "child_birth_date", "1900"),
        ({"child_full_name": "x"}, "child_full_name", "full name"),
        ({"child_full_name": "Nguyễn 123"}, "child_full_name", "no digits"),
        ({"child_ethnicity": "123"}, "child_ethnicity", "54 ethnic groups"),
        ({"child_hometown": "-"}, "child_hometown", "province"),
        ({"child_birth_place": "nhà"}, "child_birth_place", "province"),
        ({"mother_citizen_id": APPLICANT, "father_citizen_id": APPLICANT}, "mother_citizen_id", "a man's"),
        ({"mother_citizen_id": "001092054321", "father_citizen_id": "001092054321"}, "father_citizen_id", "same as"),
        ({"relationship": "Ông/bà", "father_citizen_id": APPLICANT}, "father_citizen_id", "your own number"),
        ({"relationship": "Mẹ"}, "relationship", "a man's"),
        ({"birth_copies": -2.5}, "birth_copies", "negative"),
        ({"birth_copies": 2.5}, "birth_copies", "whole number"),
        ({"birth_copies": 0}, "birth_copies", "1 or more"),
        ({"mother_citizen_id": "999195012345"}, "mother_citizen_id", "province"),
        ({"mother_citizen_id": "001399012345"}, "mother_citizen_id", "has not come yet"),
        ({"mother_citizen_id": "001326012345"}, "mother_citizen_id", "not before the child"),
        ({"relationship": "Cha", "father_citizen_id": "001092054321"}, "father_citizen_id", "your own number"),
    ],
)
def test_a_nonsense_answer_is_refused_next_to_its_field(changes, field, says):
    found = problems(valid_birth(**changes))
    assert field in found, found
    assert says in found[field]


def test_a_mother_filing_for_her_child_gives_her_own_number_as_the_mothers():
    mother = "001195012345"
    assert problems(valid_birth(relationship="Mẹ"), applicant=mother) == {}
    assert "mother_citizen_id" in problems(valid_birth(relationship="Mẹ", mother_citizen_id="001196000001"), mother)


def test_a_period_cannot_end_before_it_starts_nor_an_appointment_be_in_the_past():
    absence = catalog_procedure("1.003677")
    found = problems({**form_for(absence), "absence_from": "2026-12-10", "absence_to": "2026-12-05"}, procedure=absence)
    assert "absence_to" in found
    card = catalog_procedure("1.014061")
    assert "appointment_date" in problems({**form_for(card), "appointment_date": "2026-11-30"}, procedure=card)


def test_an_identity_number_tells_the_province_sex_and_year_of_birth():
    facts = read_id("079301001122")
    assert (facts.province_code, facts.sex, facts.birth_year) == ("079", Sex.FEMALE, 2001)
    assert id_problem("079301001122", 2026) is None
    assert id_problem("12345", 2026) is not None
