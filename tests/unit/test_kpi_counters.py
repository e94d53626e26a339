from datetime import datetime

from portal.clock import VIETNAM
from portal.dossiers.counters import NATIONAL, NATIONAL_SHARDS, KpiCounts, delta, national_scopes, national_shard
from portal.dossiers.lifecycle import RECEIVE, Action, apply, rate
from portal.dossiers.model import ActorRole, Channel
from portal.workdays.vietnam_calendar import vietnam_calendar
from tests.support.factories import make_dossier

CAL = vietnam_calendar(2025, 2027)
T0 = datetime(2026, 3, 2, 9, tzinfo=VIETNAM)


def test_a_received_dossier_counts_for_its_center_province_and_the_nation_in_its_month():
    d = make_dossier(received_at=T0, channel=Channel.ONLINE)
    k = delta(None, d, d.timeline[0])
    assert d.timeline[0].action == RECEIVE
    assert k.month == "2026-03" and k.scopes == ("center:hcc-01", "province:01", national_shard(d.code))
    assert k.counts.nonzero() == {"received": 1, "online": 1}


def test_a_result_counts_once_as_on_time_or_late():
    d = make_dossier(received_at=T0)
    d1, e1 = apply(d, Action.START_PROCESSING, ActorRole.OFFICER, T0, CAL)
    assert delta(d, d1, e1) is None
    d2, e2 = apply(d1, Action.MARK_RESULT_READY, ActorRole.OFFICER, datetime(2026, 3, 20, tzinfo=VIETNAM), CAL)
    assert delta(d1, d2, e2).counts.nonzero() == {"finished": 1, "late": 1}
    d3, e3 = apply(d2, Action.RETURN_RESULT, ActorRole.OFFICER, datetime(2026, 3, 21, tzinfo=VIETNAM), CAL)
    assert delta(d2, d3, e3) is None  # returning does not count the result again


def test_rates_follow_the_service_index():
    d = make_dossier(received_at=T0)
    d, _ = apply(d, Action.START_PROCESSING, ActorRole.OFFICER, T0, CAL)
    d_ready, _ = apply(d, Action.MARK_RESULT_READY, ActorRole.OFFICER, T0, CAL)
    rated, event = rate(d_ready, 5, "", T0)
    assert delta(d_ready, rated, event).counts.nonzero() == {"ratings": 1, "rating_sum": 5, "satisfied": 1}
    totals = KpiCounts(received=10, online=6, on_time=9, late=1, ratings=20, rating_sum=85, satisfied=19)
    assert (totals.online_rate, totals.on_time_rate, totals.satisfaction_rate, totals.average_rating) == (
        0.6,
        0.9,
        0.95,
        4.25,
    )
    assert KpiCounts().on_time_rate is None


def test_the_nations_counters_are_spread_over_shards_by_dossier_code_and_read_back_from_all_of_them():
    codes = [f"000.00.01.H01-260302-{n:04d}" for n in range(400)]
    shards = {national_shard(code) for code in codes}
    assert len(shards) == NATIONAL_SHARDS  # 400 codes reach every shard
    assert national_shard(codes[0]) == national_shard(codes[0])  # stable: crc32, not Python's salted hash()
    assert set(national_scopes()) == shards | {NATIONAL}  # and the unsharded months from before
