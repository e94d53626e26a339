"""Registered clients: admins register them, they take tokens by OAuth 2 client credentials from the
local issuer, each scope reaches only its dossiers, secrets rotate with an overlap, revocation and expiry
stop a client, and its own limits answer 429 with the RateLimit headers."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from tests.support.apps import BEN_THANH, Apps
from tests.support.authorization_rules import World, submission

PROCEDURE = "1.001193"  # đăng ký khai sinh


class Monotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monotonic() -> Monotonic:
    return Monotonic()


@pytest.fixture
def apps(services, issuer, people, monotonic) -> Apps:
    from infra.local_server import create_local_app
    from portal.clients.service import ClientRegistry
    from portal.store.clients import ClientStore

    services.clients = ClientRegistry(ClientStore(), services.clock, monotonic=monotonic)
    return Apps(create_local_app(issuer, services=services, static_dir=None), people)


@pytest.fixture
def world(api, people) -> World:
    from tests.support.catalog import catalog_procedure

    procedure = catalog_procedure(PROCEDURE)
    r = api.run("SubmitDossier", submission(World("", "", procedure)), token=people.citizen())
    dossier = r.data["submitDossier"]["dossier"]
    return World(dossier["code"], dossier["trackingSecret"], procedure)


def test_an_admin_registers_a_client_whose_secret_is_shown_once_and_stored_hashed(apps, people):
    from portal.store.integration_items import CLIENT_PK, ClientItem

    app = apps.register()
    assert app.client["scopes"] == ["center:dossiers"] and app.client["centerId"] == BEN_THANH
    assert app.client["secrets"][0]["secretId"] == app.secret.split(".")[0]
    listed = apps.api.run("Clients", token=people.admin()).data["clients"]
    assert app.client_id in {c["clientId"] for c in listed}
    assert app.secret not in str(listed)
    stored = ClientItem.get(CLIENT_PK, app.client_id)
    assert app.secret not in str(stored.attribute_values) and len(stored.secrets[0].digest) == 64


def test_registration_is_checked_field_by_field(apps, people):
    r = apps.api.run(
        "RegisterClient",
        {"input": {"name": "", "contactEmail": "x", "scopes": ["root"], "expiresAt": "2020-01-01T00:00:00Z"}},
        token=people.admin(),
    )
    result = r.data["registerClient"]
    assert result["__typename"] == "InvalidInputError"
    assert {p["field"] for p in result["problems"]} == {"name", "contactEmail", "scopes", "expiresAt"}


def test_the_token_endpoint_takes_only_the_right_secret(apps):
    app = apps.register()
    assert apps.token_response(app.client_id, app.secret).json()["scope"] == "center:dossiers"
    wrong = apps.token_response(app.client_id, app.secret[:-2] + "xx")
    assert (wrong.status_code, wrong.json()) == (401, {"error": "invalid_client"})
    assert apps.token_response("app-unknown", app.secret).status_code == 401


def test_a_center_client_reads_its_centers_dossiers_and_nothing_else(apps, people, world):
    app = apps.register()
    token = apps.token(app.client_id, app.secret)
    assert apps.api.run("GetDossier", {"code": world.code}, token=token).data["dossier"]["code"] == world.code
    elsewhere = apps.register(centerId="hcc-01")
    other_token = apps.token(elsewhere.client_id, elsewhere.secret)
    assert apps.api.run("GetDossier", {"code": world.code}, token=other_token).error_codes == ["NOT_FOUND"]
    assert apps.api.run("MyDossiers", {"first": 5}, token=token).error_codes == ["FORBIDDEN"]
    r = apps.api.run("SubmitDossier", submission(world), token=token)
    assert r.error_codes == ["FORBIDDEN"]
    assert apps.api.run("Provinces", token=token).error_codes == ["FORBIDDEN"]  # no public:read


def test_a_client_limited_to_listed_procedures_sees_no_other(apps, world):
    app = apps.register(procedures=["1.000000"])
    token = apps.token(app.client_id, app.secret)
    assert apps.api.run("GetDossier", {"code": world.code}, token=token).error_codes == ["NOT_FOUND"]


def test_a_public_client_reads_public_data_only(apps, world):
    app = apps.register(scopes=["public:read"], centerId=None)
    token = apps.token(app.client_id, app.secret)
    assert len(apps.api.run("Provinces", token=token).data["provinces"]) == 34
    assert apps.api.run("GetDossier", {"code": world.code}, token=token).error_codes == ["NOT_FOUND"]
    assert apps.api.run("Kpis", {"fromMonth": "2026-01", "toMonth": "2026-12"}, token=token).error_codes == [
        "FORBIDDEN"
    ]


def test_a_token_carries_only_the_scopes_asked_for_among_those_granted(apps):
    app = apps.register(scopes=["public:read", "center:dossiers"])
    assert apps.token_response(app.client_id, app.secret, "public:read dossiers:write").json()["scope"] == (
        "public:read"
    )


def test_a_rotated_secret_works_during_the_overlap_and_the_old_one_stops_after(apps, people, services):
    app = apps.register()
    r = apps.api.run(
        "RotateClientSecret", {"input": {"clientId": app.client_id, "overlapHours": 2}}, token=people.admin()
    )
    rotated = r.data["rotateClientSecret"]
    new_secret = rotated["clientSecret"]
    assert len(rotated["client"]["secrets"]) == 2
    assert apps.token(app.client_id, app.secret) and apps.token(app.client_id, new_secret)
    services.clock.advance(timedelta(hours=2, seconds=1))
    assert apps.token_response(app.client_id, app.secret).status_code == 401
    assert apps.token(app.client_id, new_secret)


def test_revoking_a_client_stops_it_within_a_minute_everywhere(apps, people, world, services, monotonic):
    from portal.api.http.app import create_app
    from portal.bootstrap import build_services
    from tests.support.graphql_client import GraphQLClient

    app = apps.register()
    token = apps.token(app.client_id, app.secret)
    assert apps.api.run("GetDossier", {"code": world.code}, token=token).errors == []
    other_container = GraphQLClient(create_app(services=build_services(clock=services.clock)))
    r = other_container.run("RevokeClient", {"input": {"clientId": app.client_id}}, token=people.admin())
    assert r.data["revokeClient"]["client"]["revokedAt"]
    assert apps.token_response(app.client_id, app.secret).status_code == 401  # no new token, at once
    monotonic.now += 61  # this container read the registration a minute ago: it reads it again
    assert apps.api.run("GetDossier", {"code": world.code}, token=token).error_codes == ["UNAUTHENTICATED"]


def test_an_expiring_client_is_warned_and_an_expired_one_refused(apps, services):
    soon = (services.clock.now() + timedelta(days=10)).isoformat()
    app = apps.register(expiresAt=soon, scopes=["public:read"], centerId=None)
    token = apps.token(app.client_id, app.secret)
    viewer = apps.api.run("ViewerClient", token=token).data["viewerClient"]
    assert viewer["expiresInDays"] == 10
    services.clock.advance(timedelta(days=10, seconds=1))
    assert apps.token_response(app.client_id, app.secret).status_code == 401
    assert apps.api.run("ViewerClient", token=token).error_codes == ["UNAUTHENTICATED"]


def test_an_ip_allow_list_refuses_other_addresses(services, issuer, people):
    from infra.local_server import create_local_app

    app_ = create_local_app(issuer, services=services, static_dir=None)
    inside, outside = Apps(app_, people, address="203.0.113.7"), Apps(app_, people, address="198.51.100.9")
    app = inside.register(ipAllowList=["203.0.113.0/24"], scopes=["public:read"], centerId=None)
    token = inside.token(app.client_id, app.secret)
    assert inside.api.run("Provinces", token=token).errors == []
    assert outside.token_response(app.client_id, app.secret).status_code == 401
    assert outside.api.run("Provinces", token=token).error_codes == ["UNAUTHENTICATED"]


def _within_one_minute_window() -> None:
    """The limits count per wall-clock minute (fixed windows): a burst that straddles a minute's end is two
    windows' worth. Start the burst early in a minute."""
    if time.time() % 60 > 45:
        time.sleep(60.2 - time.time() % 60)


