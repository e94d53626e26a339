"""Paying a dossier's fee online against the local payment simulator and DynamoDB Local: paid, declined,
abandoned then expired, duplicate and out-of-order notifications, forged and tampered ones, a notification
for another dossier, two tabs, a refund, the provider down, and a fee due at result."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from tests.support.journeys import act, submit
from tests.support.payments import (
    WARD,
    Simulator,
    check,
    deliver,
    notification_body,
    owing_dossier,
    provider_id,
    start,
    started_payment,
)


@pytest.fixture
def simulator(services):
    sim = Simulator()
    sim.control(down=False, delivery="hold")  # the test delivers notifications itself, in the order it wants
    yield sim
    sim.control(down=False, delivery="normal")


def payments_of(api, token, code) -> dict:
    r = api.run("DossierPayments", {"code": code}, token=token)
    assert r.errors == [], r.errors
    return r.data["dossierPayments"]


def timeline_actions(api, token, code) -> list[str]:
    return [e["action"] for e in api.run("GetDossier", {"code": code}, token=token).data["dossier"]["timeline"]]


def receipts(api, token) -> list[dict]:
    return api.run("MyReceipts", token=token).data["myReceipts"]


def test_a_fee_due_at_filing_is_paid_online_with_a_receipt_and_processing_waits_for_it(api, people, simulator):
    citizen, processing = people.citizen(), people.officer(WARD, "processing")
    code = owing_dossier(api, citizen)["code"]
    owed = payments_of(api, citizen, code)
    assert owed["fee"] == {
        "amountVnd": 10000,
        "due": "AT_FILING",
        "status": "DUE",
        "note": owed["fee"]["note"],
        "exemption": None,
    }
    waiting = api.run("ActOnDossier", {"input": {"code": code, "action": "START_PROCESSING"}}, token=processing)
    assert waiting.outcome("actOnDossier") == "CONFLICT"
    before = len(receipts(api, citizen))

    payment = started_payment(api, citizen, code)
    assert (payment["state"], payment["amountVnd"], payment["currency"]) == ("STARTED", 10000, "VND")
    assert simulator.decide(provider_id(payment)) == 303
    for message in simulator.outbox(provider_id(payment)):
        assert deliver(api, message).status == 200

    paid = payments_of(api, citizen, code)
    assert paid["fee"]["status"] == "PAID"
    receipt = paid["payments"][0]["receipt"]
    assert paid["payments"][0]["state"] == "SUCCESS" and paid["payments"][0]["nextUrl"] is None
    assert (receipt["amountVnd"], receipt["dossierCode"], receipt["paymentReference"]) == (
        10000,
        code,
        provider_id(payment),
    )
    assert receipt["payer"] and receipt["collectingAgency"] and receipt["procedureName"] == "Đăng ký thường trú"
    assert len(receipts(api, citizen)) == before + 1
    # The "submitted" notification arrived after the approval: the status API said success, applied once.
    assert timeline_actions(api, citizen, code)[1:] == ["payment_started", "payment_success"]
    assert act(api, processing, code, "START_PROCESSING")["dossier"]["status"] == "PROCESSING"


def test_the_online_payment_share_is_counted_in_the_kpis(api, people, simulator):
    admin, citizen = people.admin(), people.citizen()

    def counts():
        k = api.run("Kpis", {"fromMonth": "2026-03", "toMonth": "2026-03", "centerId": WARD}, token=admin).data
        return k["kpis"]["feesOwed"], k["kpis"]["feesPaidOnline"]

    owed, paid = counts()
    first, second = owing_dossier(api, citizen)["code"], owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, first)
    simulator.decide(provider_id(payment))
    check(api, citizen, first, payment["paymentId"])
    assert counts() == (owed + 2, paid + 1)
    assert second


def test_a_declined_payment_leaves_the_fee_due_and_another_can_be_started(api, people, simulator):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    simulator.plan(provider_id(payment), delivery="never")
    simulator.decide(provider_id(payment), "decline")
    # No notification ever comes: the citizen's return asks the provider.
    assert check(api, citizen, code, payment["paymentId"])["payment"]["state"] == "FAILED"
    assert payments_of(api, citizen, code)["fee"]["status"] == "DUE"
    again = started_payment(api, citizen, code)
    assert again["paymentId"] != payment["paymentId"] and again["state"] == "STARTED"


def test_an_abandoned_payment_expires_after_15_minutes_and_cannot_be_approved_late(api, people, simulator, clock):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    clock.advance(timedelta(minutes=14))
    assert check(api, citizen, code, payment["paymentId"])["payment"]["state"] == "STARTED"
    clock.advance(timedelta(minutes=2))
    assert check(api, citizen, code, payment["paymentId"])["payment"]["state"] == "EXPIRED"
    assert simulator.payment(provider_id(payment))["state"] == "cancelled"
    assert simulator.decide(provider_id(payment)) == 409  # the provider refuses it too: nothing charged
    assert payments_of(api, citizen, code)["fee"]["status"] == "DUE"
    assert started_payment(api, citizen, code)["paymentId"] != payment["paymentId"]


def test_duplicate_and_out_of_order_notifications_are_applied_once(api, people, simulator):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    simulator.decide(provider_id(payment))
    submitted, success = simulator.outbox(provider_id(payment))
    before = len(receipts(api, citizen))
    for message in (success, submitted, success, success):  # out of order, then twice more
        assert deliver(api, message).status == 200
    actions = timeline_actions(api, citizen, code)
    assert actions.count("payment_success") == 1 and "payment_submitted" not in actions
    assert len(receipts(api, citizen)) == before + 1
    assert payments_of(api, citizen, code)["payments"][0]["state"] == "SUCCESS"


def test_forged_and_premature_notifications_mark_nothing_paid(api, people, simulator):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    simulator.decide(provider_id(payment))
    _, success = simulator.outbox(provider_id(payment))
    assert deliver(api, success, signature="sha256=" + "0" * 64).status == 400
    assert deliver(api, {"body": success["body"], "signature": ""}).status == 400
    assert payments_of(api, citizen, code)["payments"][0]["state"] == "STARTED"

    # A genuinely signed "success" for a payment the citizen has not approved: the provider's status API decides.
    other = owing_dossier(api, citizen)["code"]
    unpaid = started_payment(api, citizen, other)
    simulator.decide(provider_id(unpaid))
    _, signed = simulator.outbox(provider_id(unpaid))
    assert simulator.request("POST", f"/v1/payments/{provider_id(unpaid)}/cancel", b"{}")[0] == 401  # no key
    assert deliver(api, signed).status == 200
    assert payments_of(api, citizen, other)["payments"][0]["state"] == "SUCCESS"


def test_a_tampered_amount_is_refused(api, people, simulator):
    from portal.config import settings
    from portal.payments.notifications import sign

    secret = settings().payment_webhook_secret.encode()
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    simulator.decide(provider_id(payment))
    _, success = simulator.outbox(provider_id(payment))

    cheaper = notification_body(success, amount=1)
    assert deliver(api, {"body": cheaper.decode(), "signature": success["signature"]}).status == 400  # signature
    assert deliver(api, {"body": cheaper.decode(), "signature": sign(secret, cheaper)}).status == 400  # amount
    assert payments_of(api, citizen, code)["payments"][0]["state"] == "STARTED"

    simulator.plan(provider_id(payment), amount=1)  # the provider itself reports another amount
    r = api.run("CheckPayment", {"input": {"code": code, "paymentId": payment["paymentId"]}}, token=citizen)
    assert r.outcome("checkPayment") == "BAD_USER_INPUT"
    assert payments_of(api, citizen, code)["fee"]["status"] == "DUE"


def test_a_notification_naming_another_dossier_is_refused(api, people, simulator):
    from portal.config import settings
    from portal.payments.notifications import sign

    secret = settings().payment_webhook_secret.encode()
    citizen = people.citizen()
    mine, theirs = owing_dossier(api, citizen)["code"], owing_dossier(api, people.other_citizen())["code"]
    payment = started_payment(api, citizen, mine)
    simulator.decide(provider_id(payment))
    _, success = simulator.outbox(provider_id(payment))
    misrouted = notification_body(success, dossier_code=theirs)
    assert deliver(api, {"body": misrouted.decode(), "signature": sign(secret, misrouted)}).status == 404
    assert payments_of(api, people.other_citizen(), theirs)["fee"]["status"] == "DUE"
    assert payments_of(api, people.other_citizen(), theirs)["payments"] == []


def test_two_tabs_paying_at_once_share_one_payment(api, people, simulator):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: started_payment(api, citizen, code), range(2)))
    assert results[0]["paymentId"] == results[1]["paymentId"]
    key = uuid.uuid4().hex
    again = [start(api, citizen, code, key).data["startPayment"] for _ in range(2)]  # a retried request
    assert again[0]["payment"]["paymentId"] == again[1]["payment"]["paymentId"] == results[0]["paymentId"]
    assert again[1]["resumed"] is True
    assert len(payments_of(api, citizen, code)["payments"]) == 1


def test_a_lead_refunds_a_dossier_refused_at_reception(api, people, simulator):
    citizen = people.citizen()
    lead, reception = people.officer(WARD, "lead"), people.officer(WARD, "reception")
    code = owing_dossier(api, citizen)["code"]
    payment = started_payment(api, citizen, code)
    simulator.decide(provider_id(payment))
    check(api, citizen, code, payment["paymentId"])

    def refund(token, reason="REFUSED_AT_RECEPTION", note="Hồ sơ bị từ chối tiếp nhận"):
        variables = {"input": {"code": code, "paymentId": payment["paymentId"], "reason": reason, "note": note}}
        return api.run("RefundPayment", variables, token=token)

    assert refund(lead).outcome("refundPayment") == "CONFLICT"  # not refused: nothing to refund yet
    act(api, lead, code, "REJECT", note="Không thuộc thẩm quyền")
    assert refund(reception).outcome("refundPayment") == "FORBIDDEN"
    assert refund(lead, reason="WITHDRAWN_BEFORE_PROCESSING").outcome("refundPayment") == "CONFLICT"
    assert refund(lead, note=" ").outcome("refundPayment") == "BAD_USER_INPUT"
    done = refund(lead).data["refundPayment"]["payment"]
    assert done["refund"]["amountVnd"] == 10000 and done["refund"]["reason"] == "REFUSED_AT_RECEPTION"
    assert refund(lead).outcome("refundPayment") == "CONFLICT"  # never twice
    assert payments_of(api, citizen, code)["fee"]["status"] == "REFUNDED"
    assert timeline_actions(api, citizen, code)[-1] == "payment_refunded"


def test_the_provider_down_charges_nothing_and_says_to_retry(api, people, simulator):
    citizen = people.citizen()
    code = owing_dossier(api, citizen)["code"]
    simulator.control(down=True)
    r = start(api, citizen, code)
    assert r.error_codes == ["SERVICE_UNAVAILABLE"] and r.errors[0]["extensions"]["messageEn"]
    assert payments_of(api, citizen, code)["payments"] == []
    simulator.control(down=False)
    assert started_payment(api, citizen, code)["state"] == "STARTED"


def test_a_fee_set_by_the_officer_is_due_at_result_and_the_result_waits_for_it(api, people, simulator):
    from tests.support.catalog import catalog_procedure

    procedure = catalog_procedure("1.004873")  # fee set by the province
    citizen, processing = people.citizen(), people.officer(WARD, "processing")
    reception = people.officer(WARD, "reception")
    code = submit(api, citizen, WARD, procedure=procedure)["code"]
    assert payments_of(api, citizen, code)["fee"]["status"] == "TO_BE_SET"
    assert start(api, citizen, code).outcome("startPayment") == "CONFLICT"
    act(api, processing, code, "START_PROCESSING")
    act(api, processing, code, "MARK_RESULT_READY")

    def set_fee(token, amount, note=""):
        r = api.run("SetDossierFee", {"input": {"code": code, "amountVnd": amount, "note": note}}, token=token)
        return r.outcome("setDossierFee"), r.data and r.data["setDossierFee"]

    assert set_fee(reception, 15000)[0] == "FORBIDDEN"
    assert set_fee(processing, -1)[0] == "BAD_USER_INPUT"
    assert set_fee(processing, 0)[0] == "BAD_USER_INPUT"  # an exemption needs its reason
    outcome, result = set_fee(processing, 15000, "Mức thu theo Nghị quyết HĐND (mẫu)")
    assert outcome == "OK" and result["fee"] == {
        "amountVnd": 15000,
        "due": "AT_RESULT",
        "status": "DUE",
        "note": "Mức thu theo Nghị quyết HĐND (mẫu)",
    }
    returned = api.run("ActOnDossier", {"input": {"code": code, "action": "RETURN_RESULT"}}, token=reception)
    assert returned.outcome("actOnDossier") == "CONFLICT"
    payment = started_payment(api, citizen, code)
    simulator.decide(provider_id(payment))
    assert check(api, citizen, code, payment["paymentId"])["payment"]["state"] == "SUCCESS"
    assert act(api, reception, code, "RETURN_RESULT")["dossier"]["status"] == "RETURNED"
