"""Dossier events through DynamoDB Local's stream, the same consumer code as the Lambda, and a real local
SMTP server: each transition tells the people concerned once, by inbox and by e-mail (or SMS)."""

from __future__ import annotations

import pytest

from portal.notifications.model import Channel, DeliveryState
from tests.conftest import STACK
from tests.support.journeys import act, asking_for, submit
from tests.support.notifications import consumer, settle, smtp, unique_email, unique_pid, wait_for

CENTER = "hcc-01-00148"  # Phường Long Biên (no other test files here: KPI tests count their centers)
RESULT = {"name": "trich-luc-khai-sinh.pdf", "contentType": "application/pdf", "sizeBytes": 48213}


@pytest.fixture(autouse=True)
def _engines(seeded, jwks_server):
    assert smtp(STACK).healthy() and consumer(STACK).healthy()


def _inbox(api, token: str, code: str) -> list[dict]:
    r = api.run("MyNotifications", {"first": 100}, token=token)
    assert r.errors == [], r.errors
    return [e["node"] for e in r.data["myNotifications"]["edges"] if e["node"]["dossierCode"] == code]


def test_each_transition_tells_the_people_concerned_exactly_once(api, people):
    email = unique_email()
    citizen = people.citizen(pid=unique_pid(), email=email)
    code = submit(api, citizen, CENTER, email=email)["code"]
    processing, reception = people.officer(CENTER, "processing"), people.officer(CENTER, "reception")
    act(api, processing, code, "START_PROCESSING")
    act(api, processing, code, "REQUEST_SUPPLEMENT", supplement=asking_for("Giấy chứng sinh"))
    act(api, citizen, code, "PROVIDE_SUPPLEMENT", note="Đã nộp bản sao có chứng thực")
    act(api, processing, code, "MARK_RESULT_READY", result=RESULT)
    act(api, reception, code, "RETURN_RESULT")

    mails = wait_for(lambda: len(smtp(STACK).messages(email)) >= 5 and smtp(STACK).messages(email), what="5 e-mails")
    settle()
    mails = smtp(STACK).messages(email)
    assert len(mails) == 5
    subjects = [m.subject for m in mails]
    assert sorted(subjects) == sorted(
        f"{vi} / {en}"
        for vi, en in [
            (f"Hồ sơ {code} đã được tiếp nhận", f"Dossier {code} was received"),
            (f"Hồ sơ {code} đang được giải quyết", f"Dossier {code} is being processed"),
            (f"Hồ sơ {code} cần bổ sung", f"Dossier {code} needs more documents"),
            (f"Hồ sơ {code} đã có kết quả", f"Dossier {code} has a result"),
            (f"Hồ sơ {code} đã trả kết quả", f"Dossier {code}: result handed over"),
        ]
    )
    supplement = next(m for m in mails if "cần bổ sung" in m.subject)
    assert "1. Giấy chứng sinh; nếu không có" in supplement.body and f"/#/ho-so/{code}" in supplement.body

    mine = _inbox(api, citizen, code)
    assert [n["action"] for n in mine] == [
        "return_result",
        "mark_result_ready",
        "request_supplement",
        "start_processing",
        "receive",
    ]
    assert all(not n["read"] for n in mine)
    theirs = _inbox(api, reception, code)  # the center's officers share its inbox
    assert sorted(n["action"] for n in theirs) == ["provide_supplement", "receive"]
    assert _inbox(api, people.officer("hcc-01"), code) == []  # another center hears nothing of it


