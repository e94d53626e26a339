from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from portal.clock import VIETNAM
from portal.dossiers.lifecycle import TRANSITIONS, Action, apply
from portal.dossiers.model import ActorRole, Status
from portal.errors import Conflict
from portal.workdays.vietnam_calendar import vietnam_calendar
from tests.support.factories import make_dossier

CAL = vietnam_calendar(2025, 2027)
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)


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
    d, _ = apply(d, Action.REQUEST_SUPPLEMENT, ActorRole.OFFICER, T0, CAL)
    d, _ = apply(d, Action.PROVIDE_SUPPLEMENT, ActorRole.APPLICANT, T0 + timedelta(days=1), CAL)
    with pytest.raises(Conflict) as refused:
        apply(d, Action.REQUEST_SUPPLEMENT, ActorRole.OFFICER, T0 + timedelta(days=2), CAL)
    assert "only once" in refused.value.message_en


def test_the_applicants_supplement_time_does_not_count():
    # 5 working days from Mon 2 March: due Mon 9 March. Supplement asked Wed 4 March (2 days used),
    # provided Mon 16 March: 3 days remain -> Thu 19 March.
    d = make_dossier(received_at=T0, processing_days=5, due=date(2026, 3, 9))
    d, _ = apply(d, Action.REQUEST_SUPPLEMENT, ActorRole.OFFICER, datetime(2026, 3, 4, 10, tzinfo=VIETNAM), CAL)
    assert not d.is_late(datetime(2026, 3, 12, 10, tzinfo=VIETNAM))  # waiting on the applicant
    d, event = apply(d, Action.PROVIDE_SUPPLEMENT, ActorRole.APPLICANT, datetime(2026, 3, 16, 10, tzinfo=VIETNAM), CAL)
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
