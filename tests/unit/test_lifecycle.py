from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from portal.clock import VIETNAM
from portal.dossiers.lifecycle import (
    EXTEND,
    RATE,
    SET_APPOINTMENT,
    TRANSITIONS,
    Action,
    apply,
    extend_deadline,
    rate,
    set_appointment,
)
from portal.dossiers.model import ActorRole, Attachment, Status, SupplementItem
from portal.errors import Conflict, InvalidInput
from portal.workdays.time_limits import TimeUnit
from portal.workdays.vietnam_calendar import vietnam_calendar
from tests.support.factories import make_dossier

CAL = vietnam_calendar(2025, 2027)
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)
BIRTH_CERTIFICATE = (SupplementItem("Giấy chứng sinh"),)  # a document of the procedure's list


def test_an_officer_moves_a_dossier_from_received_to_returned():
    d = make_dossier(received_at=T0, processing_days=5)
    d, _ = apply(d, Action.START_PROCESSING, ActorRole.OFFICER, T0 + timedelta(hours=1), CAL)
    d, _ = apply(d, Action.MARK_RESULT_READY, ActorRole.OFFICER, T0 + timedelta(days=2), CAL)
    d, event = apply(d, Action.RETURN_RESULT, ActorRole.OFFICER, T0 + timedelta(days=3), CAL)
    assert d.status is Status.RETURNED
    assert [e.status for e in d.timeline][-3:] == [Status.PROCESSING, Status.RESULT_READY, Status.RETURNED]
    assert event.seq == len(d.timeline)
    assert d.completed_at == T0 + timedelta(days=2)  # the result was ready then
    assert not d.is_late(T0 + timedelta(days=30))


def test_a_transition_not_in_the_table_is_a_conflict():
    d = make_dossier(received_at=T0)
    with pytest.raises(Conflict):
        apply(d, Action.RETURN_RESULT, ActorRole.OFFICER, T0, CAL)


def test_only_the_role_named_in_the_table_may_act():
    d = make_dossier(received_at=T0)
    with pytest.raises(Conflict):
        apply(d, Action.START_PROCESSING, ActorRole.APPLICANT, T0, CAL)
    with pytest.raises(Conflict):
        apply(d, Action.WITHDRAW, ActorRole.OFFICER, T0, CAL)


@pytest.mark.parametrize("final", [Status.RETURNED, Status.REJECTED, Status.WITHDRAWN])
def test_nothing_leaves_a_final_status(final):
    assert not [action for (status, action) in TRANSITIONS if status is final]


def test_a_supplement_may_be_requested_only_once():
    d = make_dossier(received_at=T0)
    d, _ = apply(d, Action.REQUEST_SUPPLEMENT, ActorRole.OFFICER, T0, CAL, asked=BIRTH_CERTIFICATE)
    d, _ = apply(d, Action.PROVIDE_SUPPLEMENT, ActorRole.APPLICANT, T0 + timedelta(days=1), CAL, note="ok")
    with pytest.raises(Conflict) as refused:
        apply(d, Action.REQUEST_SUPPLEMENT, ActorRole.OFFICER, T0 + timedelta(days=2), CAL, asked=BIRTH_CERTIFICATE)
    assert "only once" in refused.value.message_en


def test_the_applicants_supplement_time_does_not_count():
    # 5 working days from Mon 2 March: due Mon 9 March. Supplement asked Wed 4 March (2 days used),
    # provided Mon 16 March: 3 days remain -> Thu 19 March.
    d = make_dossier(received_at=T0, processing_days=5, due=date(2026, 3, 9))
    d, _ = apply(
        d,
        Action.REQUEST_SUPPLEMENT,
        ActorRole.OFFICER,
        datetime(2026, 3, 4, 10, tzinfo=VIETNAM),
        CAL,
        asked=(SupplementItem("Tờ khai đăng ký khai sinh theo mẫu"),),
    )
    assert not d.is_late(datetime(2026, 3, 12, 10, tzinfo=VIETNAM))  # waiting on the applicant
    d, event = apply(
        d, Action.PROVIDE_SUPPLEMENT, ActorRole.APPLICANT, datetime(2026, 3, 16, 10, tzinfo=VIETNAM), CAL, note="ok"
    )
    assert d.due_date == date(2026, 3, 19)
    assert event.due_date == date(2026, 3, 19)


