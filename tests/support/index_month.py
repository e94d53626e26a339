"""A month of KPI counters with known figures for the service index (September 2025: no other test files
dossiers then). Written as whole items (put, not ADD), so seeding twice in a session changes nothing.

Expected (see portal.kpis.service_index): Hồ Chí Minh City 80/82 points (progress 18, digitization 22,
online 22, satisfaction 18), rank 1; Hà Nội 37/64 (15, 11, 11, no ratings), rank 2; every other province
unranked. In Hồ Chí Minh City the Bến Thành ward (its commune center) scores 22/22 (everything online, no
result or rating yet).
"""

from __future__ import annotations

from portal.dossiers.counters import NATIONAL, KpiCounts
from portal.store.dossier_items import MONTH_SK_PREFIX, STATS_PK_PREFIX, StatsItem

MONTH = "2025-09"
PREVIOUS = "2025-08"
BEN_THANH_CENTER = "hcc-79-26743"
BEN_THANH = "26743"

HCM = KpiCounts(
    received=100, online=60, finished=50, on_time=45, late=5, electronic_results=50, ratings=10, satisfied=9
)
HANOI = KpiCounts(received=80, online=20, finished=40, on_time=30, late=10, electronic_results=20)
BEN_THANH_COUNTS = KpiCounts(received=12, online=12)
HCM_AUGUST = KpiCounts(received=50, online=10, finished=10, on_time=5, late=5)

COUNTERS: dict[tuple[str, str], KpiCounts] = {
    ("province:79", MONTH): HCM,
    ("province:01", MONTH): HANOI,
    (NATIONAL, MONTH): HCM + HANOI,
    (f"center:{BEN_THANH_CENTER}", MONTH): BEN_THANH_COUNTS,
    ("province:79", PREVIOUS): HCM_AUGUST,
    (NATIONAL, PREVIOUS): HCM_AUGUST,
}


def seed_index_month() -> None:
    for (scope, month), counts in COUNTERS.items():
        StatsItem(pk=f"{STATS_PK_PREFIX}{scope}", sk=f"{MONTH_SK_PREFIX}{month}", **counts.__dict__).save()
