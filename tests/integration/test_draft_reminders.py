"""The draft-reminders job on DynamoDB Local and the local SMTP server, with a fixed clock: a citizen is
told REMINDER_DAYS before a draft is deleted (inbox, e-mail, SMS as chosen), once per expiry; a draft past
its expiry that TTL left is deleted by the job. The clocks are in early 2025, before any other test's
drafts expire, so the job sees only this file's drafts."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest

from portal.channels.sms import OutboxSms
from portal.clock import VIETNAM, FixedClock
from portal.identity.principal import Citizen
from portal.notifications.model import Preferences
from tests.conftest import STACK
from tests.support.notifications import smtp, unique_email, unique_pid

SAVED_AT = datetime(2025, 1, 10, 9, 30, tzinfo=VIETNAM)  # expires 9 February 2025, 09:30


def _save(services, email: str, phone: str = "") -> Citizen:
    from portal.drafts.service import DraftInput, save_draft

    citizen = Citizen(subject=f"s-{uuid.uuid4().hex[:8]}", id_number=unique_pid(), full_name="Nguyễn Văn Nhắc")
    given = DraftInput(uuid.uuid4().hex, "1.001193", {"child_full_name": "Nguyễn Minh"}, phone=phone, email=email)
    save_draft(services.drafts, services.catalog, FixedClock(SAVED_AT), citizen, given)
    return citizen


def _run(at: datetime, sms: OutboxSms):
    from portal.bootstrap import build_notifier, build_services
    from portal.jobs.registry import draft_reminders

    services = build_services(clock=FixedClock(at))
    return services, draft_reminders(services, build_notifier(services, sms=sms))


@pytest.fixture
def no_background_retries():
    """The session's stream consumer retries due deliveries every 0.5 s on the real clock: to it, a delivery
    stamped with this test's February clock looks long overdue, and it would send the SMS through its own
    outbox instead of the test's. Its retry job waits while this test runs."""
    from infra.local.stream_consumer import StreamPoller

    poller = next(e for e in STACK.engines if isinstance(e, StreamPoller))
    kept = poller.jobs.retry_seconds
    poller.jobs.retry_seconds = float("inf")
    yield
    poller.jobs.retry_seconds = kept


def test_a_citizen_is_reminded_three_days_before_a_draft_is_deleted_once_by_each_chosen_channel(
    jwks_server, seeded, no_background_retries
):
    from portal.bootstrap import build_services

    services = build_services(clock=FixedClock(SAVED_AT))
    email = unique_email()
    citizen = _save(services, email, phone="0912345678")
    services.notifications.set_preferences(citizen.id_number, Preferences(email=True, sms=True))
    sms = OutboxSms()

    _, early = _run(SAVED_AT + timedelta(days=26), sms)  # 4 days before: not yet
    assert early["reminded"] == 0 and smtp(STACK).messages(email) == []

    due = SAVED_AT + timedelta(days=27, hours=1)  # 6 February 10:30, less than 3 days before
    services, first = _run(due, sms)
    _, again = _run(due + timedelta(hours=5), sms)  # the job ran again (a retry, a second schedule)
    assert first["reminded"] == 1 and again["reminded"] == 0

    mails = smtp(STACK).messages(email)
    assert len(mails) == 1
    assert "sẽ bị xoá ngày 09/02/2025" in mails[0].subject and "#/nop-ho-so/1.001193" in mails[0].body
    assert [m["text"] for m in sms.sent] == [
        f"DVC: Ban nhap ho so cua ban se bi xoa ngay 09/02/2025. Tiep tuc: {services.portal_url}/#/nop-ho-so/1.001193"
    ]
    inbox = services.notifications.inbox(f"citizen:{citizen.id_number}", 10, None).items
    assert [(e.action, e.code) for e in inbox] == [("draft-reminder", "draft-1.001193-2025-02-09")]
    assert services.drafts.get(citizen.id_number, "1.001193") is not None, "reminded, not deleted"


def test_a_changed_draft_is_reminded_of_its_new_expiry_and_an_expired_one_deleted_by_the_job(jwks_server, seeded):
    from portal.bootstrap import build_services
    from portal.drafts.service import DraftInput, save_draft

    services = build_services(clock=FixedClock(SAVED_AT))
    email = unique_email()
    citizen = _save(services, email)
    sms = OutboxSms()
    _run(SAVED_AT + timedelta(days=28), sms)
    assert len(smtp(STACK).messages(email)) == 1

    changed_at = SAVED_AT + timedelta(days=29)  # the citizen came back: kept 30 more days, a new reminder due
    given = DraftInput(uuid.uuid4().hex, "1.001193", {"child_full_name": "Nguyễn Minh Anh"}, email=email)
    save_draft(services.drafts, services.catalog, FixedClock(changed_at), citizen, given)
    _, later = _run(changed_at + timedelta(days=28), sms)
    assert later["reminded"] == 1 and len(smtp(STACK).messages(email)) == 2

    other = _save(services, unique_email())  # never changed again: past its expiry, TTL has not run
    _, swept = _run(SAVED_AT + timedelta(days=30, minutes=1), sms)
    assert swept["deleted"] >= 1
    assert services.drafts.get(other.id_number, "1.001193") is None
    assert services.drafts.get(citizen.id_number, "1.001193") is not None, "its expiry moved on: kept"
