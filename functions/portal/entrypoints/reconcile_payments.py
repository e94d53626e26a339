"""Reconcile a day's payments by hand: the provider's settlement report against the portal's ledger.

    python -m portal.entrypoints.reconcile_payments [--day YYYY-MM-DD]   (default: yesterday, Vietnam time)

In AWS the same runs every night as the job "reconcile-payments" (portal.jobs.registry; template.yaml:
ReconcilePaymentsFunction); the differences are logged as one structured record, for the finance officer.
Exit code 1 when the day does not balance.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date


def main(argv: list[str] | None = None) -> int:
    from portal.bootstrap import default_services
    from portal.jobs.registry import reconciliation

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--day", type=date.fromisoformat, help="the day to reconcile (default: yesterday)")
    result = reconciliation(default_services(), parser.parse_args(argv).day)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if result["balanced"] else 1


if __name__ == "__main__":
    sys.exit(main())
