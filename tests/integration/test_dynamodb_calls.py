"""Bounded DynamoDB work per request: no N+1, one Query to follow a dossier, no scans (see conftest)."""

from dataclasses import replace

import pytest

from portal.store.centers import CenterStore
from tests.support.dynamodb_calls import recording
from tests.support.graphql_client import GraphQLClient
from tests.support.journeys import submit

LIST_WITH_RELATIONS = """
query MyDossiersWithRelations($first: Int) {
  myDossiers(first: $first) {
    edges { node { code status center { id name hotline } procedure { code name processingDays } } }
  }
}
"""


# Enough dossiers at as many centers that a read per dossier or per center (an N+1) could not hide among the
# two calls allowed; 50 showed nothing more and filing them through the API was one of the slowest tests.
DOSSIERS = 8


def test_a_page_of_dossiers_at_as_many_centers_costs_one_query_and_one_batch_get(services, people):
    """Centers of Đà Nẵng (48): no other test counts dossiers there."""
    from portal.api.http.app import create_app

    uncached = GraphQLClient(create_app(services=replace(services, centers=CenterStore(cache_seconds=0))))
    token = people.citizen(pid="001090050050", sub="fifty")
    communes, cursor = [], None
    while len(communes) < DOSSIERS:
        page = uncached.run("Centers", {"provinceCode": "48", "first": 100, "after": cursor}).data["centers"]
        communes += [e["node"]["id"] for e in page["edges"] if e["node"]["kind"] == "COMMUNE"]
        cursor = page["pageInfo"]["endCursor"]
    communes = communes[:DOSSIERS]
    for center in communes:
        submit(uncached, token, center)

    with recording() as calls:
        r = uncached.query(LIST_WITH_RELATIONS, {"first": DOSSIERS}, token=token)
    nodes = [e["node"] for e in r.data["myDossiers"]["edges"]]
    assert len(nodes) == DOSSIERS and len({n["center"]["id"] for n in nodes}) == DOSSIERS
    assert all(n["procedure"]["code"] == "1.001193" for n in nodes)
    assert dict(calls.counts()) == {"Query": 1, "BatchGetItem": 1}


def test_following_a_dossier_is_one_query_once_its_center_is_known(api, people):
    d = submit(api, people.citizen(), "hcc-01-00070")
    api.run("TrackDossier", {"code": d["code"], "trackingSecret": d["trackingSecret"]})  # warms the center cache
    with recording() as calls:
        r = api.run("TrackDossier", {"code": d["code"], "trackingSecret": d["trackingSecret"]})
    assert r.errors == [] and dict(calls.counts()) == {"Query": 1}


def test_a_wrong_tracking_secret_costs_no_dynamodb_call(api, people):
    d = submit(api, people.citizen(), "hcc-01-00070")
    with recording() as calls:
        r = api.run("TrackDossier", {"code": d["code"], "trackingSecret": "AAAAA-AAAAA"})
    assert r.error_codes == ["NOT_FOUND"] and len(calls) == 0


@pytest.mark.scans_on_purpose
def test_the_scan_guard_itself_notices_a_scan(dynamodb):
    import boto3

    from portal.config import settings

    config = settings()
    client = boto3.client("dynamodb", endpoint_url=config.dynamodb_endpoint, region_name=config.region)
    with recording() as calls:
        client.scan(TableName=config.tables.procedures, Limit=1)
    assert calls.counts()["Scan"] == 1  # so the autouse guard would fail a test that scans
