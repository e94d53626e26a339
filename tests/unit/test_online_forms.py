"""Online forms as data: each row of a catalog's documents list read as what it asks of an online filing,
the generic form made from it, and a generic filing refused until it carries its required documents."""

from __future__ import annotations

from datetime import datetime

import pytest

from portal.clock import VIETNAM, FixedClock
from portal.dossiers.intake import SubmitRequest
from portal.dossiers.model import Attachment
from portal.dossiers.verbs import Intake
from portal.errors import InvalidInput
from portal.identity.principal import Citizen
from portal.procedures.document_slots import Requirement, document_slots, mixes_cases, row_words, slot_key
from portal.procedures.model import DetailLevel, FieldType, OnlineLevel, RequiredDocument
from portal.procedures.online_form import (
    REQUEST_DETAILS,
    REQUESTED_RESULT,
    FormKind,
    NotOnline,
    check_generic_documents,
    derive,
    not_online,
)
from tests.support.factories import make_procedure
from tests.support.memory import MemoryCenters, MemoryDossiers, catalog_of, commune_center


def doc(name: str, note: str = "", originals: int = 1, copies: int = 0) -> RequiredDocument:
    return RequiredDocument(name, "", originals, copies, note)


@pytest.mark.parametrize(
    "name, note, requirement",
    [
        ("Đơn đề nghị cấp giấy phép theo Mẫu số 01", "", Requirement.REQUIRED),
        ("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "", Requirement.REQUIRED),
        ("Các tài liệu khác liên quan kèm theo (nếu có)", "", Requirement.CONDITIONAL),
        ("Bản chính Giấy chứng nhận (đối với trường hợp bị hỏng)", "", Requirement.CONDITIONAL),
        ("Biên bản về việc trẻ bị bỏ rơi", "Nếu có", Requirement.CONDITIONAL),
        ("Đối với tổ chức: quyết định thành lập", "", Requirement.CONDITIONAL),
        ("tờ khai hàng hóa nhập khẩu theo mẫu HQ/2015/NK;", "", Requirement.CONDITIONAL),  # a cut fragment
        ("Bản sao Thẻ căn cước của người đề nghị", "", Requirement.STATE_HELD),
        ("Sổ hộ khẩu", "", Requirement.STATE_HELD),
        ("Giấy tờ phải xuất trình: giấy đăng ký kết hôn", "", Requirement.SHOWN),
    ],
)
def test_each_row_says_what_it_asks_of_an_online_filing(name, note, requirement):
    (slot,) = document_slots((doc(name, note),))
    assert slot.requirement is requirement


def test_a_conditional_row_keeps_the_catalogs_words_for_its_condition():
    (slot,) = document_slots((doc("Bản chính Giấy chứng nhận (đối với trường hợp bị hỏng)"),))
    assert slot.condition == "trường hợp bị hỏng"


def test_the_application_is_marked_as_the_declaration_and_numbering_is_not_its_words():
    assert row_words("(iii) ! Bản sao giấy phép") == "Bản sao giấy phép"
    assert row_words("Mẫu số 28. Đơn đăng ký biến động") == "Đơn đăng ký biến động"
    (slot,) = document_slots((doc("1. Mẫu tờ khai đề nghị trợ giúp xã hội"),))
    assert slot.declaration and slot.requirement is Requirement.REQUIRED


def test_a_list_of_several_cases_requires_none_of_its_rows_blindly():
    rows = (doc("a) Đơn đề nghị"), doc("b) Bản sao quyết định"), doc("a) Văn bản đề nghị"), doc("b) Báo cáo"))
    assert mixes_cases(rows)
    assert {s.requirement for s in document_slots(rows)} == {Requirement.CONDITIONAL}
    headed = (doc("Đơn đề nghị"), doc("Bản sao quyết định"))
    assert mixes_cases(headed, ("Trường hợp cấp lại:",)) and not mixes_cases(headed)


def test_a_row_the_crawl_repeats_is_one_slot():
    slots = document_slots((doc("Đơn đề nghị (Mẫu số 01)"), doc("Đơn đề nghị (Mẫu số 01)."), doc("Bản vẽ")))
    assert [s.index for s in slots] == [0, 2]


GENERIC = make_procedure(
    code="1.000005",
    detail_level=DetailLevel.DETAILED,
    online_level=None,
    form_fields=(),
    documents=(doc("Đơn đề nghị cấp phép"), doc("Bản vẽ thiết kế"), doc("Tài liệu khác (nếu có)")),
    results=("Giấy phép", "Văn bản từ chối"),
)


def test_a_procedure_with_details_and_no_designed_form_gets_the_generic_one():
    form = derive(GENERIC)
    assert form is not None and form.kind is FormKind.GENERIC
    chosen = next(f for f in form.fields if f.name == REQUESTED_RESULT)
    assert chosen.type is FieldType.SELECT and chosen.required and chosen.options == ("Giấy phép", "Văn bản từ chối")
    assert [s.requirement for s in form.slots] == [Requirement.REQUIRED, Requirement.REQUIRED, Requirement.CONDITIONAL]


def test_what_cannot_be_filed_online_says_why():
    assert not_online(make_procedure(detail_level=DetailLevel.LISTED, form_fields=())) is NotOnline.NO_DETAILS
    assert not_online(make_procedure(detail_level=DetailLevel.DETAILED, form_fields=())) is NotOnline.NO_DETAILS
    closed = make_procedure(detail_level=DetailLevel.DETAILED, form_fields=(), documents=(doc("Đơn"),))
    assert not_online(closed) is None
    assert not_online(make_procedure(**{**closed.__dict__, "online_level": OnlineLevel.NONE})) is NotOnline.NOT_ONLINE


def test_the_generic_check_names_each_missing_required_document_and_refuses_an_empty_dossier():
    form = derive(GENERIC)
    with pytest.raises(InvalidInput) as missing:
        check_generic_documents(form, GENERIC, {"Đơn đề nghị cấp phép"}, ())
    assert [p.field for p in missing.value.problems] == ["slots.1"]
    check_generic_documents(form, GENERIC, {"Đơn đề nghị cấp phép", "Bản vẽ thiết kế"}, ())
    all_conditional = make_procedure(**{**GENERIC.__dict__, "documents": (doc("Tài liệu khác (nếu có)"),)})
    with pytest.raises(InvalidInput) as empty:
        check_generic_documents(derive(all_conditional), all_conditional, (), ())
    assert [p.field for p in empty.value.problems] == ["slots"]
    check_generic_documents(derive(all_conditional), all_conditional, {"Tài liệu khác (nếu có)"}, ())


AN = Citizen("sub-an", "001090012345", "Nguyễn Văn An (mẫu)")


def _intake() -> Intake:
    clock = FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM))
    centers = MemoryCenters({"xa-ben-thanh": commune_center()})
    return Intake(MemoryDossiers(), centers, catalog_of(GENERIC), clock)


