"""Incremental sync: `dossierChanges(updatedSince, first, after)` returns exactly the dossiers in the
client's view changed since then, page by page, from an index (no scan)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest

from tests.support.apps import Apps
from tests.support.authorization_rules import World, submission
from tests.support.notifications import unique_pid

# Other tests (the browser's, on the real clock) file dossiers too: these tests use a center and a citizen
# of their own, so "exactly the changes" means exactly.
SYNC_CITIZEN = {
    "sub": "sync-citizen",
    "pid": "079099007777",
    "name": "Võ Thị Đồng Bộ (mẫu)",
    "birthdate": "1999-09-09",
    "address": {"formatted": "Thành phố Hồ Chí Minh"},
}


@pytest.fixture(scope="module")
def unused_centers(seeded) -> Iterator[str]:
    """Hồ Chí Minh City commune centers no other test files at, from the end of the province's first page."""
    from portal.store.centers import CenterStore

    ids = [c.id for c in CenterStore().by_province("79", 100, None).items if c.id != "hcc-79-26743"]
    return reversed(ids)


@pytest.fixture
def center(unused_centers) -> str:
    """A center of this test alone: the tests share a clock's start and no end to "changed since", so a center
    shared by two tests would show the one that ran second the other's dossiers (in a random order, either)."""
    return next(unused_centers)


@pytest.fixture
def apps(services, issuer, people) -> Apps:
    from infra.local_server import create_local_app

    return Apps(create_local_app(issuer, services=services, static_dir=None), people)


@pytest.fixture
def procedure():
    from tests.support.catalog import catalog_procedure

    return catalog_procedure("1.001193")


def file(api, people, procedure, center, token=None) -> str:
    variables = submission(World("", "", procedure))
    variables["input"]["centerId"] = center
    r = api.run("SubmitDossier", variables, token=token or people.citizen(**SYNC_CITIZEN))
    assert r.data["submitDossier"]["__typename"] == "DossierSubmitted", r.body
    return r.data["submitDossier"]["dossier"]["code"]


def changes(apps, token, since, first=100, after=None):
    r = apps.api.run("DossierChanges", {"updatedSince": since, "first": first, "after": after}, token=token)
    assert r.errors == [], r.body
    return r.data["dossierChanges"]


def test_a_center_system_gets_exactly_what_changed_since_its_last_sync(api, apps, people, services, procedure, center):
    app = apps.register(centerId=center)
    token = apps.token(app.client_id, app.secret)
    services.clock.advance(timedelta(days=30))  # after every dossier other tests filed (they share the clock)
    start = services.clock.now()
    first_two = [file(api, people, procedure, center)]
    services.clock.advance(timedelta(seconds=1))
    first_two.append(file(api, people, procedure, center, token=people.other_citizen()))
    services.clock.advance(timedelta(minutes=5))
    since = services.clock.now().isoformat()
    third = file(api, people, procedure, center)
    seen = changes(apps, token, start.isoformat())["edges"]
    assert [e["node"]["code"] for e in seen] == [*first_two, third]  # oldest change first
    assert [e["node"]["code"] for e in changes(apps, token, since)["edges"]] == [third]

    services.clock.advance(timedelta(minutes=5))
    since = services.clock.now().isoformat()
    r = api.run(
        "ActOnDossier",
        {"input": {"code": first_two[0], "action": "START_PROCESSING"}},
        token=people.officer(center, role="processing"),
    )
    assert r.data["actOnDossier"]["__typename"] == "DossierUpdated"
    [changed] = changes(apps, token, since)["edges"]
    assert changed["node"]["code"] == first_two[0] and changed["node"]["status"] == "PROCESSING"
    assert changed["node"]["updatedAt"] >= since and changed["node"]["version"] == 2


def test_changes_come_page_by_page_with_a_cursor(api, apps, people, services, procedure, center):
    app = apps.register(centerId=center)
    token = apps.token(app.client_id, app.secret)
    services.clock.advance(timedelta(days=40))
    start = services.clock.now().isoformat()
    filed = []
    for _ in range(3):
        filed.append(file(api, people, procedure, center))
        services.clock.advance(timedelta(seconds=1))
    page = changes(apps, token, start, first=2)
    assert page["pageInfo"]["hasNextPage"]
    rest = changes(apps, token, start, first=2, after=page["pageInfo"]["endCursor"])
    assert [e["node"]["code"] for e in page["edges"] + rest["edges"]] == filed


