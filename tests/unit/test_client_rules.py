"""Registered clients' pure rules: what a registration may ask, who may call, expiry warnings, the
tokens' scopes, and the quota headers."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from portal.clients import credentials, quota
from portal.clients.model import Client, ClientLimits, Registration
from portal.clients.rules import check_in_service, check_registration, expires_in_days, token_claims
from portal.clock import VIETNAM
from portal.errors import InvalidInput, NotAuthenticated
from portal.identity.principal import Scope

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)


def make_client(**overrides) -> Client:
    values = {
        "client_id": "app-1",
        "name": "Ứng dụng (mẫu)",
        "contact_email": "dev@example.vn",
        "scopes": frozenset({Scope.PUBLIC_READ, Scope.CENTER_DOSSIERS}),
        "created_at": NOW,
        "expires_at": NOW + timedelta(days=90),
        "secrets": (),
        "center_id": "hcc-01",
    }
    return Client(**{**values, **overrides})


def registration(**overrides) -> Registration:
    values = {"name": "Ngân hàng (mẫu)", "contact_email": "api@example.vn", "scopes": ("public:read",),
              "expires_at": NOW + timedelta(days=365)}  # fmt: skip
    return Registration(**{**values, **overrides})


def test_a_sound_registration_grants_its_scopes():
    assert check_registration(registration(), NOW) == frozenset({Scope.PUBLIC_READ})


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": " "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"contact_email": "no-at-sign"}, "contactEmail"),
        ({"scopes": ()}, "scopes"),
        ({"scopes": ("admin",)}, "scopes"),
        ({"scopes": ("center:dossiers",)}, "centerId"),  # a center scope needs its center
        ({"center_id": "hcc-01"}, "centerId"),  # and only it takes one
        ({"procedures": ("1.001193; drop",)}, "procedures"),
        ({"procedures": tuple(f"1.{i:06d}" for i in range(51))}, "procedures"),
        ({"ip_allow_list": ("not-a-network",)}, "ipAllowList"),
        ({"expires_at": NOW}, "expiresAt"),
        ({"expires_at": NOW + timedelta(days=800)}, "expiresAt"),
        ({"per_minute": 0}, "limits"),
        ({"per_minute": 100, "per_day": 50}, "limits"),
    ],
)
def test_a_registration_out_of_bounds_is_refused_on_its_field(overrides, field):
    with pytest.raises(InvalidInput) as refused:
        check_registration(registration(**overrides), NOW)
    assert field in {p.field for p in refused.value.problems}


def test_a_revoked_expired_or_elsewhere_client_is_refused_with_one_answer():
    check_in_service(make_client(ip_allow_list=("203.0.113.0/24",)), NOW, "203.0.113.9")
    refusals = [
        (make_client(revoked_at=NOW), "203.0.113.9"),
        (make_client(expires_at=NOW), "203.0.113.9"),
        (make_client(ip_allow_list=("203.0.113.0/24",)), "198.51.100.1"),
        (make_client(ip_allow_list=("203.0.113.0/24",)), None),
        (None, "203.0.113.9"),
    ]
    messages = set()
    for client, address in refusals:
        with pytest.raises(NotAuthenticated) as refused:
            check_in_service(client, NOW, address)
        messages.add(refused.value.message_en)
    assert len(messages) == 1


def test_the_expiry_is_announced_thirty_days_ahead():
    assert expires_in_days(make_client(expires_at=NOW + timedelta(days=31)), NOW) is None
    assert expires_in_days(make_client(expires_at=NOW + timedelta(days=30)), NOW) == 30
    assert expires_in_days(make_client(expires_at=NOW + timedelta(hours=5)), NOW) == 0


def test_a_token_carries_the_asked_scopes_it_holds_and_marks_the_registry():
    claims = token_claims(make_client(), "center:dossiers dossiers:write")
    assert claims["scope"] == "center:dossiers" and claims["client_registry"] is True
    assert token_claims(make_client(), "")["scope"] == "center:dossiers public:read"


def test_secrets_are_checked_against_a_salted_hash_only():
    secret = credentials.new_secret("ab12cd34")
    salt = credentials.new_salt()
    stored = credentials.digest(secret, salt)
    assert secret not in stored and credentials.matches(secret, salt, stored)
    assert not credentials.matches(secret + "x", salt, stored)
    assert credentials.digest(secret, credentials.new_salt()) != stored
    assert credentials.secret_id_of(secret) == "ab12cd34"


def test_quota_headers_name_both_windows_and_the_tightest_one():
    windows = quota.windows("app-1", ClientLimits(per_minute=10, per_day=1000), NOW)
    states = [quota.QuotaState(windows[0], 4), quota.QuotaState(windows[1], 998)]
    headers = quota.headers(states, NOW.timestamp())
    assert headers["ratelimit-policy"] == "10;w=60, 1000;w=86400"
    assert (headers["ratelimit-limit"], headers["ratelimit-remaining"]) == ("1000", "2")
    assert "retry-after" not in headers
    over = quota.headers([quota.QuotaState(windows[0], 11), states[1]], NOW.timestamp())
    assert over["retry-after"] == "60"  # 09:00:00 exactly: the whole minute is left


def test_the_day_is_vietnams():
    late = datetime(2026, 3, 2, 23, 59, tzinfo=VIETNAM)
    day = quota.windows("app-1", ClientLimits(), late)[1]
    assert day.resets_at == int(datetime(2026, 3, 3, 0, 0, tzinfo=VIETNAM).timestamp())


@pytest.mark.parametrize(
    ("before", "after", "procedure", "removed"),
    [
        ((), ("1.1",), "1.2", True),  # every procedure, then a list without it
        ((), ("1.1",), "1.1", False),
        (("1.1", "1.2"), ("1.1",), "1.2", True),
        (("1.1",), ("1.1", "1.2"), "1.1", False),  # widened
        (("1.1",), ("1.2",), "1.3", False),  # never reached
        (("1.1",), (), "1.1", False),  # given every procedure
    ],
)
def test_a_narrowing_removes_what_was_reached_before_and_is_not_after(before, after, procedure, removed):
    from portal.clients.model import Narrowing

    assert Narrowing(NOW, frozenset(before), frozenset(after)).removes(procedure) is removed


@pytest.mark.parametrize(
    ("days_left", "sent", "due"),
    [(31, None, None), (30, None, 30), (29, 30, None), (7, 30, 7), (6, None, 7), (3, 7, None), (0.5, 7, None)],
)
def test_an_expiry_warning_is_due_30_then_7_days_ahead_each_once(days_left, sent, due):
    from portal.clients.expiry import warning_due

    client = make_client(expires_at=NOW + timedelta(days=days_left), expiry_warned_days=sent)
    assert warning_due(client, NOW) == due


def test_no_expiry_warning_for_a_revoked_or_expired_client():
    from portal.clients.expiry import warning_due

    assert warning_due(make_client(expires_at=NOW + timedelta(days=5), revoked_at=NOW), NOW) is None
    assert warning_due(make_client(expires_at=NOW - timedelta(days=1)), NOW) is None
