"""A birth registration filed online needs the birth certificate: a file standing for it, or the word
that the agency holds its electronic version."""

import pytest

from portal.errors import InvalidInput
from portal.procedures.model import DetailLevel
from portal.procedures.required_documents import REQUIRED_ONLINE, check_required_documents, required_documents
from tests.support.catalog import procedures_by_code

CATALOG = procedures_by_code()
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


def test_each_rule_matches_exactly_one_unconditional_document_of_a_checked_procedure():
    for code, rules in REQUIRED_ONLINE.items():
        procedure = CATALOG[code]
        assert not procedure.is_sample, code  # sample procedures are not read
        for rule in rules:
            (document,) = [d for d in procedure.documents if d.name.startswith(rule.starts_with)]
            assert not document.name.startswith(("Tờ khai", "Đơn", "Giấy đề nghị", "Đề nghị")), (code, document.name)
            assert not (document.note or "").lower().startswith(("nếu có", "khi cần", "nếu cần")), (code, document.name)


def test_an_electronic_equivalent_is_allowed_only_where_the_catalog_says_so():
    for code in REQUIRED_ONLINE:
        for name, rule in required_documents(CATALOG[code]):
            note = next(d.note for d in CATALOG[code].documents if d.name == name) or ""
            says_so = "điện tử" in note or note.startswith("Không phải nộp nếu khai thác được")
            assert rule.electronic_ok == says_so, (code, name, note)


def test_the_most_used_services_and_the_life_events_procedures_are_checked():
    from portal.procedures.life_events import LIFE_EVENTS

    popular = {"1.001193", "2.000986", "1.004222", "1.004194", "1.014061", "3.000333"}  # frontend search.js
    in_events = {c for e in LIFE_EVENTS for c in e.procedure_codes if c in CATALOG}
    checked = {
        c
        for c in popular | in_events
        if not CATALOG[c].is_sample and CATALOG[c].documents and CATALOG[c].detail_level is DetailLevel.CHECKED
    }
    assert checked - set(REQUIRED_ONLINE) == set()


@pytest.mark.parametrize(
    ("code", "missing"),
    [
        ("2.001583", "điều lệ công ty"),
        ("3.000346", "giấy khám sức khỏe"),
        ("1.013225", "bản vẽ thiết kế"),
        ("2.000821", "sổ bảo hiểm xã hội"),
        ("1.014748", "giấy tờ xác nhận chấm dứt hợp đồng"),
    ],
)
def test_other_procedures_refuse_a_filing_without_their_documents(code, missing):
    procedure = CATALOG[code]
    with pytest.raises(InvalidInput) as refused:
        check_required_documents(procedure, attached=[], electronic=[])
    assert any(missing in p.message for p in refused.value.problems)
    names = [name for name, _ in required_documents(procedure)]
    check_required_documents(procedure, attached=names, electronic=[])
    with pytest.raises(InvalidInput):  # an electronic word does not replace what must be filed
        check_required_documents(procedure, attached=[], electronic=names)


def test_a_copy_the_agency_reads_from_the_database_may_be_declared_instead_of_filed():
    procedure = CATALOG["3.000333"]
    names = [name for name, _ in required_documents(procedure)]
    check_required_documents(procedure, attached=[], electronic=names)
