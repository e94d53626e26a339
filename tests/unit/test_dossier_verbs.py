"""The dossier's verbs (Intake, Workflow, Following) against in-memory repositories: who may open,
change and read a dossier, and what a retry does, decided by the services without HTTP or DynamoDB."""

from __future__ import annotations

from datetime import datetime

import pytest

from portal.clock import VIETNAM, FixedClock
from portal.dossiers.following import Following
from portal.dossiers.intake import SubmitRequest, WalkInApplicant
from portal.dossiers.lifecycle import Action
from portal.dossiers.model import Channel, Status
from portal.dossiers.tracking import tracking_secret
from portal.dossiers.verbs import Intake, Workflow
from portal.errors import Conflict, Forbidden, InvalidInput, NotAuthenticated, NotFound
from portal.identity.principal import Anonymous, App, Citizen, Officer, OfficerRole, Scope
from tests.support.factories import make_procedure
from tests.support.memory import MemoryCenters, MemoryDossiers, catalog_of, commune_center

KEY = b"k" * 32
AN = Citizen("sub-an", "001090012345", "Nguyễn Văn An (mẫu)")
BINH = Citizen("sub-binh", "001090054321", "Trần Thị Bình (mẫu)")
RECEPTION = Officer("sub-r", "Cán bộ tiếp nhận (mẫu)", "xa-ben-thanh", OfficerRole.RECEPTION)
PROCESSING = Officer("sub-p", "Cán bộ xử lý (mẫu)", "xa-ben-thanh", OfficerRole.PROCESSING)
LEAD = Officer("sub-l", "Lãnh đạo (mẫu)", "xa-ben-thanh", OfficerRole.LEAD)
ELSEWHERE = Officer("sub-x", "Cán bộ nơi khác (mẫu)", "xa-khac", OfficerRole.PROCESSING)


@pytest.fixture
def world():
    dossiers = MemoryDossiers()
    centers = MemoryCenters({c.id: c for c in (commune_center(), commune_center("xa-khac", agency_code="X79.267.35"))})
    clock = FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM))  # a Monday, a working day
    catalog = catalog_of(make_procedure(processing_days=3))
    return (
        dossiers,
        clock,
        Intake(dossiers, centers, catalog, clock),
        Workflow(dossiers, catalog, clock),
        Following(dossiers, lambda: KEY),
    )


def request(request_id: str = "request-0001", **overrides) -> SubmitRequest:
    values = {"procedure_code": "1.001193", "center_id": "xa-ben-thanh", "form_data": {"child_full_name": "An Nhiên"}}
    values.update(overrides)
    return SubmitRequest(request_id=request_id, **values)


def test_a_citizen_files_online_and_a_retry_opens_nothing_new(world):
    dossiers, _, intake, _, following = world
    first = intake.submit(AN, request())
    again = intake.submit(AN, request())
    assert not first.duplicate and again.duplicate and again.dossier.code == first.dossier.code
    assert len(dossiers.dossiers) == 1
    assert first.dossier.status is Status.RECEIVED and first.dossier.channel is Channel.ONLINE
    assert str(first.dossier.due_date) == "2026-03-05"  # 3 working days counted from the day after receipt
    assert [d.code for d in following.mine(AN, None, None).items] == [first.dossier.code]


def test_a_request_id_another_person_reused_names_nothing(world):
    _, _, intake, _, _ = world
    intake.submit(AN, request())
    made = intake.submit(BINH, request())  # keyed by applicant: Bình's own first dossier
    assert not made.duplicate


@pytest.mark.parametrize(
    "principal, refusal",
    [
        (Anonymous(), NotAuthenticated),
        (RECEPTION, Forbidden),
        (App("app", frozenset({Scope.DOSSIERS_READ}), AN), Forbidden),
    ],
)
def test_only_a_citizen_or_an_app_they_let_write_files_online(world, principal, refusal):
    _, _, intake, _, _ = world
    with pytest.raises(refusal):
        intake.submit(principal, request())


def test_a_center_that_does_not_exist_or_a_bad_request_id_is_refused_with_its_field(world):
    _, _, intake, _, _ = world
    with pytest.raises(NotFound):
        intake.submit(AN, request(center_id="xa-khong-co"))
    with pytest.raises(InvalidInput) as refused:
        intake.submit(AN, request("short"))
    assert refused.value.problems[0].field == "clientRequestId"


def test_the_desk_receives_only_at_its_own_center_and_only_reception_officers(world):
    _, _, intake, _, _ = world
    walk_in = WalkInApplicant("001090012345", "Nguyễn Văn An (mẫu)")
    with pytest.raises(Forbidden):
        intake.receive(PROCESSING, walk_in, request())
    with pytest.raises(Forbidden):
        intake.receive(RECEPTION, walk_in, request(center_id="xa-khac"))
    received = intake.receive(RECEPTION, walk_in, request())
    assert received.dossier.channel is Channel.IN_PERSON


def test_officers_move_the_dossier_and_the_applicant_cannot_process_it(world):
    _, _, intake, workflow, _ = world
    code = intake.submit(AN, request()).dossier.code
    with pytest.raises(Forbidden):
        workflow.act(AN, code, Action.START_PROCESSING)
    with pytest.raises(NotFound):  # another center's officer is told it does not exist
        workflow.act(ELSEWHERE, code, Action.START_PROCESSING)
    processed = workflow.act(PROCESSING, code, Action.START_PROCESSING, "Đang xử lý")
    assert processed.status is Status.PROCESSING and processed.timeline[-1].note == "Đang xử lý"


def test_only_the_lead_extends_and_only_once(world):
    _, clock, intake, workflow, _ = world
    code = intake.submit(AN, request()).dossier.code
    workflow.act(PROCESSING, code, Action.START_PROCESSING)
    new_due = datetime(2026, 3, 10).date()
    with pytest.raises(Forbidden):
        workflow.extend_deadline(PROCESSING, code, new_due, "Cần xác minh thêm")
    extended = workflow.extend_deadline(LEAD, code, new_due, "Cần xác minh thêm")
    assert extended.due_date == new_due
    with pytest.raises(Conflict):
        workflow.extend_deadline(LEAD, code, datetime(2026, 3, 11).date(), "Lần nữa")


def test_a_center_queue_is_its_officers_and_a_receipt_opens_a_dossier_to_anyone(world):
    _, _, intake, _, following = world
    code = intake.submit(AN, request()).dossier.code
    assert [d.code for d in following.center_queue(PROCESSING, None, None, None).items] == [code]
    assert following.center_queue(ELSEWHERE, None, None, None).items == []
    with pytest.raises(Forbidden):
        following.center_queue(AN, None, None, None)
    assert following.track(Anonymous(), code, tracking_secret(KEY, code)).code == code
    with pytest.raises(NotFound):
        following.track(Anonymous(), code, "0" * len(tracking_secret(KEY, code)))
    with pytest.raises(NotFound):
        following.get(BINH, code)
