"""An officer's supplement request asks only for documents on the procedure's list, or cites the legal basis
of anything else: the rule alone, then through the Workflow against in-memory repositories and catalog."""

from __future__ import annotations

from datetime import datetime

import pytest

from portal.clock import VIETNAM, FixedClock
from portal.dossiers.intake import SubmitRequest, WalkInApplicant
from portal.dossiers.lifecycle import Action
from portal.dossiers.model import Status, SupplementItem
from portal.dossiers.supplement_rules import (
    OtherItem,
    SupplementRequest,
    asked_items,
    asked_text,
    names_an_act,
)
from portal.dossiers.verbs import Intake, Workflow
from portal.errors import Conflict, InvalidInput
from portal.identity.principal import Officer, OfficerRole
from portal.input_limits import LIMITS
from portal.procedures.document_slots import slot_key
from portal.procedures.model import RequiredDocument
from tests.support.factories import make_procedure
from tests.support.memory import MemoryCenters, MemoryDossiers, catalog_of, commune_center

DECLARATION = "Tờ khai đăng ký khai sinh theo mẫu"
CERTIFICATE = "Giấy chứng sinh; nếu không có thì văn bản của người làm chứng " + "x" * 400  # past a slot's 300
LISTED = (slot_key(DECLARATION), slot_key(CERTIFICATE))
BASIS = "Khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13"
RECEPTION = Officer("sub-r", "Cán bộ tiếp nhận (mẫu)", "xa-ben-thanh", OfficerRole.RECEPTION)
PROCESSING = Officer("sub-p", "Cán bộ xử lý (mẫu)", "xa-ben-thanh", OfficerRole.PROCESSING)


def problems(refused: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [p.field for p in refused.value.problems]


@pytest.mark.parametrize(
    "basis",
    [
        BASIS,
        "Nghị định 123/2015/NĐ-CP",
        "123/2015/nđ-cp",  # a number, whatever its case
        "Quyết định 06/QĐ-TTg",
        "Nghị quyết số 66.7/2025/NQ-CP",
        "Điều 9 Thông tư 04/2020/TT-BTP",
        "theo Nghi dinh 87/2020",  # no diacritics
        "Bộ luật Dân sự",
        "Pháp lệnh Dân số",
    ],
)
def test_a_basis_naming_an_act_by_its_kind_or_number_is_accepted(basis):
    assert names_an_act(basis)


@pytest.mark.parametrize(
    "basis",
    [
        "Điều 5",
        "theo quy định",
        "cần thiết để xác minh",
        "ngày 12/3/2026",
        "mục 1/a",
        "quy định pháp luật",
        "theo luật định",
        "Nghị định",
    ],
)
def test_a_basis_that_names_no_act_is_not_one(basis):
    assert not names_an_act(basis)


def test_documents_of_the_list_need_no_basis_and_come_first_each_once():
    request = SupplementRequest(
        (LISTED[1], LISTED[0], LISTED[1]), (OtherItem("  Ảnh 4x6 ", " Điều 5   Thông tư 04/2020/TT-BTP "),)
    )
    assert asked_items(request, LISTED) == (
        SupplementItem(LISTED[1]),
        SupplementItem(LISTED[0]),
        SupplementItem("Ảnh 4x6", "Điều 5 Thông tư 04/2020/TT-BTP"),
    )


def test_every_item_refused_is_named_by_its_field_in_both_languages():
    request = SupplementRequest(
        ("Sổ hộ khẩu", LISTED[0]),
        (
            OtherItem("Giấy xác nhận tình trạng hôn nhân", ""),
            OtherItem("Sao kê ngân hàng", "để xác minh"),
            OtherItem(" ", BASIS),
        ),
    )
    with pytest.raises(InvalidInput) as refused:
        asked_items(request, LISTED)
    assert problems(refused) == [
        "supplement.documents.0",
        "supplement.others.0.legalBasis",
        "supplement.others.1.legalBasis",
        "supplement.others.2.what",
    ]
    first, _, names_none, _ = refused.value.problems
    assert "không có trong danh sách" in first.message and "not on the procedure's list" in first.message_en
    assert "Nghị định" in names_none.message and "Decree" in names_none.message_en


def test_a_request_with_nothing_in_it_is_refused():
    with pytest.raises(InvalidInput) as refused:
        asked_items(SupplementRequest(), LISTED)
    assert problems(refused) == ["supplement"]


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (SupplementRequest(tuple(LISTED[:1]) * (LIMITS["supplementItems"] + 1)), "supplement"),
        (SupplementRequest(("x" * (LIMITS["documentName"] + 1),)), "supplement.documents.0"),
        (SupplementRequest((), (OtherItem("x" * (LIMITS["supplementWhat"] + 1), BASIS),)), "supplement.others.0.what"),
        (
            SupplementRequest((), (OtherItem("Ảnh", BASIS + "x" * LIMITS["legalBasis"]),)),
            "supplement.others.0.legalBasis",
        ),
    ],
)
def test_every_part_of_a_request_is_bounded(request_, field):
    with pytest.raises(InvalidInput) as refused:
        asked_items(request_, LISTED)
    assert problems(refused) == [field] and "limit" in refused.value.message_en


