"""Reconciliation: the provider's settlement report for a day against the portal's ledger for that day.

Each side lists money moved (a payment captured, a refund paid), keyed by the portal's payment reference
and the kind of movement. A difference is one of: missing (the provider moved money the portal has not
recorded: a notification lost and no status check yet), extra (the portal recorded money the provider
did not move), amount mismatch, or state mismatch (the provider reports another state for it).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any


class Kind(Enum):
    PAYMENT = "payment"
    REFUND = "refund"


@dataclass(frozen=True)
class LedgerEntry:
    payment_id: str
    kind: Kind
    dossier_code: str
    provider_id: str
    amount_vnd: int
    at: datetime


@dataclass(frozen=True)
class SettlementLine:
    reference: str  # the portal's payment id
    provider_id: str
    kind: Kind
    amount_vnd: int
    state: str  # the provider's state of the movement: "success" for money settled


class Difference(Enum):
    MISSING = "missing"
    EXTRA = "extra"
    AMOUNT_MISMATCH = "amount_mismatch"
    STATE_MISMATCH = "state_mismatch"


@dataclass(frozen=True)
class Discrepancy:
    difference: Difference
    reference: str
    kind: Kind
    portal_amount_vnd: int | None
    provider_amount_vnd: int | None
    provider_state: str = ""


@dataclass(frozen=True)
class Report:
    day: date
    matched: int
    discrepancies: tuple[Discrepancy, ...]

    @property
    def balanced(self) -> bool:
        return not self.discrepancies


SETTLED = "success"


def reconcile(day: date, ledger: list[LedgerEntry], settlement: list[SettlementLine]) -> Report:
    ours = {(e.payment_id, e.kind): e for e in ledger}
    theirs = {(s.reference, s.kind): s for s in settlement}
    found: list[Discrepancy] = []
    matched = 0
    for key in sorted(set(ours) | set(theirs), key=lambda k: (k[0], k[1].value)):
        entry, line = ours.get(key), theirs.get(key)
        reference, kind = key
        if entry is None:
            found.append(Discrepancy(Difference.MISSING, reference, kind, None, line.amount_vnd, line.state))
        elif line is None:
            found.append(Discrepancy(Difference.EXTRA, reference, kind, entry.amount_vnd, None))
        elif line.state != SETTLED:
            found.append(
                Discrepancy(Difference.STATE_MISMATCH, reference, kind, entry.amount_vnd, line.amount_vnd, line.state)
            )
        elif line.amount_vnd != entry.amount_vnd:
            found.append(
                Discrepancy(Difference.AMOUNT_MISMATCH, reference, kind, entry.amount_vnd, line.amount_vnd, line.state)
            )
        else:
            matched += 1
    return Report(day, matched, tuple(found))


def as_dict(report: Report) -> dict[str, Any]:
    """The report as one structured log record (and the command's JSON)."""
    return {
        "day": report.day.isoformat(),
        "balanced": report.balanced,
        "matched": report.matched,
        "discrepancies": [
            {**asdict(d), "difference": d.difference.value, "kind": d.kind.value} for d in report.discrepancies
        ],
    }