def test_a_result_after_the_appointment_date_is_late():
    d = make_dossier(received_at=T0, processing_days=1, due=date(2026, 3, 3))
    d, _ = apply(d, Action.START_PROCESSING, ActorRole.OFFICER, T0, CAL)
    d, _ = apply(d, Action.MARK_RESULT_READY, ActorRole.OFFICER, datetime(2026, 3, 4, 9, tzinfo=VIETNAM), CAL)
    assert d.is_late(datetime(2026, 3, 4, 9, tzinfo=VIETNAM))


def test_each_transition_bumps_the_version_for_optimistic_locking():
    d = replace(make_dossier(received_at=T0), version=3)
    d2, _ = apply(d, Action.START_PROCESSING, ActorRole.OFFICER, T0, CAL)
    assert d2.version == 4


def test_a_supplement_request_must_list_what_it_asks_and_a_refusal_say_why():
    d = make_dossier(received_at=T0)
    with pytest.raises(InvalidInput) as refused:
        apply(d, Action.REQUEST_SUPPLEMENT, ActorRole.OFFICER, T0, CAL, note="Bản sao giấy chứng sinh")
    assert [p.field for p in refused.value.problems] == ["supplement"]
    with pytest.raises(InvalidInput) as refused:
        apply(d, Action.REJECT, ActorRole.OFFICER, T0, CAL, note="  ")
    assert [p.field for p in refused.value.problems] == ["note"]
    with pytest.raises(InvalidInput) as refused:  # only a supplement request lists items
        apply(d, Action.START_PROCESSING, ActorRole.OFFICER, T0, CAL, asked=BIRTH_CERTIFICATE)
    assert [p.field for p in refused.value.problems] == ["supplement"]


def test_a_supplement_request_records_its_items_and_its_optional_note_on_the_timeline():
    asked = (*BIRTH_CERTIFICATE, SupplementItem("Ảnh 4x6", "Điều 16 Nghị định 123/2015/NĐ-CP"))
    d, event = apply(make_dossier(received_at=T0), Action.REQUEST_SUPPLEMENT, ActorRole.OFFICER, T0, CAL, asked=asked)
    assert d.status is Status.SUPPLEMENT_REQUESTED and event.asked == asked and event.note == ""
    assert d.timeline[-1] is event and [x.listed for x in event.asked] == [True, False]


def test_the_electronic_result_is_kept_with_the_dossier():
    d = make_dossier(received_at=T0)
    d, _ = apply(d, Action.START_PROCESSING, ActorRole.OFFICER, T0, CAL)
    result = Attachment("trich-luc-khai-sinh.pdf", "application/pdf", 52_000)
    d, _ = apply(d, Action.MARK_RESULT_READY, ActorRole.OFFICER, T0, CAL, result=result)
    assert d.result == result


def test_a_new_appointment_date_is_set_once_and_no_later_than_a_working_day_before():
    # due Monday 9 March 2026: the last day to apologize is Friday 6 March
    d = make_dossier(received_at=T0, due=date(2026, 3, 9))
    late = datetime(2026, 3, 9, 8, tzinfo=VIETNAM)
    with pytest.raises(Conflict):
        extend_deadline(d, date(2026, 3, 12), "Chờ xác minh", late, CAL)
    on_time = datetime(2026, 3, 6, 16, tzinfo=VIETNAM)
    with pytest.raises(InvalidInput):
        extend_deadline(d, date(2026, 3, 14), "Chờ xác minh", on_time, CAL)  # a Saturday
    d2, event = extend_deadline(d, date(2026, 3, 12), "Chờ xác minh của cơ quan công an", on_time, CAL)
    assert d2.due_date == event.due_date == date(2026, 3, 12) and d2.status is d.status and event.action == EXTEND
    with pytest.raises(Conflict):
        extend_deadline(d2, date(2026, 3, 13), "again", datetime(2026, 3, 10, 9, tzinfo=VIETNAM), CAL)


