from collections import Counter as Tally
from datetime import UTC, datetime

import pytest

from portal.errors import RateLimited
from portal.identity.principal import Admin, Anonymous, App, Citizen, Officer, OfficerRole, Scope
from portal.ratelimit.policy import COST_PER_UNIT, Limits, RequestKind, client_of, counters_for, weight, window_at
from portal.ratelimit.service import admit

LIMITS = Limits(window_seconds=60, client_reads=3, client_writes=1, ip_reads=10, ip_writes=2)
CITIZEN = Citizen("sub-1", "001090012345", "An")


class FakeCounters:
    def __init__(self) -> None:
        self.values: Tally[str] = Tally()
        self.expiries: dict[str, int] = {}

    def increment(self, key: str, expires_at: int, amount: int = 1) -> int:
        self.values[key] += amount
        self.expiries[key] = expires_at
        return self.values[key]


def test_a_window_starts_on_a_multiple_of_its_length():
    w = window_at(1_700_000_125.7, 60)
    assert (w.start, w.end) == (1_700_000_100, 1_700_000_160)
    assert w.seconds_left(1_700_000_125.7) == 35
    assert w.seconds_left(1_700_000_159.99) == 1, "never tells a client to retry after 0 seconds"


def test_a_request_counts_for_its_client_and_its_address():
    w = window_at(0, 60)
    keys = [c.key for c in counters_for(LIMITS, RequestKind.READ, "sub:a", "192.0.2.1", w)]
    assert keys == ["client#sub:a#read#0", "ip#192.0.2.1#read#0"]
    assert [c.limit for c in counters_for(LIMITS, RequestKind.WRITE, "sub:a", "192.0.2.1", w)] == [1, 2]


def test_unknown_callers_and_switched_off_limits_count_nothing():
    w = window_at(0, 60)
    assert [c.key for c in counters_for(LIMITS, RequestKind.READ, None, "192.0.2.1", w)] == ["ip#192.0.2.1#read#0"]
    assert counters_for(LIMITS, RequestKind.READ, None, None, w) == []
    assert counters_for(Limits(), RequestKind.WRITE, "sub:a", "192.0.2.1", w) == []
    assert not Limits().enabled and LIMITS.enabled


@pytest.mark.parametrize(
    ("principal", "client"),
    [
        (None, None),
        (Anonymous(), None),
        (CITIZEN, "sub:sub-1"),
        (Officer("o-1", "Bình", "hcc-01", OfficerRole.LEAD), "sub:o-1"),
        (Admin("ad-1", "Cường"), "sub:ad-1"),
        (App("app-9", frozenset({Scope.DOSSIERS_READ}), citizen=CITIZEN), "app:app-9"),
    ],
)
def test_whose_quota_a_request_uses(principal, client):
    assert client_of(principal) == client


def test_admit_refuses_past_the_limit_with_the_seconds_left():
    counters = FakeCounters()
    now = datetime(2026, 3, 2, 2, 0, 20, tzinfo=UTC)
    for _ in range(3):
        admit(counters, LIMITS, now, RequestKind.READ, "sub:a", "192.0.2.1")
    with pytest.raises(RateLimited) as refused:
        admit(counters, LIMITS, now, RequestKind.READ, "sub:a", "192.0.2.1")
    assert refused.value.retry_after == 40 and refused.value.extensions["retryAfter"] == 40
    assert refused.value.extensions["code"] == "RATE_LIMITED"
    assert set(counters.expiries.values()) == {int(now.timestamp()) - 20 + 60 + 60}


def test_writes_are_counted_apart_from_reads():
    counters = FakeCounters()
    now = datetime(2026, 3, 2, 2, 0, 0, tzinfo=UTC)
    admit(counters, LIMITS, now, RequestKind.WRITE, "sub:a", None)
    with pytest.raises(RateLimited):
        admit(counters, LIMITS, now, RequestKind.WRITE, "sub:a", None)
    admit(counters, LIMITS, now, RequestKind.READ, "sub:a", None)


def test_a_read_weighs_its_cost_and_a_write_one():
    assert weight(RequestKind.READ, 0) == weight(RequestKind.READ, COST_PER_UNIT) == 1
    assert weight(RequestKind.READ, COST_PER_UNIT + 1) == 2
    assert weight(RequestKind.READ, 3000) == 3000 // COST_PER_UNIT
    assert weight(RequestKind.WRITE, 3000) == 1


def test_a_heavy_read_uses_up_the_window_sooner():
    counters = FakeCounters()
    now = datetime(2026, 3, 2, 2, 0, 0, tzinfo=UTC)
    admit(counters, LIMITS, now, RequestKind.READ, None, "192.0.2.9", amount=6)  # 6 of the address's 10
    with pytest.raises(RateLimited):
        admit(counters, LIMITS, now, RequestKind.READ, None, "192.0.2.9", amount=6)
