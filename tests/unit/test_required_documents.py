"""A birth registration filed online needs the birth certificate: a file standing for it, or the word
that the agency holds its electronic version."""

import pytest

from infra.reference.catalog import load_catalog
from portal.errors import InvalidInput
from portal.procedures.required_documents import REQUIRED_ONLINE, check_required_documents, required_documents

CATALOG = {p.code: p for p in load_catalog()[1]}
BIRTH = CATALOG["1.001193"]


def test_every_rule_names_a_document_of_its_procedure_in_the_catalog():
    for code, rules in REQUIRED_ONLINE.items():
        assert len(required_documents(CATALOG[code])) == len(rules), code


def test_no_birth_certificate_is_refused_with_a_message_that_says_how_to_fix_it():
    with pytest.raises(InvalidInput) as refused:
        check_required_documents(BIRTH, attached=[""], electronic=[])
    assert refused.value.problems[0].field == "attachments"
    assert "Giấy chứng sinh" in refused.value.problems[0].message


def test_a_file_standing_for_it_or_its_electronic_version_will_do():
    ((name, _),) = required_documents(BIRTH)
    check_required_documents(BIRTH, attached=[name], electronic=[])
    check_required_documents(BIRTH, attached=[], electronic=[name])


def test_a_procedure_without_a_rule_requires_no_file():
    check_required_documents(CATALOG["1.004222"], attached=[], electronic=[])
