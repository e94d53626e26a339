"""What a dossier owes (from the catalog's fee lines), the payment state table, refunds, signatures and
reconciliation: pure rules, no I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from portal.clock import VIETNAM
from portal.dossiers import fee_rules as rules
from portal.dossiers import lifecycle
from portal.dossiers.fee import DossierFee, FeeDue, FeeStatus
from portal.dossiers.lifecycle import Action
from portal.dossiers.model import ActorRole, Channel, Status
from portal.errors import Conflict, InvalidInput
from portal.payments import refunds
from portal.payments.model import FINISHED, NEXT_STATES, Payment, PaymentState, RefundReason
from portal.payments.notifications import InvalidNotification, sign, verified
from portal.payments.reconciliation import Difference, Kind, LedgerEntry, SettlementLine, reconcile
from portal.procedures.model import Fee
from portal.workdays.vietnam_calendar import calendar_around
from tests.support.factories import make_dossier, make_procedure

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)


def fees(*lines: tuple[str, int | None]):
    return make_procedure(fees=tuple(Fee(d, d, a) for d, a in lines))


def test_the_fee_of_the_dossiers_channel_is_due_at_filing():
    residence = fees(("Lệ phí đăng ký thường trú – nộp trực tuyến", 10000), ("Lệ phí – nộp trực tiếp", 20000))
    assert rules.assess(residence, Channel.ONLINE).amount_vnd == 10000
    assert rules.assess(residence, Channel.ONLINE).due is FeeDue.AT_FILING
    assert rules.assess(residence, Channel.IN_PERSON).amount_vnd == 20000
    assert rules.fee_at_filing(residence, Channel.IN_PERSON).status is FeeStatus.AT_DESK


def test_free_and_optional_lines_owe_nothing_and_unfixed_or_ambiguous_ones_are_set_by_the_officer():
    assert rules.assess(fees(("Miễn lệ phí", 0)), Channel.ONLINE) is None
    assert rules.assess(fees(("Miễn lệ phí", 0), ("Phí cấp bản sao (nếu yêu cầu)", 8000)), Channel.ONLINE) is None
    unfixed = rules.assess(fees(("Lệ phí theo mức do HĐND cấp tỉnh quy định", None)), Channel.ONLINE)
    assert (unfixed.status, unfixed.due) == (FeeStatus.TO_BE_SET, FeeDue.AT_RESULT)
    two = rules.assess(fees(("Lệ phí cấp đổi", 50000), ("Mức thu bằng 50%", 25000)), Channel.ONLINE)
    assert two.status is FeeStatus.TO_BE_SET


def test_only_a_sourced_amount_in_dong_is_charged_at_filing():
    usd = rules.assess(
        make_procedure(fees=(Fee("145 USD (145 USD/thẻ.)", "", None, None, 145, "USD"),)), Channel.ONLINE
    )
    assert (usd.amount_vnd, usd.status, usd.due) == (0, FeeStatus.TO_BE_SET, FeeDue.AT_RESULT)
    editorial = Fee("Phí cấp bản sao trích lục", "", 8000, editorial="Biên tập viên: không có trong nguồn")
    assert not editorial.chargeable
    assert rules.assess(make_procedure(fees=(editorial,)), Channel.ONLINE).status is FeeStatus.TO_BE_SET
    unclear = Fee("100 VNĐ", "", None)  # under 1,000 đồng and its detail states no amount: no amount served
    assert rules.assess(make_procedure(fees=(unclear,)), Channel.ONLINE).status is FeeStatus.TO_BE_SET
    sourced = Fee("135 VNĐ (Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)", "", 135_000)
    assert (sourced.amount, sourced.currency, sourced.chargeable) == (135_000, "VND", True)
    assert rules.assess(make_procedure(fees=(sourced,)), Channel.ONLINE).amount_vnd == 135_000


def test_every_catalog_fee_gets_a_decision():
    from tests.support.catalog import catalog

    decided = {p.code: rules.assess(p, Channel.ONLINE) for p in catalog()}
    assert decided["1.004222"].amount_vnd == 10000  # permanent residence, online
    assert decided["1.001193"] is None  # birth registration is free
    assert decided["1.014063"].status is FeeStatus.TO_BE_SET  # two rates listed: the officer decides
    # The driving-licence exchanges state "135 VNĐ" for 135.000 đồng: never 135 đồng.
    assert all(
        decided[code] is None or decided[code].amount_vnd != 135 for code in ("3.000349", "3.000350", "3.000351")
    )
    charged = [p for p in catalog() if (fee := rules.assess(p, Channel.ONLINE)) and fee.due is FeeDue.AT_FILING]
    assert all(rules.assess(p, Channel.ONLINE).amount_vnd >= 1000 for p in charged)


def test_an_officer_sets_a_fee_or_an_exemption_with_its_reason():
    dossier = make_dossier(fee=DossierFee(0, FeeDue.AT_RESULT, FeeStatus.TO_BE_SET))
    assert rules.set_fee(dossier, 15000, "").status is FeeStatus.DUE
    assert rules.set_fee(dossier, 0, "Hộ nghèo (mẫu)").status is FeeStatus.NONE
    with pytest.raises(InvalidInput):
        rules.set_fee(dossier, 0, "")
    with pytest.raises(InvalidInput):
        rules.set_fee(dossier, rules.MAX_FEE_VND + 1, "")
    with pytest.raises(Conflict):
        rules.set_fee(replace(dossier, fee=DossierFee(1, FeeDue.AT_RESULT, FeeStatus.PAID)), 1, "")


def test_an_unpaid_fee_holds_processing_or_the_result_back():
    calendar = calendar_around(2026)
    at_filing = make_dossier(fee=DossierFee(10000, FeeDue.AT_FILING, FeeStatus.DUE))
    with pytest.raises(Conflict):
        lifecycle.apply(at_filing, Action.START_PROCESSING, ActorRole.OFFICER, NOW, calendar)
    lifecycle.apply(at_filing, Action.REJECT, ActorRole.OFFICER, NOW, calendar, note="Sai thẩm quyền")
    at_result = make_dossier(status=Status.RESULT_READY, fee=DossierFee(5000, FeeDue.AT_RESULT, FeeStatus.DUE))
    with pytest.raises(Conflict):
        lifecycle.apply(at_result, Action.RETURN_RESULT, ActorRole.OFFICER, NOW, calendar)
    paid = replace(at_result, fee=replace(at_result.fee, status=FeeStatus.PAID))
    assert lifecycle.apply(paid, Action.RETURN_RESULT, ActorRole.OFFICER, NOW, calendar)[0].status is Status.RETURNED


def test_a_finished_payment_never_changes_except_a_late_success_the_provider_confirms():
    for state in FINISHED - {PaymentState.EXPIRED}:
        assert NEXT_STATES[state] == frozenset()
    assert NEXT_STATES[PaymentState.EXPIRED] == {PaymentState.SUCCESS}
    assert PaymentState.SUBMITTED not in NEXT_STATES[PaymentState.SUBMITTED]
    assert all(s.finished for s in FINISHED) and not PaymentState.STARTED.finished


def payment(**overrides) -> Payment:
    values = dict(
        payment_id="20260302090000abcdef01",
        dossier_code="H01-260302-0001",
        amount_vnd=10000,
        state=PaymentState.SUCCESS,
        created_at=NOW,
        updated_at=NOW,
        idempotency_key="k" * 16,
        description="Lệ phí",
    )
    return Payment(**{**values, **overrides})


def test_a_payment_expires_15_minutes_after_it_was_created():
    started = payment(state=PaymentState.STARTED)
    assert not started.is_expired(NOW + timedelta(minutes=14, seconds=59))
    assert started.is_expired(NOW + timedelta(minutes=15))
    assert not payment().is_expired(NOW + timedelta(days=1))


def test_a_refund_needs_its_reason_to_be_true():
    received = make_dossier()
    refused = make_dossier(status=Status.REJECTED)
    with pytest.raises(Conflict):
        refunds.check_refund(received, payment(), RefundReason.REFUSED_AT_RECEPTION, ())
    refunds.check_refund(refused, payment(), RefundReason.REFUSED_AT_RECEPTION, ())
    with pytest.raises(Conflict):
        refunds.check_refund(refused, payment(state=PaymentState.FAILED), RefundReason.REFUSED_AT_RECEPTION, ())
    with pytest.raises(Conflict):
        refunds.check_refund(received, payment(), RefundReason.PAID_TWICE, (payment(),))
    refunds.check_refund(received, payment(), RefundReason.PAID_TWICE, (payment(), payment(payment_id="x" * 22)))


def test_a_notification_is_taken_only_with_the_providers_signature_over_its_exact_bytes():
    secret = b"s" * 32
    body = (
        b'{"event_id":"e1","payment_id":"sim_1","reference":"r","dossier_code":"c","amount":10000,'
        b'"currency":"VND","state":"success"}'
    )
    assert verified(body, sign(secret, body), secret).amount_vnd == 10000
    for signature in (None, "", sign(b"other", body), sign(secret, body + b" ")):
        with pytest.raises(InvalidNotification):
            verified(body, signature, secret)
    with pytest.raises(InvalidNotification):
        verified(b"{}", sign(secret, b"{}"), secret)


def test_reconciliation_lists_each_kind_of_difference():
    day = date(2026, 3, 2)

    def entry(ref, amount):
        return LedgerEntry(ref, Kind.PAYMENT, "c", "p", amount, NOW)

    def line(ref, amount, state="success"):
        return SettlementLine(ref, "p", Kind.PAYMENT, amount, state)

    report = reconcile(
        day,
        [entry("ok", 10), entry("extra", 10), entry("amount", 10), entry("state", 10)],
        [line("ok", 10), line("missing", 10), line("amount", 9), line("state", 10, "pending")],
    )
    assert report.matched == 1 and not report.balanced
    assert {(d.difference, d.reference) for d in report.discrepancies} == {
        (Difference.EXTRA, "extra"),
        (Difference.MISSING, "missing"),
        (Difference.AMOUNT_MISMATCH, "amount"),
        (Difference.STATE_MISMATCH, "state"),
    }
    assert reconcile(day, [entry("ok", 10)], [line("ok", 10)]).balanced
