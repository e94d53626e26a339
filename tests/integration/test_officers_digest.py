"""The officers' working-morning digest on a fixed clock: each center is told of its dossiers due within
one working day and of those late, once a day, in its inbox and by e-mail."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime

import pytest

from portal.centers.model import Center, CenterKind
from portal.clock import VIETNAM, FixedClock
from portal.dossiers.model import Status
from tests.conftest import STACK
from tests.support.factories import make_dossier
from tests.support.notifications import smtp, unique_email

TUESDAY_MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=VIETNAM)


@pytest.fixture
def center(seeded):
    """A commune center of this test only, removed after it: a center left in the shared Centers table
    would be one more center of Hà Nội for every later test (the browser tests choose a center there)."""
    from portal.store.center_items import CenterItem
    from portal.store.centers import CenterStore

    c = Center(
        id=f"hcc-digest-{uuid.uuid4().hex[:8]}",
        kind=CenterKind.COMMUNE,
        name="Trung tâm thử bản tin sáng (mẫu)",
        agency_code="X01.001.00",
        province_code="01",
        commune_code=None,
        address="",
        hotline="",
        opening_hours="",
        location=None,
        is_sample=True,
        email=unique_email(),
    )
    CenterStore().put_many([c])
    yield c
    CenterItem(center_id=c.id).delete()


def _file(store, center: Center, due: date, status: Status = Status.RECEIVED) -> str:
    code = f"X01.001.00-260302-{uuid.uuid4().hex[:6]}"
    d = make_dossier(code=code, center_id=center.id, province_code="01", due=due)
    store.create(replace(d, status=status), uuid.uuid4().hex, d.received_at)
    return code


def test_the_digest_lists_dossiers_due_within_a_working_day_and_late_ones_once_a_day(jwks_server, center):
    from portal.bootstrap import build_notifier, build_services
    from portal.jobs.registry import officers_digest

    services = build_services(clock=FixedClock(TUESDAY_MORNING))
    store = services.dossiers
    today = _file(store, center, date(2026, 3, 10))
    tomorrow = _file(store, center, date(2026, 3, 11))
    late = _file(store, center, date(2026, 3, 5))
    later = _file(store, center, date(2026, 3, 12))  # two working days away: not yet
    waiting = _file(store, center, date(2026, 3, 5), Status.SUPPLEMENT_REQUESTED)  # the applicant's turn
    done = _file(store, center, date(2026, 3, 5), Status.RESULT_READY)

    notifier = build_notifier(services)
    assert officers_digest(services, notifier)["workingDay"] is True
    officers_digest(services, notifier)  # the job ran twice this morning: still one digest

    inbox = [e for e in services.notifications.inbox(f"center:{center.id}", 50, None).items if e.action == "digest"]
    assert [e.code for e in inbox] == ["digest-2026-03-10"]
    assert inbox[0].subject_vi == "Ngày 10/03/2026: 2 hồ sơ đến hạn, 1 hồ sơ quá hạn"
    mails = smtp(STACK).messages(center.email)
    assert len(mails) == 1
    body = mails[0].body
    assert today in body and tomorrow in body and late in body
    assert later not in body and waiting not in body and done not in body
    assert body.index(today) < body.index(tomorrow) < body.index(late)  # due soon first, then late


def test_no_digest_on_a_day_off(jwks_server, center):
    from portal.bootstrap import build_notifier, build_services
    from portal.jobs.registry import officers_digest

    sunday = FixedClock(datetime(2026, 3, 8, 7, 0, tzinfo=VIETNAM))
    services = build_services(clock=sunday)
    _file(services.dossiers, center, date(2026, 3, 9))
    assert officers_digest(services, build_notifier(services))["workingDay"] is False
    inbox = services.notifications.inbox(f"center:{center.id}", 50, None).items
    assert [e for e in inbox if e.action == "digest"] == []