def test_an_app_reading_for_a_citizen_syncs_only_their_dossiers(api, apps, people, services, procedure, center):
    services.clock.advance(timedelta(days=50))
    start = services.clock.now().isoformat()
    # A citizen of this test alone: the other tests file for SYNC_CITIZEN later on the clock, in any order.
    own = {**SYNC_CITIZEN, "sub": f"sync-{uuid.uuid4().hex[:8]}", "pid": "079099" + unique_pid()[-6:]}
    mine = file(api, people, procedure, center, token=people.citizen(**own))
    file(api, people, procedure, center, token=people.other_citizen())
    delegated = people.issuer.mint({**own, "client_id": "sample-app", "scope": "dossiers:read"})
    assert [e["node"]["code"] for e in changes(apps, delegated, start)["edges"]] == [mine]


def test_another_center_or_a_procedure_outside_the_list_is_not_synced(api, apps, people, services, procedure, center):
    services.clock.advance(timedelta(days=60))
    start = services.clock.now().isoformat()
    file(api, people, procedure, center)
    # Cà Mau's provincial center: no test files there (the browser tests file at Hà Nội's on the real clock).
    for overrides in ({"centerId": "hcc-96"}, {"centerId": center, "procedures": ["1.000000"]}):
        app = apps.register(**overrides)
        assert changes(apps, apps.token(app.client_id, app.secret), start)["edges"] == []


def test_a_time_without_offset_or_in_the_future_is_refused(apps, services, center):
    app = apps.register(centerId=center)
    token = apps.token(app.client_id, app.secret)
    future = (services.clock.now() + timedelta(hours=1)).isoformat()
    for since in ("2026-03-01T00:00:00", future):
        r = apps.api.run("DossierChanges", {"updatedSince": since}, token=token)
        assert r.error_codes == ["BAD_USER_INPUT"], r.body


def removals(apps, token, since, first=100, after=None):
    r = apps.api.run("DossierRemovals", {"removedSince": since, "first": first, "after": after}, token=token)
    assert r.errors == [], r.body
    return r.data["dossierRemovals"]


def set_procedures(apps, people, client_id, procedures):
    r = apps.api.run(
        "SetClientProcedures", {"input": {"clientId": client_id, "procedures": procedures}}, token=people.admin()
    )
    assert r.data["setClientProcedures"]["__typename"] == "ClientProceduresSet", r.body


def test_a_narrowed_procedure_list_removes_exactly_the_dossiers_the_client_held(
    api, apps, people, services, procedure, center, dynamodb_calls
):
    app = apps.register(centerId=center)
    token = apps.token(app.client_id, app.secret)
    services.clock.advance(timedelta(days=70))
    start = services.clock.now().isoformat()
    held = [file(api, people, procedure, center)]
    services.clock.advance(timedelta(seconds=1))  # two changes at one instant have no order of their own
    held.append(file(api, people, procedure, center))
    assert [e["node"]["code"] for e in changes(apps, token, start)["edges"]] == held
    dynamodb_calls.clear()
    assert removals(apps, token, start)["edges"] == []  # nothing narrowed: not even a read of the dossiers
    assert not any("dossiers" in c.table.lower() for c in dynamodb_calls.calls)

    set_procedures(apps, people, app.client_id, [procedure.code, "2.000001"])  # still reaches these
    assert removals(apps, token, start)["edges"] == []
    services.clock.advance(timedelta(minutes=5))
    narrowed_at = services.clock.now()
    set_procedures(apps, people, app.client_id, ["2.000001"])
    services.clock.advance(timedelta(minutes=5))
    file(api, people, procedure, center)  # filed after: never in the client's view
    dynamodb_calls.clear()
    gone = removals(apps, token, start)["edges"]
    assert [e["node"]["code"] for e in gone] == held
    assert {e["node"]["reason"] for e in gone} == {"procedure_not_listed"}
    assert {e["node"]["removedAt"] for e in gone} == {narrowed_at.isoformat()}
    assert {c.operation for c in dynamodb_calls.calls if "dossiers" in c.table.lower()} <= {"Query"}  # no scan
    page = removals(apps, token, start, first=1)
    rest = removals(apps, token, start, first=1, after=page["pageInfo"]["endCursor"])
    assert [e["node"]["code"] for e in page["edges"] + rest["edges"]] == held[:2]
    assert removals(apps, token, (narrowed_at + timedelta(seconds=1)).isoformat())["edges"] == []
    assert changes(apps, token, start)["edges"] == []  # and no change of theirs either

    set_procedures(apps, people, app.client_id, [])  # given back: no longer removed
    assert removals(apps, token, start)["edges"] == []
