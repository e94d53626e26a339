"""Webhooks' pure rules: signatures (Standard Webhooks v1), backoff with jitter, which addresses may be
called, and which timeline actions are which events."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from portal.clock import VIETNAM
from portal.errors import InvalidInput
from portal.webhooks import retry, signing
from portal.webhooks.address_guard import resolve
from portal.webhooks.events import EVENT_OF_ACTION
from tests.support.webhook_receiver import verify_webhook

SECRET = signing.subscription_secret(b"k" * 32, "wh-1")
NOW = 1_772_500_000


def test_a_signature_verifies_and_a_changed_body_id_or_time_does_not():
    headers = signing.headers(SECRET, "C.1", NOW, '{"a":1}')
    assert signing.verify(SECRET, headers, '{"a":1}', NOW + 10)
    assert verify_webhook(SECRET, headers, b'{"a":1}', NOW + 10)  # the receiver's own code agrees
    assert not signing.verify(SECRET, headers, '{"a":2}', NOW)
    assert not signing.verify(SECRET, {**headers, "webhook-id": "C.2"}, '{"a":1}', NOW)
    assert not signing.verify(SECRET, {**headers, "webhook-timestamp": str(NOW + 1)}, '{"a":1}', NOW)
    assert not signing.verify(signing.subscription_secret(b"k" * 32, "wh-2"), headers, '{"a":1}', NOW)


def test_a_signature_older_than_five_minutes_is_refused():
    headers = signing.headers(SECRET, "C.1", NOW, "{}")
    assert signing.verify(SECRET, headers, "{}", NOW + 300)
    assert not signing.verify(SECRET, headers, "{}", NOW + 301)
    assert not signing.verify(SECRET, headers, "{}", NOW - 301)


def test_backoff_doubles_with_jitter_up_to_its_cap():
    rng = random.Random(7)
    for attempts in range(1, 20):
        ceiling = min(retry.CAP_SECONDS, retry.BASE_SECONDS * 2 ** (attempts - 1))
        waits = {retry.backoff(attempts, rng).total_seconds() for _ in range(20)}
        assert all(ceiling / 2 <= w <= ceiling for w in waits) and len(waits) > 1


def test_retries_last_at_least_a_day_and_end_at_retry_for():
    first = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)
    now, attempts = first, 1
    while (at := retry.next_attempt(first, now, attempts, random.Random(attempts))) is not None:
        now, attempts = at, attempts + 1
    assert now - first == retry.RETRY_FOR >= timedelta(hours=24)
    assert retry.should_disable(first, first + timedelta(hours=24))
    assert not retry.should_disable(first, first + timedelta(hours=23))


def public(host, port):
    return ["93.184.215.14"]


@pytest.mark.parametrize(
    ("url", "resolved"),
    [
        ("https://hooks.example.vn/x", ["10.0.0.1"]),
        ("https://hooks.example.vn/x", ["93.184.215.14", "127.0.0.1"]),  # one bad answer is enough
        ("https://hooks.example.vn/x", ["169.254.169.254"]),
        ("https://hooks.example.vn/x", ["::ffff:192.168.0.1"]),
        ("https://hooks.example.vn/x", ["100.64.0.1"]),  # carrier-grade NAT
        ("https://hooks.example.vn/x", []),
        ("http://hooks.example.vn/x", ["93.184.215.14"]),  # not https
        ("https://127.0.0.1/x", []),
        ("https://[2002:a9fe:a9fe::1]/x", []),  # 6to4 of 169.254.169.254 (the metadata service)
        ("https://[2002:7f00:1::1]/x", []),  # 6to4 of 127.0.0.1
        ("https://hooks.example.vn/x", ["2002:c0a8:1::1"]),  # 6to4 of 192.168.0.1, resolved
        ("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x", []),  # Teredo
        ("https://[64:ff9b::a9fe:a9fe]/x", []),  # NAT64 of 169.254.169.254
        ("https://[64:ff9b:1::a00:1]/x", []),  # local-use NAT64 of 10.0.0.1
    ],
)
def test_a_private_or_insecure_target_is_refused_in_production(url, resolved):
    with pytest.raises(InvalidInput):
        resolve(url, allow_loopback=False, resolver=lambda host, port: resolved)


def test_a_public_target_is_pinned_to_its_resolved_address():
    target = resolve("https://hooks.example.vn:8443/in?x=1", resolver=public)
    assert (target.host, target.address, target.port, target.path) == (
        "hooks.example.vn",
        "93.184.215.14",
        8443,
        "/in?x=1",
    )


def test_an_ipv6_address_embedding_a_public_ipv4_is_accepted():
    assert resolve("https://[2002:808:808::1]/x").address == "2002:808:808::1"  # 6to4 of 8.8.8.8


def test_loopback_only_where_allowed_and_never_another_private_address():
    assert resolve("http://127.0.0.1:9000/hook", allow_loopback=True).address == "127.0.0.1"
    with pytest.raises(InvalidInput):
        resolve("http://127.0.0.1:9000/hook", allow_loopback=False)
    with pytest.raises(InvalidInput):
        resolve("http://10.0.0.1/hook", allow_loopback=True)
    with pytest.raises(InvalidInput):  # loopback through 6to4 is not loopback: never allowed
        resolve("http://[2002:7f00:1::1]:9000/hook", allow_loopback=True)


def test_every_action_is_an_event_or_said_to_send_nothing():
    from portal.dossiers.model import Action
    from portal.webhooks.events import NOT_SENT

    assert {a.value for a in Action} == set(EVENT_OF_ACTION) | NOT_SENT
    assert not set(EVENT_OF_ACTION) & NOT_SENT