def test_a_client_past_its_limit_gets_429_with_retry_after_and_ratelimit_headers(apps):
    app = apps.register(scopes=["public:read"], centerId=None, perMinute=3, perDay=100)
    token = apps.token(app.client_id, app.secret)
    _within_one_minute_window()
    answers = [apps.api.run("Provinces", token=token) for _ in range(4)]
    assert [a.status for a in answers] == [200, 200, 200, 429]
    assert answers[0].headers["ratelimit-policy"] == "3;w=60, 100;w=86400"
    assert [a.headers["ratelimit-remaining"] for a in answers[:3]] == ["2", "1", "0"]
    assert answers[3].error_codes == ["RATE_LIMITED"] and int(answers[3].headers["retry-after"]) >= 1
    viewer = apps.api.run("ViewerClient", token=token)  # refused too: the minute is used up
    assert viewer.status == 429


def test_a_client_sees_its_limits_and_usage(apps):
    app = apps.register(scopes=["public:read"], centerId=None, perMinute=50, perDay=1000)
    token = apps.token(app.client_id, app.secret)
    apps.api.run("Provinces", token=token)
    viewer = apps.api.run("ViewerClient", token=token).data["viewerClient"]
    assert viewer["limits"] == {"perMinute": 50, "perDay": 1000}
    assert viewer["usage"] == {"minute": 2, "day": 2}  # the Provinces request and this one
    assert viewer["expiresInDays"] is None


