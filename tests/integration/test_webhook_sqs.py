"""The webhook worker's AWS path: deliveries queued in SQS (moto: SQS has no local engine) and sent by
the SQS-triggered handler to a real receiver; a delivery not yet due goes back to the queue."""

from __future__ import annotations

import json

import pytest

from tests.integration.test_webhooks import EVENTS, filed, stream  # noqa: F401 - fixtures
from tests.support.apps import BEN_THANH, Apps
from tests.support.webhook_receiver import WebhookReceiver


@pytest.fixture
def sqs(services):
    from moto import mock_aws

    with mock_aws(config={"core": {"passthrough": {"urls": [r"http://127\.0\.0\.1.*"]}}}):
        import boto3

        from portal.webhooks.sqs_queue import SqsDeliveryQueue

        url = boto3.client("sqs", region_name="ap-southeast-1").create_queue(QueueName="webhooks")["QueueUrl"]
        queue = SqsDeliveryQueue(url, "ap-southeast-1", services.clock)
        services.webhooks.stores.queue = queue
        yield queue, url


def delayed(url) -> int:
    import boto3

    attributes = boto3.client("sqs", region_name="ap-southeast-1").get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessagesDelayed"]
    )
    return int(attributes["Attributes"]["ApproximateNumberOfMessagesDelayed"])


def received(url):
    import boto3

    messages = boto3.client("sqs", region_name="ap-southeast-1").receive_message(
        QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0
    )
    return [{"messageId": m["MessageId"], "body": m["Body"]} for m in messages.get("Messages", [])]


def test_a_delivery_goes_through_sqs_to_the_receiver_and_a_failure_is_queued_again(
    sqs,
    services,
    issuer,
    people,
    filed,  # noqa: F811
):
    from infra.local_server import create_local_app
    from portal.bootstrap import build_webhook_worker
    from portal.entrypoints.webhook_worker import handle
    from portal.webhooks.sqs_queue import message

    _, url = sqs
    receiver = WebhookReceiver(now=lambda: services.clock.now().timestamp()).start()
    try:
        apps = Apps(create_local_app(issuer, services=services, static_dir=None), people)
        app = apps.register(centerId=BEN_THANH)
        token = apps.token(app.client_id, app.secret)
        r = apps.api.run("SubscribeWebhook", {"input": {"url": receiver.url, "events": EVENTS}}, token=token)
        receiver.secret = r.data["subscribeWebhook"]["signingSecret"]
        mine = r.data["subscribeWebhook"]["subscription"]["subscriptionId"]
        worker = build_webhook_worker(services=services)
        receiver.down = True
        made = stream(services, filed.code, 1)  # other tests' subscriptions to this center may get theirs too
        records = received(url)
        assert {json.loads(r["body"])["cursor"] for r in records} >= {d.cursor for d in made}
        assert handle({"Records": records}, worker) == {"batchItemFailures": []}
        assert delayed(url) == len(made)  # each failed attempt queued its next one, delayed until due
        [delivery] = [
            services.webhooks.stores.deliveries.get(d.subscription_id, d.cursor)
            for d in made
            if d.subscription_id == mine
        ]
        due = delivery.next_attempt_at
        early = {"messageId": "m-early", "body": message(delivery.subscription_id, delivery.cursor, due)}
        assert handle({"Records": [early]}, worker) == {"batchItemFailures": []}  # not due yet: put back
        assert delayed(url) == len(made) + 1
        receiver.down = False
        services.clock.advance(due - services.clock.now())
        on_time = {"messageId": "m-due", "body": message(delivery.subscription_id, delivery.cursor, due)}
        assert handle({"Records": [on_time]}, worker) == {"batchItemFailures": []}
        assert [x.webhook_id for x in receiver.wait_for(1)] == [f"{filed.code}.1"]
        after = services.webhooks.stores.deliveries.get(delivery.subscription_id, delivery.cursor)
        assert after.state.value == "delivered" and [a.status for a in after.attempts] == [503, 204]
    finally:
        receiver.stop()
