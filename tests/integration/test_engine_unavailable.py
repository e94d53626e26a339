"""An outage is not a bug: with DynamoDB stopped under a running server, requests that need it get HTTP 503
SERVICE_UNAVAILABLE with Retry-After (masked: no internal detail), and what is held in memory still works.
The server and its DynamoDB Local are the test's own: stopping the session's would break every other test."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from infra.local.dynamodb import DynamoDBLocal
from infra.local.ports import free_port
from portal.dossiers.tracking import tracking_secret
from tests.support.graphql_client import operation

ROOT = Path(__file__).resolve().parents[2]
CODE = "H01.000.00-260302-010001"


def post(base: str, name: str, variables: dict):
    body = json.dumps({"query": operation(name), "variables": variables}).encode()
    request = urllib.request.Request(f"{base}/graphql", body, {"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:  # noqa: S310 - local server
            return r.status, r.headers, json.loads(r.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read())


@pytest.fixture
def server_and_engine():
    engine = DynamoDBLocal(free_port()).start()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "tests.support.standalone_server",
            "--port",
            str(port),
            "--dynamodb-port",
            str(engine.port),
        ],
        cwd=ROOT,
        env={**__import__("os").environ, "PYTHONPATH": f"{ROOT / 'functions'}:{ROOT}"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            post(base, "ProcedureFields", {})
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                engine.stop()
                raise
            time.sleep(0.2)
    yield base, engine
    server.terminate()
    server.wait(timeout=10)
    engine.stop()


def test_with_dynamodb_stopped_reads_and_tracking_answer_503_with_retry_after(server_and_engine):
    base, engine = server_and_engine
    status, _, body = post(base, "GetCenter", {"id": "hcc-01"})
    assert status == 200 and body["errors"][0]["extensions"]["code"] == "NOT_FOUND"  # empty tables, engine up
    status, _, body = post(base, "SearchProcedures", {"search": "khai sinh", "first": 1})  # the index, in memory
    assert status == 200 and body["data"]["procedures"]["edges"][0]["node"]["detailsUnavailable"] is False
    read_before = {e["node"]["code"] for e in body["data"]["procedures"]["edges"]}

    engine.stop()

    for name, variables in (
        ("GetCenter", {"id": "hcc-01"}),
        ("TrackDossier", {"code": CODE, "trackingSecret": tracking_secret(b"standalone-key", CODE)}),
        ("Centers", {"provinceCode": "01"}),
    ):
        status, headers, body = post(base, name, variables)
        assert status == 503, (name, status, body)
        assert headers["Retry-After"].isdigit() and int(headers["Retry-After"]) > 0
        [error] = body["errors"]
        assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE" and error["extensions"]["retryAfter"] > 0
        assert error["extensions"]["requestId"] and "Traceback" not in json.dumps(body)
        assert "127.0.0.1" not in json.dumps(body), "no internal detail"
    # The administrative units ship with the code: they answer without DynamoDB.
    status, _, body = post(base, "Provinces", {})
    assert status == 200 and "errors" not in body, "what is in memory does not need DynamoDB"
    # A search answers from the shipped index; the details it reads by key are marked as missing, not guessed.
    status, _, body = post(base, "SearchProcedures", {"search": "đăng ký kết hôn", "first": 5})
    assert status == 200 and "errors" not in body, body
    nodes = [e["node"] for e in body["data"]["procedures"]["edges"]]
    assert len(nodes) == 5 and not read_before & {n["code"] for n in nodes}
    assert all(n["detailsUnavailable"] and n["processingDays"] is None and n["name"] for n in nodes)
    assert body["data"]["procedures"]["totalCount"] >= 5