def _filed(document: str, stored: bool = True) -> Attachment:
    return Attachment("a.pdf", "application/pdf", 1000, document, document_id="doc-1" if stored else "")


def test_an_online_filing_of_a_generic_form_needs_its_documents_as_stored_files():
    intake = _intake()
    answers = {REQUESTED_RESULT: "Giấy phép"}
    base = {"procedure_code": GENERIC.code, "center_id": "xa-ben-thanh", "form_data": answers}
    with pytest.raises(InvalidInput):  # nothing attached
        intake.submit(AN, SubmitRequest(request_id="request-empty", **base))
    declared = tuple(_filed(d.name, stored=False) for d in GENERIC.documents[:2])
    with pytest.raises(InvalidInput):  # declared metadata is not a file
        intake.submit(AN, SubmitRequest(request_id="request-meta", attachments=declared, **base))
    with pytest.raises(InvalidInput):  # the result asked for is required when the catalog lists several
        intake.submit(
            AN, SubmitRequest(request_id="request-noresult", **{**base, "form_data": {}}, attachments=declared)
        )
    files = tuple(_filed(d.name) for d in GENERIC.documents[:2])
    made = intake.submit(AN, SubmitRequest(request_id="request-full", attachments=files, **base))
    assert made.dossier.form_data == answers


def test_a_rows_slot_key_is_its_words_without_the_crawls_spaces_and_at_most_300_characters():
    assert slot_key("\tBản vẽ thiết kế ") == "Bản vẽ thiết kế"
    assert len(slot_key("Đơn " * 400)) <= 300


def test_a_list_requiring_more_rows_than_a_dossier_holds_files_is_read_as_several_cases():
    rows = tuple(doc(f"Bản sao tài liệu số {i}") for i in range(25))
    assert {s.requirement for s in document_slots(rows)} == {Requirement.CONDITIONAL}
    assert {s.requirement for s in document_slots(rows[:20])} == {Requirement.REQUIRED}


def test_a_form_whose_rows_take_no_file_asks_what_is_requested_instead():
    shown_only = make_procedure(**{**GENERIC.__dict__, "documents": (doc("Xuất trình giấy đăng ký kết hôn"),)})
    form = derive(shown_only)
    assert form.offered_slots() == ()
    details = next(f for f in form.fields if f.name == REQUEST_DETAILS)
    assert details.required
    check_generic_documents(form, shown_only, (), ())  # no file asked for: the answers carry the request
