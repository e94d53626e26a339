import pytest

from portal.dossiers.counters import KpiCounts
from portal.kpis.service_index import IndexGroup, figures, months_ending, ranked


def scores(counts: KpiCounts) -> dict[IndexGroup, float | None]:
    return {g.group: g.points for g in figures("province:01", "01", "Hà Nội", "2025-09", counts).groups}


def test_each_group_is_its_weight_times_the_indicator_capped_at_full_marks():
    counts = KpiCounts(
        received=100, online=40, finished=50, on_time=45, late=5, electronic_results=25, ratings=20, satisfied=18
    )
    assert scores(counts) == {
        IndexGroup.PUBLICITY: None,  # no counter measures it: unscored, never guessed
        IndexGroup.PROGRESS: 18.0,  # 20 x 45/50
        IndexGroup.DIGITIZATION: 11.0,  # 22 x 25/50
        IndexGroup.ONLINE: 17.6,  # 22 x (40% / 50%)
        IndexGroup.SATISFACTION: 18.0,  # 90% satisfied is full marks
    }
    f = figures("province:01", "01", "Hà Nội", "2025-09", counts)
    assert (f.points, f.max_points, f.score) == (64.6, 82, round(64.6 / 82, 4))


def test_online_share_past_half_earns_no_more_than_full_marks():
    assert scores(KpiCounts(received=10, online=9))[IndexGroup.ONLINE] == 22.0


def test_a_group_without_a_denominator_is_left_out_of_the_score():
    f = figures("commune:00004", "00004", "Ba Đình", "2025-09", KpiCounts(received=4, online=2))
    assert [g.group for g in f.groups if g.points is not None] == [IndexGroup.ONLINE]
    assert (f.points, f.max_points, f.score) == (22.0, 22, 1.0)


def test_a_unit_with_no_dossiers_has_no_score():
    f = figures("commune:00004", "00004", "Ba Đình", "2025-09", KpiCounts())
    assert (f.points, f.max_points, f.score) == (None, 0, None)


def test_ranking_puts_the_best_first_shares_ties_and_leaves_the_unmeasured_unranked():
    good = figures("province:79", "79", "HCM", "2025-09", KpiCounts(received=2, online=1))
    tie = figures("province:01", "01", "HN", "2025-09", KpiCounts(received=4, online=2))
    worse = figures("province:04", "04", "CB", "2025-09", KpiCounts(received=10, online=1))
    empty = figures("province:08", "08", "TQ", "2025-09", KpiCounts())
    out = ranked([worse, empty, good, tie])
    assert [(e.code, e.rank) for e in out] == [("01", 1), ("79", 1), ("04", 3), ("08", None)]


@pytest.mark.parametrize(
    ("month", "first", "last"), [("2025-09", "2024-10", "2025-09"), ("2026-01", "2025-02", "2026-01")]
)
def test_the_trend_covers_twelve_months_ending_with_the_chosen_one(month, first, last):
    months = months_ending(month)
    assert len(months) == 12 and months[0] == first and months[-1] == last
    assert months == sorted(months)
