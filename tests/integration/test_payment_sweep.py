"""The sweep of abandoned payments (the scheduled job `sweep-payments`) against the local payment simulator
and DynamoDB Local: a payment abandoned on the provider's page is expired and the dossier can be paid
again; a payment the provider settled but never notified is swept to success with its receipt."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.jobs.registry import JOBS
from tests.support.payments import Simulator, owing_dossier, provider_id, started_payment


@pytest.fixture
def simulator(services):
    sim = Simulator()
    sim.control(down=False, delivery="never")  # nothing is ever notified: only the sweep can settle
    yield sim
    sim.control(down=False, delivery="normal")


def sweep(services) -> dict:
    return JOBS["sweep-payments"](services)


def owed(api, token, code) -> dict:
    r = api.run("DossierPayments", {"code": code}, token=token)
    assert r.errors == [], r.errors
    return r.data["dossierPayments"]


def state_of(api, token, code, payment_id) -> str:
    return next(p["state"] for p in owed(api, token, code)["payments"] if p["paymentId"] == payment_id)


def actions(api, token, code) -> list[str]:
    return [e["action"] for e in api.run("GetDossier", {"code": code}, token=token).data["dossier"]["timeline"]]


def test_an_abandoned_payment_is_left_alone_until_it_expires_then_swept_to_expired(
    api, people, services, simulator, clock
):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    clock.advance(timedelta(minutes=14))
    sweep(services)
    assert state_of(api, citizen, code, payment["paymentId"]) == "STARTED"  # not expired yet: the citizen may pay

    clock.advance(timedelta(minutes=2))
    report = sweep(services)
    assert report["expired"] >= 1
    assert state_of(api, citizen, code, payment["paymentId"]) == "EXPIRED"
    assert simulator.payment(provider_id(payment))["state"] == "cancelled"  # a late approval is refused
    assert simulator.decide(provider_id(payment)) == 409
    assert "payment_expired" in actions(api, citizen, code)
    assert owed(api, citizen, code)["fee"]["status"] == "DUE"
    assert started_payment(api, citizen, code)["paymentId"] != payment["paymentId"]  # not blocked behind it

    again = sweep(services)  # swept once: the next run does not see it again
    assert state_of(api, citizen, code, payment["paymentId"]) == "EXPIRED"
    assert actions(api, citizen, code).count("payment_expired") == 1
    assert again["checked"] <= report["checked"]


def test_a_payment_settled_at_the_provider_but_never_notified_is_swept_to_success(
    api, people, services, simulator, clock
):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    assert simulator.decide(provider_id(payment)) == 303  # paid, then the tab closed; no notification comes
    assert simulator.payment(provider_id(payment))["state"] == "success"
    clock.advance(timedelta(minutes=20))

    report = sweep(services)
    assert report["succeeded"] >= 1
    found = owed(api, citizen, code)
    swept = next(p for p in found["payments"] if p["paymentId"] == payment["paymentId"])
    assert swept["state"] == "SUCCESS" and swept["receipt"]["amountVnd"] == 10000
    assert found["fee"]["status"] == "PAID"
    assert "payment_success" in actions(api, citizen, code)
    assert simulator.payment(provider_id(payment))["state"] == "success"  # not cancelled: the money is kept


def test_the_provider_down_leaves_abandoned_payments_for_the_next_run(api, people, services, simulator, clock):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    clock.advance(timedelta(minutes=16))
    simulator.control(down=True)
    try:
        assert sweep(services)["retrying"] >= 1
        assert state_of(api, citizen, code, payment["paymentId"]) == "STARTED"
    finally:
        simulator.control(down=False)
    sweep(services)
    assert state_of(api, citizen, code, payment["paymentId"]) == "EXPIRED"
