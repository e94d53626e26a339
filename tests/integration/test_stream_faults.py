"""Faults of the event stream: a record delivered twice, the consumer killed in the middle of a batch and
restarted, a poison record. Nothing is lost, nothing is sent twice, the poison goes to the dead letters."""

from __future__ import annotations

import time
import uuid

import pytest

from infra.local.stream_consumer import StreamPoller
from tests.conftest import STACK
from tests.support.journeys import act, asking_for, submit
from tests.support.notifications import consumer, settle, smtp, unique_email, unique_pid, wait_for

CENTER = "hcc-01-00160"  # Phường Nghĩa Đô


class SimulatedKill(BaseException):
    """Not an Exception: like a killed process, it escapes the batch processor and every handler."""


class DiesOnThirdEvent:
    """The notifier, except that the consumer dies when it reaches the third event of one dossier (the
    consumer reads the dossier once and hands it to the notifier and every subscriber)."""

    def __init__(self, inner, code: str) -> None:
        self.inner, self.code, self.seen = inner, code, 0

    def notify_of(self, dossier, event):
        if dossier.code == self.code:
            self.seen += 1
            if self.seen == 3:
                raise SimulatedKill
        return self.inner.notify_of(dossier, event)

    def __getattr__(self, name):
        return getattr(self.inner, name)


@pytest.fixture(autouse=True)
def _engines(seeded, jwks_server):
    assert smtp(STACK).healthy() and consumer(STACK).healthy()


def _file_and_process(api, people, email: str) -> str:
    citizen = people.citizen(pid=unique_pid())
    code = submit(api, citizen, CENTER, email=email)["code"]
    processing = people.officer(CENTER, "processing")
    act(api, processing, code, "START_PROCESSING")
    act(api, processing, code, "REQUEST_SUPPLEMENT", note="Tờ khai có chữ ký", supplement=asking_for("Tờ khai"))
    act(api, citizen, code, "PROVIDE_SUPPLEMENT", note="Đã nộp bản sao có chứng thực")
    act(api, processing, code, "REJECT", note="Không đủ điều kiện (mẫu)")
    return code  # the applicant is told of 4 of these 5 events (receive, start, supplement asked, refusal)


def test_records_delivered_again_send_nothing_new(api, people):
    main = consumer(STACK)
    before = dict(main.checkpoints)
    email = unique_email()
    _file_and_process(api, people, email)
    wait_for(lambda: len(smtp(STACK).messages(email)) == 4, what="4 e-mails")
    main.stop()
    try:
        main.rewind(before)  # every record since `before` is delivered a second time
        main.drain()
    finally:
        main.start()
    settle()
    assert len(smtp(STACK).messages(email)) == 4


def test_a_consumer_killed_mid_batch_resumes_and_sends_each_message_once(api, people):
    from portal.bootstrap import build_notifier, build_services, build_stream_consumer

    main = consumer(STACK)
    main.stop()
    email = unique_email()
    try:
        code = _file_and_process(api, people, email)
        services = build_services()
        dying_notifier = DiesOnThirdEvent(build_notifier(services), code)
        dying = StreamPoller(
            invocation_timeout=0.3, consumer_factory=lambda: build_stream_consumer(services, notifier=dying_notifier)
        )
        dying.rewind(main.checkpoints)
        with pytest.raises(SimulatedKill):
            dying.drain()
        assert len(smtp(STACK).messages(email)) == 2  # receive, start_processing; then it died
        time.sleep(0.5)  # the killed invocation's time is over: its in-progress record expires
    finally:
        main.start()  # resumes after the last batch it finished: the whole batch comes again
    wait_for(lambda: len(smtp(STACK).messages(email)) >= 4, what="the other e-mails")
    settle()
    subjects = [m.subject for m in smtp(STACK).messages(email)]
    assert len(subjects) == 4 and len(set(subjects)) == 4


def test_a_poison_record_goes_to_the_dead_letters_and_the_stream_moves_on(api, people):
    import boto3

    from portal.config import settings

    config = settings()
    client = boto3.client("dynamodb", endpoint_url=config.dynamodb_endpoint, region_name=config.region)
    orphan, unreadable = f"ORPHAN-{uuid.uuid4().hex[:8]}", f"UNREADABLE-{uuid.uuid4().hex[:8]}"
    # An event whose dossier does not exist, and one whose number cannot be read.
    client.put_item(TableName=config.tables.dossiers, Item={"pk": {"S": orphan}, "sk": {"S": "EVENT#0001"}})
    client.put_item(TableName=config.tables.dossiers, Item={"pk": {"S": unreadable}, "sk": {"S": "EVENT#x1"}})
    email = unique_email()
    submit(api, people.citizen(pid=unique_pid()), CENTER, email=email)

    main = consumer(STACK)
    dead = wait_for(
        lambda: (
            {letter["keys"]["pk"]["S"] for letter in main.dead_letters} >= {orphan, unreadable} and main.dead_letters
        ),
        what="both poison records in the dead letters",
    )
    assert all(letter["attempts"] == main.max_retries + 1 for letter in dead if letter["keys"]["pk"]["S"] == orphan)
    wait_for(lambda: smtp(STACK).messages(email), what="the next dossier's e-mail")  # not blocked behind them


def test_a_dead_letter_is_redriven_and_its_event_told(api, people):
    """`make redrive` (StreamPoller.redrive): a dead letter is handed to the consumer again; handled, it
    leaves the dead letters and its e-mail is sent; a poison one stays (issue 25, item 1)."""
    main = consumer(STACK)
    main.stop()
    email = unique_email()
    try:
        code = submit(api, people.citizen(pid=unique_pid()), CENTER, email=email)["code"]
        orphan = f"ORPHAN-{uuid.uuid4().hex[:8]}"
        letter = {"shardId": "s", "sequenceNumber": "1", "eventName": "INSERT", "attempts": 6}
        main.dead_letters = [
            {**letter, "keys": {"pk": {"S": code}, "sk": {"S": "EVENT#0001"}}},
            {**letter, "keys": {"pk": {"S": orphan}, "sk": {"S": "EVENT#0001"}}},
        ]
        assert main.redrive() == (1, 1)
        assert [x["keys"]["pk"]["S"] for x in main.dead_letters] == [orphan]
        assert len(smtp(STACK).messages(email)) == 1  # told by the redrive, before the stream reached it
    finally:
        main.dead_letters = []
        main.start()
    settle()
    assert len(smtp(STACK).messages(email)) == 1  # the stream's own record finds it done
