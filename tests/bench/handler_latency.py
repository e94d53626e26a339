"""Floor (raw boto3 GetItem + Query) against the same reads through the Lambda handler, in one run.

python -m tests.bench.handler_latency [-n 300]
"""

from __future__ import annotations

import argparse
import json
import uuid
from typing import Any

from tests.bench.environment import bench_environment
from tests.bench.figures import header, measure, save
from tests.support.factories import form_for
from tests.support.graphql_client import operation
from tests.support.journeys import electronic_documents
from tests.support.lambda_events import LambdaContext, http_api_event

CENTER = "hcc-01-00070"  # Phường Hoàn Kiếm
HOAN_KIEM = {"lat": 21.0288, "lon": 105.8525}


class Invoker:
    """Calls the deployed entry point, portal.entrypoints.api.handler, with API Gateway v2 events."""

    def __init__(self) -> None:
        from portal.entrypoints.api import handler

        self.handler = handler
        self.context = LambdaContext()

    def __call__(self, name: str, variables: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        event = http_api_event({"query": operation(name), "variables": variables}, headers=headers)
        body = json.loads(self.handler(event, self.context)["body"])
        if body.get("errors"):
            raise RuntimeError(f"{name}: {body['errors']}")
        return body["data"]


def _submit_variables(procedure, center: str = CENTER) -> dict[str, Any]:
    return {
        "input": {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": procedure.code,
            "centerId": center,
            "formData": form_for(procedure),
            "electronicDocuments": electronic_documents(procedure),
        }
    }


def run(n: int = 300) -> dict[str, Any]:
    with bench_environment() as env:
        import boto3

        from portal.config import settings
        from tests.support.journeys import birth_procedure

        invoke = Invoker()
        citizen = env.issuer.mint_for("citizen")
        officer = env.issuer.mint_for("officer", center_id=CENTER, center_role="lead")
        birth = birth_procedure()
        for _ in range(60):  # a queue of 60 dossiers for the officer's page of 50
            invoke("SubmitDossier", _submit_variables(birth), citizen)
        dossier = invoke("SubmitDossier", _submit_variables(birth), citizen)["submitDossier"]["dossier"]
        code, secret = dossier["code"], dossier["trackingSecret"]

        config = settings()
        client = boto3.client("dynamodb", endpoint_url=config.dynamodb_endpoint, region_name=config.region)
        table = config.tables.dossiers
        get_item = measure(
            "floor: GetItem (dossier)",
            lambda: client.get_item(
                TableName=table, Key={"pk": {"S": code}, "sk": {"S": "DOSSIER"}}, ConsistentRead=True
            ),
            n,
        )
        query = measure(
            "floor: Query (timeline)",
            lambda: client.query(
                TableName=table,
                KeyConditionExpression="pk = :p AND begins_with(sk, :e)",
                ExpressionAttributeValues={":p": {"S": code}, ":e": {"S": "EVENT#"}},
                ConsistentRead=True,
            ),
            n,
        )
        floor = get_item.p50_ms + query.p50_ms

        reads = [
            measure(
                "handler: track a dossier (TrackDossier)",
                lambda: invoke("TrackDossier", {"code": code, "trackingSecret": secret}),
                n,
            ),
            measure("handler: own dossier (GetDossier, JWT)", lambda: invoke("GetDossier", {"code": code}, citizen), n),
            measure(
                "handler: procedure search",
                lambda: invoke("SearchProcedures", {"search": "dang ky khai sinh", "first": 20}),
                n,
            ),
            measure("handler: procedure page", lambda: invoke("GetProcedure", {"code": "1.001193"}), n),
            measure(
                "handler: nearest centers (5 km)",
                lambda: invoke(
                    "NearestCenters", {"near": HOAN_KIEM, "radiusKm": 5, "procedureCode": "1.001193", "first": 10}
                ),
                n,
            ),
            measure(
                "handler: officer queue page (50 + centers)",
                lambda: invoke("CenterQueue", {"first": 50}, officer),
                max(50, n // 3),
            ),
        ]
        writes = [
            measure(
                "handler: submit a dossier",
                lambda: invoke("SubmitDossier", _submit_variables(birth), citizen),
                max(50, n // 3),
            )
        ]

    header("Latency, in process, against DynamoDB Local")
    print(get_item.row())
    print(query.row())
    print(f"  {'floor = GetItem p50 + Query p50':<46} {floor:9.3f}")
    for t in reads:
        print(t.row(t.p50_ms / floor))
    for t in writes:
        print(t.row())
    print("  ratio: p50 / floor (target for tracking: <= 2x)")
    result = {"floor_ms": round(floor, 3), "floor": [get_item, query], "reads": reads, "writes": writes}
    save("handler_latency", result)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=300)
    run(parser.parse_args().n)


if __name__ == "__main__":
    main()