def test_the_contact_is_warned_by_email_30_and_7_days_before_the_expiry_each_once(apps, services):
    from portal.jobs.registry import JOBS
    from tests.conftest import STACK
    from tests.support.notifications import smtp, unique_email

    contact = unique_email()
    expires = services.clock.now() + timedelta(days=40)
    app = apps.register(expiresAt=expires.isoformat(), scopes=["public:read"], centerId=None, contactEmail=contact)
    housekeeping = JOBS["clients-housekeeping"]
    housekeeping(services)
    assert smtp(STACK).messages(contact) == []  # 40 days ahead: nothing yet
    services.clock.advance(timedelta(days=11))
    housekeeping(services)
    housekeeping(services)  # the next morning's run, or a retried one, sends nothing more
    [first] = smtp(STACK).messages(contact)
    assert first.subject == "Ứng dụng Hệ thống một cửa mẫu (mẫu) hết hạn sau 29 ngày / Client expires in 29 days"
    assert app.client_id in first.body and "#/nha-phat-trien" in first.body
    services.clock.advance(timedelta(days=23))
    housekeeping(services)
    housekeeping(services)
    later = [m.subject for m in smtp(STACK).messages(contact)]
    assert later[1:] == ["Ứng dụng Hệ thống một cửa mẫu (mẫu) hết hạn sau 6 ngày / Client expires in 6 days"]


def test_housekeeping_drops_secrets_past_their_overlap(apps, people, services):
    from portal.jobs.registry import JOBS
    from portal.store.integration_items import CLIENT_PK, ClientItem

    app = apps.register()
    apps.api.run("RotateClientSecret", {"input": {"clientId": app.client_id, "overlapHours": 1}}, token=people.admin())
    assert len(ClientItem.get(CLIENT_PK, app.client_id).secrets) == 2
    services.clock.advance(timedelta(hours=1, seconds=1))
    assert JOBS["clients-housekeeping"](services)["retiredSecrets"] >= 1
    assert len(ClientItem.get(CLIENT_PK, app.client_id).secrets) == 1
