"""Webhooks end to end: a dossier changes, its real timeline items from DynamoDB Local go through
`on_dossier_event`, the worker delivers them to a real HTTP receiver on 127.0.0.1 that checks the
signature itself; a receiver outage is retried with backoff, a day of failures disables the endpoint,
the log replays from a cursor, and nothing goes to a private address or follows a redirect."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.support.apps import BEN_THANH, Apps
from tests.support.authorization_rules import World, submission
from tests.support.webhook_receiver import WebhookReceiver

EVENTS = ["dossier.received", "dossier.status_changed", "dossier.supplement_requested", "dossier.result_ready"]


@pytest.fixture
def receiver(services):
    r = WebhookReceiver(now=lambda: services.clock.now().timestamp()).start()
    yield r
    r.stop()


@pytest.fixture
def apps(services, issuer, people) -> Apps:
    from infra.local_server import create_local_app

    return Apps(create_local_app(issuer, services=services, static_dir=None), people)


@pytest.fixture
def worker(services):
    """The delivery worker, with no queue entries or subscriptions left by earlier tests for this dossier's
    center and applicant (the tests share one clock and one table)."""
    from infra.dev_issuer import SAMPLE_CITIZEN
    from portal.bootstrap import build_webhook_worker
    from portal.store.integration_items import QueueItem, SubscriptionItem

    for item in QueueItem.query("QUEUE"):
        item.delete()
    for audience in (f"center#{BEN_THANH}", f"applicant#{SAMPLE_CITIZEN['pid']}"):
        for item in SubscriptionItem.query(f"SUBSCRIPTIONS#{audience}"):
            item.delete()
    return build_webhook_worker(services=services)


@pytest.fixture
def center_app(apps, receiver, worker):
    """An agency's system for Bến Thành, subscribed to the receiver."""
    app = apps.register(centerId=BEN_THANH)
    token = apps.token(app.client_id, app.secret)
    r = apps.api.run("SubscribeWebhook", {"input": {"url": receiver.url, "events": EVENTS}}, token=token)
    subscribed = r.data["subscribeWebhook"]
    assert subscribed["__typename"] == "WebhookSubscribed", r.body
    receiver.secret = subscribed["signingSecret"]
    return token, subscribed["subscription"]["subscriptionId"]


@pytest.fixture
def filed(api, people) -> World:
    from tests.support.catalog import catalog_procedure

    procedure = catalog_procedure("1.001193")
    r = api.run("SubmitDossier", submission(World("", "", procedure)), token=people.citizen())
    dossier = r.data["submitDossier"]["dossier"]
    return World(dossier["code"], dossier["trackingSecret"], procedure)


def stream(services, code: str, seq: int):
    """What the event stream hands the handler: the dossier's timeline item `seq`, read from DynamoDB."""
    from portal.webhooks.model import DossierEvent

    dossier = services.dossiers.get(code)
    event = next(e for e in dossier.timeline if e.seq == seq)
    return services.webhooks.on_dossier_event(DossierEvent.of(dossier, event))


def start_processing(api, people, code: str) -> None:
    r = api.run(
        "ActOnDossier",
        {"input": {"code": code, "action": "START_PROCESSING"}},
        token=people.officer(BEN_THANH, role="processing"),
    )
    assert r.data["actOnDossier"]["__typename"] == "DossierUpdated", r.body


def test_a_filed_dossier_reaches_the_receiver_signed_once_without_personal_data(
    services, center_app, filed, receiver, worker
):
    made = stream(services, filed.code, 1)
    assert len(made) == 1
    assert stream(services, filed.code, 1) == []  # the stream redelivered the record: nothing more
    delivered = worker.deliver_due(services.clock.now())
    assert [d.state.value for d in delivered] == ["delivered"]
    [got] = receiver.wait_for(1)
    assert got.webhook_id == f"{filed.code}.1"
    assert got.body["type"] == "dossier.received"
    assert got.body["data"] == {
        "code": filed.code,
        "seq": 1,
        "action": "receive",
        "status": "received",
        "centerId": BEN_THANH,
        "procedureCode": "1.001193",
        "dueDate": got.body["data"]["dueDate"],
    }
    from infra.dev_issuer import SAMPLE_CITIZEN

    raw = json.dumps(got.body, ensure_ascii=False)
    assert SAMPLE_CITIZEN["pid"] not in raw and SAMPLE_CITIZEN["name"] not in raw
    assert receiver.refused == 0


