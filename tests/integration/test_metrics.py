"""The metrics the portal reports (CloudWatch embedded metric format on stdout, portal/observability.py),
as the alarms and the dashboard in template.yaml expect them: namespace Portal, a `service` dimension."""

import json

import pytest

from tests.support.journeys import submit


@pytest.fixture
def metrics_on(monkeypatch):
    monkeypatch.setenv("PORTAL_METRICS", "on")


def emitted(out: str) -> list[dict]:
    """Each EMF line: {name, value, dimensions} (log lines and other output are left out)."""
    figures = []
    for line in out.splitlines():
        if not line.startswith("{") or '"_aws"' not in line:
            continue
        blob = json.loads(line)
        [directive] = blob["_aws"]["CloudWatchMetrics"]
        assert directive["Namespace"] == "Portal"
        for metric in directive["Metrics"]:
            dimensions = {d: blob[d] for d in directive["Dimensions"][0]}
            value = blob[metric["Name"]]
            figures.append({"name": metric["Name"], "value": value, "unit": metric["Unit"], "dimensions": dimensions})
    return figures


def test_submitting_reports_the_operation_latency_and_the_dossier_received_by_channel(api, people, capsys, metrics_on):
    capsys.readouterr()
    submit(api, people.citizen(), "hcc-01-00070")
    figures = emitted(capsys.readouterr().out)
    received = [f for f in figures if f["name"] == "DossiersReceived"]
    assert received == [
        {
            "name": "DossiersReceived",
            "value": [1.0],
            "unit": "Count",
            "dimensions": {"service": "portal", "channel": "online"},
        }
    ]
    latency = [f for f in figures if f["name"] == "OperationLatency"]
    assert [f["dimensions"] for f in latency] == [{"service": "portal", "field": "submitDossier"}]
    assert latency[0]["unit"] == "Milliseconds"


def test_an_error_is_counted_per_root_field_never_per_client_chosen_name(api, capsys, metrics_on):
    capsys.readouterr()
    r = api.query('query AnyNameAtAll { serviceIndex(month: "2025-13") { month } }')
    assert r.error_codes == ["BAD_USER_INPUT"]
    figures = emitted(capsys.readouterr().out)
    assert {"name": "OperationErrors", "dimensions": {"service": "portal", "field": "serviceIndex"}} in [
        {"name": f["name"], "dimensions": f["dimensions"]} for f in figures
    ]


def test_a_query_that_does_not_validate_is_counted_as_invalid_whatever_its_fields(api, capsys, metrics_on):
    capsys.readouterr()
    r = api.query("{ fieldMadeUpByTheClient }")
    assert r.error_codes == ["GRAPHQL_VALIDATION_FAILED"]
    fields = {f["dimensions"].get("field") for f in emitted(capsys.readouterr().out)}
    assert fields == {"invalid"}


def test_nothing_is_printed_when_metrics_are_off(api, people, capsys, monkeypatch):
    monkeypatch.delenv("PORTAL_METRICS", raising=False)
    monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)
    capsys.readouterr()
    submit(api, people.citizen(), "hcc-01-00070")
    assert emitted(capsys.readouterr().out) == []