def test_the_items_are_written_out_numbered_with_their_basis_then_the_note():
    items = (SupplementItem("Giấy chứng sinh"), SupplementItem("Ảnh 4x6", BASIS))
    assert asked_text(items, "Bản chụp rõ nét") == (
        f"1. Giấy chứng sinh\n2. Ảnh 4x6 (căn cứ: {BASIS})\nBản chụp rõ nét"
    )
    assert asked_text(items, english=True).endswith(f"(legal basis: {BASIS})")


@pytest.fixture
def world():
    dossiers = MemoryDossiers()
    documents = tuple(RequiredDocument(name, "", 1, 0) for name in (DECLARATION, CERTIFICATE))
    catalog = catalog_of(make_procedure(processing_days=3, documents=documents))
    clock = FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM))
    intake = Intake(dossiers, MemoryCenters({"xa-ben-thanh": commune_center()}), catalog, clock)
    walk_in = WalkInApplicant("001090012345", "Nguyễn Văn An (mẫu)")
    request = SubmitRequest("request-0001", "1.001193", "xa-ben-thanh", {"child_full_name": "An Nhiên"})
    code = intake.receive(RECEPTION, walk_in, request).dossier.code
    return dossiers, Workflow(dossiers, catalog, clock), code


def test_the_workflow_checks_the_request_against_the_procedures_list_in_the_catalog(world):
    dossiers, workflow, code = world
    with pytest.raises(InvalidInput) as refused:
        workflow.act(PROCESSING, code, Action.REQUEST_SUPPLEMENT, "Bổ sung", supplement=SupplementRequest(("Ảnh",)))
    assert problems(refused) == ["supplement.documents.0"]
    with pytest.raises(InvalidInput) as refused:
        workflow.act(PROCESSING, code, Action.REQUEST_SUPPLEMENT, "Cần bổ sung giấy chứng sinh")  # a note alone
    assert problems(refused) == ["supplement"]
    assert dossiers.get(code).status is Status.RECEIVED  # nothing was recorded
    request = SupplementRequest((LISTED[1],), (OtherItem("Ảnh 4x6", BASIS),))
    asked = workflow.act(PROCESSING, code, Action.REQUEST_SUPPLEMENT, "", supplement=request)
    assert asked.status is Status.SUPPLEMENT_REQUESTED
    assert dossiers.get(code).timeline[-1].asked == (SupplementItem(LISTED[1]), SupplementItem("Ảnh 4x6", BASIS))
    with pytest.raises(Conflict):  # once only, whatever it lists
        workflow.act(PROCESSING, code, Action.REQUEST_SUPPLEMENT, supplement=request)


def test_no_other_step_takes_a_list_of_items(world):
    _, workflow, code = world
    with pytest.raises(InvalidInput) as refused:
        workflow.act(PROCESSING, code, Action.START_PROCESSING, supplement=SupplementRequest((LISTED[0],)))
    assert problems(refused) == ["supplement"]
    assert workflow.act(PROCESSING, code, Action.START_PROCESSING, supplement=SupplementRequest()).status is (
        Status.PROCESSING
    )


def test_a_procedure_no_longer_in_the_catalog_leaves_only_items_with_a_basis(world):
    dossiers, _, code = world
    workflow = Workflow(dossiers, catalog_of(), FixedClock(datetime(2026, 3, 3, 9, 0, tzinfo=VIETNAM)))
    with pytest.raises(InvalidInput):
        workflow.act(PROCESSING, code, Action.REQUEST_SUPPLEMENT, supplement=SupplementRequest((LISTED[0],)))
    other = SupplementRequest((), (OtherItem("Tờ khai", BASIS),))
    assert workflow.act(PROCESSING, code, Action.REQUEST_SUPPLEMENT, supplement=other).timeline[-1].asked