def test_a_dossier_is_rated_once_after_its_result():
    d = make_dossier(received_at=T0)
    with pytest.raises(Conflict):
        rate(d, 5, "", T0)
    d, _ = apply(d, Action.START_PROCESSING, ActorRole.OFFICER, T0, CAL)
    d, _ = apply(d, Action.MARK_RESULT_READY, ActorRole.OFFICER, T0, CAL)
    with pytest.raises(InvalidInput):
        rate(d, 6, "", T0)
    d, event = rate(d, 4, " Nhanh, chu đáo ", T0)
    assert d.rating.score == 4 and d.rating.comment == "Nhanh, chu đáo" and event.action == RATE
    with pytest.raises(Conflict):
        rate(d, 5, "", T0)


def test_a_supplement_in_calendar_days_keeps_the_calendar_days_left():
    # "10 Ngày" from Monday 2 March 2026: due Thursday 12 March. Supplement asked Thursday 5 March (3 days used:
    # 3, 4, 5), provided Monday 16 March: 7 days left -> Monday 23 March.
    d = make_dossier(received_at=T0, processing_days=10, processing_unit=TimeUnit.DAYS, due=date(2026, 3, 12))
    d, _ = apply(
        d,
        Action.REQUEST_SUPPLEMENT,
        ActorRole.OFFICER,
        datetime(2026, 3, 5, 10, tzinfo=VIETNAM),
        CAL,
        asked=BIRTH_CERTIFICATE,
    )
    d, event = apply(
        d, Action.PROVIDE_SUPPLEMENT, ActorRole.APPLICANT, datetime(2026, 3, 16, 10, tzinfo=VIETNAM), CAL, note="ok"
    )
    assert d.due_date == event.due_date == date(2026, 3, 23)


def test_the_receiving_officer_sets_the_appointment_of_a_dossier_without_a_known_time():
    d = make_dossier(received_at=T0, processing_days=0, processing_unit=None, due=None)
    assert d.time_limit is None and not d.is_late(datetime(2027, 1, 1, tzinfo=VIETNAM))
    at = datetime(2026, 3, 2, 10, tzinfo=VIETNAM)
    with pytest.raises(InvalidInput):
        set_appointment(d, date(2026, 3, 7), "Luật Lý lịch tư pháp: 10 ngày", at, CAL)  # a Saturday
    with pytest.raises(InvalidInput):
        set_appointment(d, date(2026, 2, 27), "Luật Lý lịch tư pháp: 10 ngày", at, CAL)  # before receipt
    with pytest.raises(InvalidInput):
        set_appointment(d, date(2026, 3, 12), "  ", at, CAL)  # no basis
    d2, event = set_appointment(d, date(2026, 3, 12), "Luật Lý lịch tư pháp: 10 ngày", at, CAL)
    assert d2.due_date == event.due_date == date(2026, 3, 12)
    assert event.action is SET_APPOINTMENT and event.actor is ActorRole.OFFICER and event.note.startswith("Luật")
    assert d2.version == d.version + 1 and d2.timeline[-1] == event
    with pytest.raises(Conflict):  # once: a later change is the apology and new date
        set_appointment(d2, date(2026, 3, 13), "again", at, CAL)


def test_no_apology_and_new_date_before_an_appointment_exists():
    d = make_dossier(received_at=T0, processing_days=0, processing_unit=None, due=None)
    with pytest.raises(Conflict):
        extend_deadline(d, date(2026, 3, 12), "Chờ xác minh", datetime(2026, 3, 3, 9, tzinfo=VIETNAM), CAL)