def test_marking_read_empties_the_bell(api, people):
    citizen = people.citizen(pid=unique_pid())
    code = submit(api, citizen, CENTER)["code"]
    act(api, people.officer(CENTER, "processing"), code, "START_PROCESSING")
    wait_for(lambda: len(_inbox(api, citizen, code)) == 2, what="two notices")
    unread = api.run("UnreadNotifications", token=citizen).data["myNotifications"]["unreadCount"]
    assert unread == 2
    first = _inbox(api, citizen, code)[0]["id"]
    marked = api.run("MarkNotificationsRead", {"input": {"ids": [first]}}, token=citizen).data["markNotificationsRead"]
    assert (marked["marked"], marked["unreadCount"]) == (1, 1)
    marked = api.run("MarkNotificationsRead", {"input": {"ids": []}}, token=citizen).data["markNotificationsRead"]
    assert (marked["marked"], marked["unreadCount"]) == (1, 0)
    too_many = api.run("MarkNotificationsRead", {"input": {"ids": ["x"] * 101}}, token=citizen)
    assert too_many.data["markNotificationsRead"]["__typename"] == "InvalidInputError"


def test_a_citizen_who_chose_sms_gets_one_without_personal_data(api, people):
    pid = unique_pid()
    citizen = people.citizen(pid=pid)
    saved = api.run("SetNotificationPreferences", {"input": {"email": False, "sms": True}}, token=citizen)
    assert saved.data["setNotificationPreferences"]["preferences"] == {"inbox": True, "email": False, "sms": True}
    assert api.run("NotificationPreferences", token=citizen).data["notificationPreferences"]["sms"] is True
    email = unique_email()
    code = submit(api, citizen, CENTER, email=email, phone="0987654321")["code"]
    outbox = consumer(STACK).consumer.notifier.worker.clients[Channel.SMS]
    sms = wait_for(lambda: [s for s in outbox.sent if code in s["text"]], what="the SMS")
    settle()
    assert len([s for s in outbox.sent if code in s["text"]]) == 1
    assert sms[0]["to"] == "+84987654321" and "/#/ho-so/" in sms[0]["text"]
    assert "Nguyễn" not in sms[0]["text"] and pid not in sms[0]["text"]
    assert smtp(STACK).messages(email) == []  # e-mail was not chosen


def test_officers_preferences_are_refused_and_anonymous_has_no_inbox(api, people):
    officer = api.run("NotificationPreferences", token=people.officer(CENTER))
    assert officer.error_codes == ["FORBIDDEN"]
    assert api.run("MyNotifications", {"first": 1}).error_codes == ["UNAUTHENTICATED"]


def test_smtp_down_is_retried_until_it_is_back_and_sends_once(api, people, services):
    server = smtp(STACK)
    email = unique_email()
    pid = unique_pid()
    citizen = people.citizen(pid=pid)
    server.stop()
    try:
        code = submit(api, citizen, CENTER, email=email)["code"]
        key = f"{code}#0001#citizen:{pid}#email"
        failed = wait_for(
            lambda: (
                (d := services.notifications.get_delivery(key)) and d.state is DeliveryState.TEMPORARY_FAILURE and d
            ),
            what="a temporary failure",
        )
        assert failed.attempts >= 1 and failed.next_attempt_at is not None
    finally:
        server.start()
    wait_for(lambda: server.messages(email), what="the e-mail once the server is back")
    settle(1.5)
    assert len(server.messages(email)) == 1
    done = services.notifications.get_delivery(key)
    assert done.state is DeliveryState.DELIVERED and done.attempts >= 2


def test_a_bounced_address_fails_for_good_and_is_listed_for_ops(api, people, services):
    pid = unique_pid()
    email = unique_email("bounce.invalid")
    code = submit(api, people.citizen(pid=pid), CENTER, email=email)["code"]
    key = f"{code}#0001#citizen:{pid}#email"
    failed = wait_for(
        lambda: (d := services.notifications.get_delivery(key)) and d.state is DeliveryState.PERMANENT_FAILURE and d,
        what="a permanent failure",
    )
    assert failed.attempts == 1 and "550" in failed.last_error
    assert key in {d.key for d in services.notifications.failed_deliveries(limit=100)}
    assert smtp(STACK).messages(email) == []
