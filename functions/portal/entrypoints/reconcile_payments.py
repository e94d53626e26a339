"""Reconcile a day's payments: the provider's settlement report against the portal's ledger.

    python -m portal.entrypoints.reconcile_payments [--day YYYY-MM-DD]   (default: yesterday, Vietnam time)

In AWS the same runs every morning as a scheduled function (template.yaml: ReconcilePaymentsFunction);
the differences are logged as one structured record and counted as a metric, for the finance officer.
Exit code 1 when the day does not balance.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from portal.payments.reconciliation import Report


def run(day: date | None = None) -> Report:
    from portal.bootstrap import default_services, payment_service

    services = default_services()
    day = day or (services.clock.now().date() - timedelta(days=1))
    return payment_service(services).reconcile(day)


def as_dict(report: Report) -> dict[str, Any]:
    return {
        "day": report.day.isoformat(),
        "balanced": report.balanced,
        "matched": report.matched,
        "discrepancies": [
            {**asdict(d), "difference": d.difference.value, "kind": d.kind.value} for d in report.discrepancies
        ],
    }


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """EventBridge schedule -> the previous day's report (or the day given as {"day": "YYYY-MM-DD"})."""
    from portal.observability import logger

    day = date.fromisoformat(event["day"]) if event.get("day") else None
    result = as_dict(run(day))
    (logger.info if result["balanced"] else logger.warning)("payment reconciliation", extra=result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--day", type=date.fromisoformat, help="the day to reconcile (default: yesterday)")
    report = run(parser.parse_args(argv).day)
    print(json.dumps(as_dict(report), ensure_ascii=False, indent=2))
    return 0 if report.balanced else 1


if __name__ == "__main__":
    sys.exit(main())
