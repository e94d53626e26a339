"""KPI counters in DynamoDB: added to inside dossier transactions, read by month range."""

from __future__ import annotations

from dataclasses import fields

from pynamodb.transactions import TransactWrite

from portal.kpis.counters import KpiCounts, KpiDelta
from portal.store.dossier_items import MONTH_SK_PREFIX, STATS_PK_PREFIX, StatsItem

COUNTER_NAMES = tuple(f.name for f in fields(KpiCounts))


def add_to_transaction(tx: TransactWrite, delta: KpiDelta | None) -> None:
    """One ADD update per scope (center, province, nation) for the event's month."""
    if delta is None:
        return
    for scope in delta.scopes:
        actions = [getattr(StatsItem, name).add(value) for name, value in delta.counts.nonzero().items()]
        tx.update(StatsItem(pk=f"{STATS_PK_PREFIX}{scope}", sk=f"{MONTH_SK_PREFIX}{delta.month}"), actions=actions)


class StatsStore:
    def totals(self, scope: str, from_month: str, to_month: str) -> KpiCounts:
        """The sum of the scope's months from `from_month` to `to_month` (YYYY-MM, inclusive): one Query."""
        total = KpiCounts()
        months = StatsItem.query(
            f"{STATS_PK_PREFIX}{scope}",
            StatsItem.sk.between(f"{MONTH_SK_PREFIX}{from_month}", f"{MONTH_SK_PREFIX}{to_month}"),
        )
        for item in months:
            total = total + KpiCounts(**{name: int(getattr(item, name) or 0) for name in COUNTER_NAMES})
        return total
