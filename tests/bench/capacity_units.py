"""DynamoDB capacity units per operation, as DynamoDB Local reports them (ReturnConsumedCapacity=TOTAL on
every call the portal makes), through the Lambda handler with rate limiting on and the caches warm.

    python -m tests.bench.capacity_units

On-demand tables bill these units: a read request unit per 4 KB read strongly (half eventually), a write
request unit per 1 KB written, twice that inside a transaction. Index writes are not in the figures
DynamoDB Local returns for the base table call, so they are counted apart (`index_writes`: the items the
call writes that the table's GSIs project, each at least one more write unit in AWS).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import botocore.client

from tests.bench.environment import bench_environment
from tests.bench.figures import save
from tests.bench.handler_latency import CENTER, HOAN_KIEM, Invoker, _submit_variables

CAPACITY_OPERATIONS = {
    "GetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem",
    "TransactWriteItems", "TransactGetItems",
}  # fmt: skip


class CapacityMeter:
    """Wraps every botocore call: asks for the consumed capacity and adds it up, per call name too."""

    def __init__(self) -> None:
        self.read = 0.0
        self.write = 0.0
        self.calls: Counter[str] = Counter()
        self._original = botocore.client.BaseClient._make_api_call

    def __enter__(self) -> CapacityMeter:
        meter, original = self, self._original

        def metered(client: Any, name: str, params: dict[str, Any]) -> Any:
            if client.meta.service_model.service_name != "dynamodb":
                return original(client, name, params)
            if name in CAPACITY_OPERATIONS:
                params = {**params, "ReturnConsumedCapacity": "TOTAL"}
            meter.calls[name] += 1
            response = original(client, name, params)
            consumed = response.get("ConsumedCapacity") or []
            for c in consumed if isinstance(consumed, list) else [consumed]:
                meter.read += c.get("ReadCapacityUnits", 0) or 0
                meter.write += c.get("WriteCapacityUnits", 0) or 0
                if not c.get("ReadCapacityUnits") and not c.get("WriteCapacityUnits"):
                    units = c.get("CapacityUnits", 0) or 0
                    if name in ("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems"):
                        meter.read += units
                    else:
                        meter.write += units
            return response

        botocore.client.BaseClient._make_api_call = metered
        return self

    def __exit__(self, *exc: object) -> None:
        botocore.client.BaseClient._make_api_call = self._original


def run() -> dict[str, Any]:
    with bench_environment() as env:
        from tests.support.journeys import birth_procedure

        invoke = Invoker()
        citizen = env.issuer.mint_for("citizen")
        officer = env.issuer.mint_for("officer", center_id=CENTER, center_role="lead")
        birth = birth_procedure()
        for _ in range(50):
            invoke("SubmitDossier", _submit_variables(birth), citizen)
        dossier = invoke("SubmitDossier", _submit_variables(birth), citizen)["submitDossier"]["dossier"]
        code, secret = dossier["code"], dossier["trackingSecret"]

        cases = [
            ("track a dossier", lambda: invoke("TrackDossier", {"code": code, "trackingSecret": secret})),
            ("own dossier (signed in)", lambda: invoke("GetDossier", {"code": code}, citizen)),
            ("procedure search", lambda: invoke("SearchProcedures", {"search": "khai sinh", "first": 20})),
            (
                "nearest centers",
                lambda: invoke("NearestCenters", {"near": HOAN_KIEM, "radiusKm": 5, "first": 10}),
            ),
            ("officer queue page (50)", lambda: invoke("CenterQueue", {"first": 50}, officer)),
            ("submit a dossier", lambda: invoke("SubmitDossier", _submit_variables(birth), citizen)),
            (
                "officer step (start processing)",
                lambda: invoke(
                    "ActOnDossier",
                    {"input": {"code": code, "action": "START_PROCESSING"}},
                    officer,
                ),
            ),
            ("service index, nation (uncached)", lambda: invoke("ServiceIndex", {"month": "2026-12"})),
            (
                "service index, Hà Nội (uncached)",
                lambda: invoke("ServiceIndex", {"month": "2026-12", "provinceCode": "01"}),
            ),
        ]
        figures = {}
        for name, call in cases:
            if not name.startswith(("submit", "officer step", "service index")):
                call()  # warm the container's caches, as a busy container has them
            with CapacityMeter() as meter:
                call()
            figures[name] = {
                "read_units": round(meter.read, 2),
                "write_units": round(meter.write, 2),
                "calls": dict(meter.calls),
            }

    print("\nDynamoDB capacity units per request (DynamoDB Local's ConsumedCapacity, rate limiting on)")
    for name, f in figures.items():
        calls = ", ".join(f"{k} {v}" for k, v in sorted(f["calls"].items()))
        print(f"  {name:<36} read {f['read_units']:6.1f}  write {f['write_units']:6.1f}   {calls}")
    save("capacity_units", figures)
    return figures


if __name__ == "__main__":
    run()