def test_a_forged_or_stale_delivery_is_refused_by_the_receiver(services, center_app, filed, receiver, worker):
    real_secret = receiver.secret
    receiver.secret = "whsec_" + "A" * 44  # the receiver holds another secret: the signature does not match
    stream(services, filed.code, 1)
    assert worker.deliver_due(services.clock.now())[0].state.value == "pending"
    assert receiver.refused == 1
    receiver.secret = real_secret
    receiver.now = lambda: services.clock.now().timestamp() + 301  # the receiver's clock: 5 min later
    services.clock.advance(timedelta(minutes=2))
    assert worker.deliver_due(services.clock.now()) != []
    assert receiver.refused == 2


def test_a_receiver_outage_is_retried_with_backoff_until_it_answers(
    api, people, services, center_app, filed, receiver, worker
):
    start_processing(api, people, filed.code)
    receiver.down = True
    stream(services, filed.code, 2)
    [failed] = worker.deliver_due(services.clock.now())
    assert failed.state.value == "pending" and failed.attempts[0].status == 503
    wait = failed.next_attempt_at - services.clock.now()
    assert timedelta(seconds=15) <= wait <= timedelta(seconds=30)
    assert worker.deliver_due(services.clock.now()) == []  # not due yet
    services.clock.advance(wait)
    [again] = worker.deliver_due(services.clock.now())
    assert again.attempts[1].status == 503 and again.next_attempt_at - services.clock.now() >= timedelta(seconds=30)
    receiver.down = False
    services.clock.advance(again.next_attempt_at - services.clock.now())
    [done] = worker.deliver_due(services.clock.now())
    assert done.state.value == "delivered" and [a.status for a in done.attempts] == [503, 503, 204]
    assert [r.webhook_id for r in receiver.wait_for(1)] == [f"{filed.code}.2"]
    assert receiver.outage_hits == 2


def test_an_endpoint_failing_for_a_day_is_disabled_its_contact_told_once_and_the_delivery_fails_after_a_day(
    api, people, services, filed, receiver, worker, apps
):
    from tests.conftest import STACK
    from tests.support.notifications import smtp, unique_email

    contact = unique_email()
    app = apps.register(centerId=BEN_THANH, contactEmail=contact)
    token = apps.token(app.client_id, app.secret)
    r = apps.api.run("SubscribeWebhook", {"input": {"url": receiver.url, "events": EVENTS}}, token=token)
    subscription_id = r.data["subscribeWebhook"]["subscription"]["subscriptionId"]
    receiver.down = True
    stream(services, filed.code, 1)
    start_processing(api, people, filed.code)
    stream(services, filed.code, 2)  # two deliveries failing together: one notice
    started, attempts = services.clock.now(), 0
    while True:
        done = worker.deliver_due(services.clock.now())
        attempts += len(done)
        if not done or done[0].state.value != "pending":
            break
        services.clock.advance(done[0].next_attempt_at - services.clock.now())
    assert services.clock.now() - started >= timedelta(hours=24)
    assert done[0].state.value == "failed" and 10 <= attempts <= 80
    [subscription] = apps.api.run("WebhookSubscriptions", token=token).data["webhookSubscriptions"]
    assert subscription["disabledAt"] is not None and subscription["failingSince"] is not None
    [mail] = smtp(STACK).messages(contact)  # by the session's local SMTP server (aiosmtpd), once
    assert mail.subject == "Điểm nhận webhook đã bị tạm dừng / Webhook endpoint disabled"
    assert receiver.url in mail.body and subscription_id in mail.body and "replayWebhookDeliveries" in mail.body


