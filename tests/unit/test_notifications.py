"""Notification rules without I/O: who is told of what, the templates, the delivery states and retries,
the digest's split; the notifier and worker against an in-memory store and fake providers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from portal.clock import VIETNAM, FixedClock
from portal.dossiers.model import Action, ActorRole, Applicant, Status, SupplementItem, TimelineEvent
from portal.notifications import delivery as rules
from portal.notifications.digest import split
from portal.notifications.handlers import notices_for
from portal.notifications.model import (
    Channel,
    Delivery,
    DeliveryState,
    PermanentFailure,
    Preferences,
    RecipientKind,
    TemporaryFailure,
)
from portal.notifications.service import Notifier
from portal.notifications.worker import DeliveryWorker
from portal.pagination import Page
from portal.workdays.working_days import WorkCalendar
from tests.support.factories import make_dossier

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)
URL = "https://dichvucong.example"


def _event(action: Action, actor: ActorRole = ActorRole.OFFICER, note: str = "", seq: int = 2) -> TimelineEvent:
    return TimelineEvent(seq, NOW, action, Status.PROCESSING, actor, note, date(2026, 3, 9))


def _dossier(**overrides):
    applicant = Applicant("001090012345", "Nguyễn Văn An (mẫu)", phone="0912345678", email="an@example.vn")
    return make_dossier(applicant=applicant, **overrides)


@pytest.mark.parametrize(
    ("action", "actor", "told"),
    [
        (Action.RECEIVE, ActorRole.SYSTEM, {RecipientKind.CITIZEN, RecipientKind.CENTER}),
        (Action.START_PROCESSING, ActorRole.OFFICER, {RecipientKind.CITIZEN}),
        (Action.PROVIDE_SUPPLEMENT, ActorRole.APPLICANT, {RecipientKind.CENTER}),
        (Action.WITHDRAW, ActorRole.APPLICANT, {RecipientKind.CENTER}),
        (Action.POST_MESSAGE, ActorRole.APPLICANT, {RecipientKind.CENTER}),
        (Action.POST_MESSAGE, ActorRole.OFFICER, {RecipientKind.CITIZEN}),
    ],
)
def test_each_event_tells_the_side_that_did_not_act(action, actor, told):
    notices = notices_for(_dossier(), _event(action, actor, note="x"), URL)
    assert {n.recipient.kind for n in notices} == told


def test_a_supplement_request_says_what_to_bring_in_both_languages_and_the_sms_says_nothing_personal():
    d = _dossier()
    asked = (
        SupplementItem("Giấy chứng sinh"),
        SupplementItem("Bản sao giấy chứng nhận kết hôn", "Điều 16 Luật Hộ tịch"),
    )
    event = replace(_event(Action.REQUEST_SUPPLEMENT, note="Bản chụp rõ nét"), asked=asked)
    [notice] = notices_for(d, event, URL)
    m = notice.message
    assert m.subject_vi == f"Hồ sơ {d.code} cần bổ sung" and m.subject_en == f"Dossier {d.code} needs more documents"
    assert "1. Giấy chứng sinh\n2. Bản sao giấy chứng nhận kết hôn (căn cứ: Điều 16 Luật Hộ tịch)\n" in m.body_vi
    assert "(legal basis: Điều 16 Luật Hộ tịch)" in m.body_en
    assert "Bản chụp rõ nét" in m.body_vi and "Bản chụp rõ nét" in m.body_en  # the officer's explanations
    assert m.link == f"{URL}/#/ho-so/{d.code}" and d.code in m.sms and m.link in m.sms
    assert "Nguyễn" not in m.sms and "giấy" not in m.sms


def test_dates_are_written_the_vietnamese_way_first():
    [notice] = notices_for(_dossier(), _event(Action.START_PROCESSING), URL)
    assert "09/03/2026" in notice.message.body_vi and "2026-03-09" in notice.message.body_en


def test_the_backoff_doubles_and_gives_up_after_the_last_attempt():
    d = Delivery("C", 1, "citizen:1", Channel.EMAIL, "a@b.vn", "s", "b", DeliveryState.CREATED, NOW)
    seen = []
    for _ in range(rules.MAX_ATTEMPTS):
        d = rules.failed_for_now(rules.start_sending(d, NOW), "503", NOW)
        seen.append(d.next_attempt_at - NOW if d.next_attempt_at else None)
    assert seen[:4] == [timedelta(seconds=30), timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert d.state is DeliveryState.PERMANENT_FAILURE and "gave up after 5 attempts" in d.last_error
    with pytest.raises(ValueError):
        rules.start_sending(d, NOW)


def test_preferences_choose_channels_but_the_inbox_is_always_on():
    d = _dossier()
    [notice] = notices_for(d, _event(Action.START_PROCESSING), URL)
    r = notice.recipient
    assert Preferences().channels(r) == (Channel.INBOX, Channel.EMAIL)
    assert Preferences(email=False, sms=True).channels(r) == (Channel.INBOX, Channel.SMS)
    assert Preferences(email=True).channels(replace(r, email="")) == (Channel.INBOX,)


def test_the_digest_splits_open_dossiers_into_due_soon_and_late_by_center():
    friday = date(2026, 3, 6)
    cal = WorkCalendar(holidays=frozenset())
    ds = [
        make_dossier(code="A", due=date(2026, 3, 6)),
        make_dossier(code="B", due=date(2026, 3, 9)),  # Monday: the next working day after Friday
        make_dossier(code="C", due=date(2026, 3, 10)),
        make_dossier(code="D", due=date(2026, 3, 4)),
        make_dossier(code="E", due=date(2026, 3, 9), center_id="hcc-02"),
    ]
    digests = split(ds, friday, cal)
    assert [d.code for d in digests["hcc-01"].due_soon] == ["A", "B"]
    assert [d.code for d in digests["hcc-01"].late] == ["D"]
    assert [d.code for d in digests["hcc-02"].due_soon] == ["E"]


# --- the notifier and the worker against fakes ---------------------------------------------------------
class MemoryStore:
    def __init__(self):
        self.inbox_entries, self.deliveries, self.prefs = {}, {}, {}

    def add_to_inbox(self, entry):
        key = (entry.recipient_key, entry.id)
        added = key not in self.inbox_entries
        self.inbox_entries.setdefault(key, entry)
        return added

    def add_delivery(self, d):
        if d.key in self.deliveries:
            return False
        self.deliveries[d.key] = d
        return True

    def get_delivery(self, key):
        return self.deliveries.get(key)

    def save_delivery(self, d, expected, expected_attempts):
        current = self.deliveries[d.key]
        if current.state is not expected or current.attempts != expected_attempts:
            return False
        self.deliveries[d.key] = d
        return True

    def due_deliveries(self, now, limit):
        final = rules.FINAL
        return [d for d in self.deliveries.values() if d.state not in final and (d.next_attempt_at or now) <= now]

    def failed_deliveries(self, limit):
        return [d for d in self.deliveries.values() if d.state is DeliveryState.PERMANENT_FAILURE]

    def inbox(self, recipient_key, first, after):
        return Page([e for (k, _), e in self.inbox_entries.items() if k == recipient_key], None)

    def unread_count(self, recipient_key):
        return len(self.inbox(recipient_key, None, None).items)

    def mark_read(self, recipient_key, ids):
        return 0

    def preferences(self, citizen_id):
        return self.prefs.get(citizen_id, Preferences())

    def set_preferences(self, citizen_id, p):
        self.prefs[citizen_id] = p


class Provider:
    def __init__(self, *failures):
        self.failures, self.sent = list(failures), []

    def send(self, to, *parts):
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((to, *parts))
        return "id"


class Dossiers:
    def __init__(self, dossier):
        self.dossier = dossier

    def get(self, code):
        return self.dossier if code == self.dossier.code else None


def _notifier(email: Provider, sms: Provider | None = None, clock=None):
    clock = clock or FixedClock(NOW)
    d = _dossier()
    d = replace(d, timeline=(*d.timeline, _event(Action.START_PROCESSING)))
    store = MemoryStore()
    worker = DeliveryWorker(store, email, sms or Provider(), clock)
    return Notifier(Dossiers(d), store, worker, clock, URL), store, d


def test_handling_an_event_twice_tells_nobody_twice():
    email = Provider()
    notifier, store, d = _notifier(email)
    notifier.handle_event(d.code, 2)
    notifier.handle_event(d.code, 2)
    assert len(email.sent) == 1 and len(store.inbox_entries) == 1


def test_a_temporary_failure_is_retried_when_due_and_a_permanent_one_is_not():
    clock = FixedClock(NOW)
    email = Provider(TemporaryFailure("421 try later"))
    notifier, store, d = _notifier(email, clock=clock)
    report = notifier.handle_event(d.code, 2)
    assert report.retrying == 1 and email.sent == []
    assert notifier.worker.send_due().delivered == 0  # not due yet
    clock.advance(timedelta(seconds=31))
    assert notifier.worker.send_due().delivered == 1 and len(email.sent) == 1

    bounced = Provider(PermanentFailure("550 no such mailbox"))
    notifier, store, d = _notifier(bounced, clock=clock)
    assert notifier.handle_event(d.code, 2).failed == 1
    clock.advance(timedelta(hours=1))
    assert notifier.worker.send_due().delivered == 0 and bounced.sent == []
    assert [x.last_error for x in store.failed_deliveries(10)] == ["550 no such mailbox"]


def test_an_event_that_is_not_there_is_a_poison_record():
    from portal.notifications.service import UnknownEvent

    notifier, _, d = _notifier(Provider())
    with pytest.raises(UnknownEvent):
        notifier.handle_event(d.code, 99)
    with pytest.raises(UnknownEvent):
        notifier.handle_event("NO-SUCH-CODE", 1)


def test_stream_records_other_than_event_inserts_are_not_events():
    from portal.events.records import PoisonRecord, event_key

    def record(name, sk):
        return {"eventName": name, "dynamodb": {"Keys": {"pk": {"S": "C"}, "sk": {"S": sk}}}}

    assert event_key(record("INSERT", "EVENT#0003")).as_dict() == {"code": "C", "seq": 3}
    assert event_key(record("MODIFY", "DOSSIER")) is None
    assert event_key(record("INSERT", "DOSSIER")) is None
    assert event_key(record("REMOVE", "EVENT#0003")) is None
    with pytest.raises(PoisonRecord):
        event_key(record("INSERT", "EVENT#zz"))


class KeyCheckingStore(MemoryStore):
    """Refuses what DynamoDB refuses: an empty sort key (a ValidationException, INTERNAL_SERVER_ERROR)."""

    def mark_read(self, recipient_key, ids):
        if any(not i for i in ids):
            raise RuntimeError("ValidationException: a key attribute cannot contain an empty string value")
        return 0


ENTRY_ID = "2026-03-02T09:00:00+07:00#X01.013.00-260302-010002#0001"


@pytest.mark.parametrize("bad", ["", " ", "x", "2026-03-02T09:00:00+07:00#X01#1", "a\x00b", "x" * 201])
def test_marking_read_refuses_an_empty_or_malformed_id_before_the_store(bad):
    """issue 25, item 3: markNotificationsRead(ids: [""]) reached DynamoDB."""
    from portal.errors import InvalidInput
    from portal.identity.principal import Citizen
    from portal.notifications.inbox import mark_read

    with pytest.raises(InvalidInput) as refused:
        mark_read(KeyCheckingStore(), Citizen("sub-1", "001090012345", "An"), [ENTRY_ID, bad])
    assert refused.value.problems[0].field == "ids"


def test_marking_read_takes_the_ids_the_inbox_gives():
    from portal.identity.principal import Citizen
    from portal.notifications.inbox import mark_read
    from portal.notifications.model import InboxEntry

    entry_id = InboxEntry(
        "citizen:001090012345",
        "X01.013.00-260302-010002",
        1,
        "receive",
        datetime(2026, 3, 2, 9, tzinfo=VIETNAM),
        "s",
        "s",
        "b",
        "b",
        "l",
    ).id
    assert mark_read(KeyCheckingStore(), Citizen("sub-1", "001090012345", "An"), [entry_id]) == (0, 0)
