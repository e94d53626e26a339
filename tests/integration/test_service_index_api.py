"""The public service index through the API, on a month of counters with known figures
(tests/support/index_month.py): scores, ranking, trend, the reads it costs and its cache."""

import pytest

from tests.support.dynamodb_calls import recording
from tests.support.index_month import BEN_THANH, MONTH, seed_index_month


@pytest.fixture
def index_month(seeded):
    seed_index_month()
    return MONTH


def groups(figures):
    return {g["group"]: g["points"] for g in figures["groups"]}


def test_the_national_view_ranks_the_provinces_from_their_counters(api, index_month):
    r = api.run("ServiceIndex", {"month": index_month})
    assert r.errors == []
    report = r.data["serviceIndex"]
    nation = report["subject"]
    assert (nation["scope"], nation["received"], nation["online"], nation["rank"]) == ("national", 180, 80, None)
    ranking = report["ranking"]
    assert len(ranking) == 34
    assert [(p["code"], p["rank"], p["points"], p["maxPoints"]) for p in ranking[:2]] == [
        ("79", 1, 80.0, 82),
        ("01", 2, 37.0, 64),
    ]
    assert groups(ranking[0]) == {
        "PUBLICITY": None,
        "PROGRESS": 18.0,
        "DIGITIZATION": 22.0,
        "ONLINE": 22.0,
        "SATISFACTION": 18.0,
    }
    assert groups(ranking[1])["SATISFACTION"] is None  # no rating in Hà Nội that month
    assert all(p["rank"] is None and p["score"] is None for p in ranking[2:])


def test_a_province_shows_its_national_rank_its_trend_and_its_communes(api, index_month):
    report = api.run("ServiceIndex", {"month": index_month, "provinceCode": "79"}).data["serviceIndex"]
    subject = report["subject"]
    assert (subject["scope"], subject["rank"], subject["score"]) == ("province:79", 1, round(80 / 82, 4))
    trend = report["trend"]
    assert [t["month"] for t in trend][-2:] == ["2025-08", "2025-09"] and len(trend) == 12
    assert [t["received"] for t in trend][-3:] == [0, 50, 100]
    assert trend[-2]["points"] == 10.0 + 8.8 + 0.0  # Aug: on time 5/10, online 10/50, no e-result
    communes = report["ranking"]
    assert communes[0]["code"] == BEN_THANH and communes[0]["rank"] == 1 and communes[0]["score"] == 1.0
    assert all(c["rank"] is None for c in communes[1:])  # the other communes' centers had no dossier that month


def test_a_commune_is_ranked_among_the_communes_of_its_province(api, index_month):
    report = api.run("ServiceIndex", {"month": index_month, "communeCode": BEN_THANH}).data["serviceIndex"]
    subject = report["subject"]
    assert (subject["scope"], subject["rank"], subject["received"]) == (f"commune:{BEN_THANH}", 1, 12)
    assert report["trend"][-1]["received"] == 12 and report["trend"][-2]["received"] == 0


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"month": "2025-13"}, "month"),
        ({"month": "sept"}, "month"),
        ({"month": "2025-09", "provinceCode": "00"}, "provinceCode"),
        ({"month": "2025-09", "provinceCode": "x" * 500}, "provinceCode"),
        ({"month": "2025-09", "communeCode": "99999"}, "communeCode"),
        ({"month": "2025-09", "provinceCode": "01", "communeCode": BEN_THANH}, "communeCode"),
    ],
)
def test_a_wrong_month_province_or_commune_is_bad_user_input_in_two_languages(api, variables, field):
    r = api.run("ServiceIndex", variables)
    assert r.error_codes == ["BAD_USER_INPUT"]
    error = r.errors[0]
    assert error["extensions"]["messageEn"] and error["extensions"]["problems"][0]["field"] == field
    assert len(error["message"]) < 120


def test_the_figures_cost_a_few_reads_of_counters_never_a_scan_and_are_then_cached(api, index_month):
    with recording() as calls:
        api.run("ServiceIndex", {"month": "2025-07"})
    # The 34 provinces' month (1 call); the nation's year: 17 counter scopes x 12 months = 204 keys (3 calls).
    assert dict(calls.counts()) == {"BatchGetItem": 4}
    with recording() as calls:
        r = api.run("ServiceIndex", {"month": "2025-07"})
    assert r.errors == [] and len(calls) == 0
    with recording() as calls:
        api.run("ServiceIndex", {"month": "2025-07", "provinceCode": "79"})
    counts = calls.counts()
    # The province's centers (paged Query), its commune centers' month (BatchGetItem, 100 keys a call), its
    # year (1 call), the national ranking (cached above).
    assert counts["Scan"] == 0 and counts["GetItem"] == 0
    assert counts["BatchGetItem"] <= 3 and counts["Query"] <= 8