def test_the_log_replays_from_a_cursor_with_the_same_ids(
    api, people, services, center_app, filed, receiver, worker, apps
):
    token, subscription_id = center_app
    stream(services, filed.code, 1)
    start_processing(api, people, filed.code)
    services.clock.advance(timedelta(seconds=1))
    stream(services, filed.code, 2)
    worker.deliver_due(services.clock.now())
    assert len(receiver.wait_for(2)) == 2
    log = apps.api.run("WebhookDeliveries", {"subscriptionId": subscription_id, "first": 10}, token=token)
    edges = log.data["webhookDeliveries"]["edges"]
    assert [e["node"]["seq"] for e in edges] == [1, 2] and {e["node"]["state"] for e in edges} == {"delivered"}
    r = apps.api.run(
        "ReplayWebhookDeliveries",
        {"input": {"subscriptionId": subscription_id, "after": edges[0]["cursor"]}},
        token=token,
    )
    assert r.data["replayWebhookDeliveries"] == {"__typename": "WebhookDeliveriesReplayed", "queued": 1}
    worker.deliver_due(services.clock.now())
    assert [x.webhook_id for x in receiver.wait_for(3)] == [f"{filed.code}.1", f"{filed.code}.2", f"{filed.code}.2"]
    whole = apps.api.run("ReplayWebhookDeliveries", {"input": {"subscriptionId": subscription_id}}, token=token)
    assert whole.data["replayWebhookDeliveries"]["queued"] == 2


def test_another_centers_system_gets_nothing_and_cannot_read_the_log(
    services, center_app, filed, receiver, worker, apps
):
    _, subscription_id = center_app
    other = apps.register(centerId="hcc-01")
    other_token = apps.token(other.client_id, other.secret)
    r = apps.api.run("SubscribeWebhook", {"input": {"url": receiver.url, "events": EVENTS}}, token=other_token)
    assert r.data["subscribeWebhook"]["__typename"] == "WebhookSubscribed"
    assert len(stream(services, filed.code, 1)) == 1  # Bến Thành's system only
    log = apps.api.run("WebhookDeliveries", {"subscriptionId": subscription_id}, token=other_token)
    assert log.error_codes == ["NOT_FOUND"]


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[fe80::1]/hook",
        "http://0.0.0.0:8080/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://[fd00::1]/hook",
        "ftp://example.vn/hook",
        "https://user:pw@example.vn/hook",
    ],
)
def test_a_private_address_is_refused_at_subscription(apps, center_app, url):
    token, _ = center_app
    r = apps.api.run("SubscribeWebhook", {"input": {"url": url, "events": EVENTS}}, token=token)
    result = r.data["subscribeWebhook"]
    assert result["__typename"] == "InvalidInputError" and result["problems"][0]["field"] == "url"


def test_a_redirect_is_not_followed(services, center_app, filed, receiver, worker):
    from dataclasses import replace

    _, subscription_id = center_app
    subscriptions = services.webhooks.stores.subscriptions
    [subscription] = [s for s in subscriptions.for_audience(_center()) if s.subscription_id == subscription_id]
    subscriptions.save(replace(subscription, url=receiver.url.replace("/hook", "/redirect")))
    stream(services, filed.code, 1)
    [attempted] = worker.deliver_due(services.clock.now())
    assert attempted.attempts[0].status == 302 and "not followed" in attempted.attempts[0].error
    assert receiver.hits == {"/redirect": 1}


def test_a_name_that_resolves_to_a_private_address_at_delivery_is_not_contacted(services, center_app, filed, worker):
    """DNS rebinding: the name was public when subscribed, and points inside when delivering."""
    from dataclasses import replace

    _, subscription_id = center_app
    subscriptions = services.webhooks.stores.subscriptions
    [subscription] = [s for s in subscriptions.for_audience(_center()) if s.subscription_id == subscription_id]
    subscriptions.save(replace(subscription, url="https://hooks.example.vn/in"))
    services.webhooks.stores.resolver = lambda host, port: ["10.1.2.3"]
    sent = []
    worker._send = lambda *a: sent.append(a)
    stream(services, filed.code, 1)
    [attempted] = worker.deliver_due(services.clock.now())
    assert sent == [] and attempted.attempts[0].error.startswith("refused address")


def _center():
    from portal.webhooks.model import Audience

    return Audience("center", BEN_THANH)
