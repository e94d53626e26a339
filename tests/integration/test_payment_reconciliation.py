"""Reconciling a day: the simulator's settlement report against the portal's ledger, with seeded differences."""

from __future__ import annotations

import json
from datetime import date, datetime

from portal.clock import VIETNAM
from tests.support.payments import Simulator, check, owing_dossier, provider_id, started_payment

DAY = date(2026, 3, 10)  # a day no other test pays on


def test_a_day_with_a_missing_an_extra_a_wrong_amount_and_a_wrong_state_is_reported(
    api, services, people, clock, capsys
):
    from portal.bootstrap import payment_service
    from portal.entrypoints.reconcile_payments import main

    clock.current = datetime(DAY.year, DAY.month, DAY.day, 9, 0, tzinfo=VIETNAM)
    simulator = Simulator()
    simulator.control(down=False, delivery="hold", now=clock.current.isoformat(), settlement_adjustments={})
    citizen = people.citizen()
    paid = {}
    try:
        for name in ("matched", "amount", "extra", "state", "missing"):
            code = owing_dossier(api, citizen)["code"]
            payment = started_payment(api, citizen, code)
            simulator.decide(provider_id(payment))
            if name != "missing":  # the portal never hears of this one: no notification, no status check
                assert check(api, citizen, code, payment["paymentId"])["payment"]["state"] == "SUCCESS"
            paid[name] = payment["paymentId"]
        simulator.control(
            settlement_adjustments={
                paid["amount"]: {"amount": 9000},
                paid["extra"]: {"drop": True},
                paid["state"]: {"state": "pending"},
            }
        )
        report = payment_service(services).reconcile(DAY)
        found = {(d.difference.value, d.reference) for d in report.discrepancies}
        assert found == {
            ("amount_mismatch", paid["amount"]),
            ("extra", paid["extra"]),
            ("state_mismatch", paid["state"]),
            ("missing", paid["missing"]),
        }
        assert report.matched == 1 and not report.balanced

        assert main(["--day", DAY.isoformat()]) == 1  # the command: JSON on stdout, exit code 1 when unbalanced
        printed = json.loads(capsys.readouterr().out)
        assert printed["matched"] == 1 and len(printed["discrepancies"]) == 4
    finally:
        simulator.control(now=datetime.now(VIETNAM).isoformat(), settlement_adjustments={}, delivery="normal")
