"""KPI counters in DynamoDB: added to inside dossier transactions, read by month range."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

from pynamodb.transactions import TransactWrite

from portal.dossiers.counters import KpiCounts, KpiDelta
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
            total = total + _counts(item)
        return total

    def sum_by_month(self, scopes: Iterable[str], months: list[str]) -> dict[str, KpiCounts]:
        """Month -> the sum of the scopes' counters that month (BatchGetItem of every scope x month)."""
        keys = [
            (f"{STATS_PK_PREFIX}{scope}", f"{MONTH_SK_PREFIX}{month}")
            for scope in dict.fromkeys(scopes)
            for month in months
        ]
        totals: dict[str, KpiCounts] = {}
        for item in StatsItem.batch_get(keys):
            month = item.sk.removeprefix(MONTH_SK_PREFIX)
            totals[month] = totals.get(month, KpiCounts()) + _counts(item)
        return totals

    def of_scopes(self, scopes: Iterable[str], month: str) -> dict[str, KpiCounts]:
        """One month of many scopes (the 34 provinces, a province's centers): BatchGetItem, 100 keys a call."""
        keys = [(f"{STATS_PK_PREFIX}{scope}", f"{MONTH_SK_PREFIX}{month}") for scope in dict.fromkeys(scopes)]
        return {item.pk.removeprefix(STATS_PK_PREFIX): _counts(item) for item in StatsItem.batch_get(keys)}


def _counts(item: StatsItem) -> KpiCounts:
    return KpiCounts(**{name: int(getattr(item, name) or 0) for name in COUNTER_NAMES})
