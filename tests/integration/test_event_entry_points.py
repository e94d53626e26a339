"""The Lambda entry points of the stream consumer and the jobs, called as AWS calls them."""

from __future__ import annotations

import pytest

from tests.support.journeys import submit
from tests.support.lambda_events import LambdaContext
from tests.support.notifications import settle, unique_pid, wait_for


def _stream_event(*keys: tuple[str, str], name: str = "INSERT") -> dict:
    return {
        "Records": [
            {
                "eventID": f"id-{i}",
                "eventName": name,
                "eventSource": "aws:dynamodb",
                "awsRegion": "ap-southeast-1",
                "dynamodb": {
                    "Keys": {"pk": {"S": pk}, "sk": {"S": sk}},
                    "SequenceNumber": f"{1000 + i}",
                    "StreamViewType": "KEYS_ONLY",
                },
                "eventSourceARN": "arn:aws:dynamodb:ap-southeast-1:123456789012:table/portal-dossiers/stream/x",
            }
            for i, (pk, sk) in enumerate(keys)
        ]
    }


def test_the_stream_handler_reports_only_the_records_that_failed(api, people):
    from portal.entrypoints.stream import handler

    citizen = people.citizen(pid=unique_pid())
    code = submit(api, citizen, "hcc-01-00175")["code"]
    # The session's own stream consumer handles the same record in its thread: wait until it has, so the
    # handler below finds it done (idempotency) rather than in progress (which it would rightly retry).
    wait_for(
        lambda: api.run("MyNotifications", {"first": 5}, token=citizen).data["myNotifications"]["edges"],
        what="the receipt notice",
    )
    settle()  # the notice is stored before the subscribers (bundles) have run and the record is marked done
    event = _stream_event((code, "EVENT#0001"), ("NO-SUCH-DOSSIER", "EVENT#0001"), (code, "DOSSIER"))
    answer = handler(event, LambdaContext(function_name="portal-StreamConsumerFunction"))
    assert answer == {"batchItemFailures": [{"itemIdentifier": "1001"}]}  # the poison one, not the others


def test_the_jobs_handler_runs_a_job_by_name_and_refuses_an_unknown_one(seeded, jwks_server):
    from portal.entrypoints.jobs import handler

    context = LambdaContext(function_name="portal-JobsFunction")
    assert set(handler({"job": "retry-deliveries"}, context)) == {"delivered", "retrying", "failed"}
    with pytest.raises(ValueError, match="unknown job"):
        handler({"job": "no-such-job"}, context)


def test_the_stream_consumer_tells_the_webhooks_of_every_event(seeded, jwks_server):
    """In AWS (and make dev) the consumer hands each event to the bundles and the webhooks after the notifier; the test
    session's own consumer leaves webhooks to the webhook tests, which drive them on their fixed clock."""
    from portal.bootstrap import build_services, build_stream_consumer

    services = build_services()
    assert len(build_stream_consumer(services).subscribers) == 2  # the bundles', then the webhooks'
    assert len(build_stream_consumer(services, webhooks=False).subscribers) == 1  # bundles move on in tests too


class CountingReads:
    """The dossier store, counting the dossiers it reads."""

    def __init__(self, inner) -> None:
        self.inner, self.reads = inner, []

    def get(self, code: str):
        self.reads.append(code)
        return self.inner.get(code)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_the_stream_consumer_reads_each_dossier_once_for_the_notifier_and_every_subscriber(api, people, monkeypatch):
    from portal.bootstrap import build_services, build_stream_consumer

    code = submit(api, people.citizen(pid=unique_pid()), "hcc-01-00175")["code"]
    services = build_services()
    services.dossiers = counting = CountingReads(services.dossiers)
    consumer = build_stream_consumer(services)  # notifier and webhooks, as in AWS
    told = []
    consumer.subscribers += (lambda dossier, event: told.append((dossier.code, event.seq)),)
    # an idempotency key of its own: the session's consumer may already have handled this record
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", f"reads-once-{unique_pid()}")
    answer = consumer.handle(_stream_event((code, "EVENT#0001")), LambdaContext(function_name="reads-once"))
    assert answer == {"batchItemFailures": []}
    assert told == [(code, 1)]
    assert counting.reads == [code]  # one read for the notifier, the webhooks and the recorder above
