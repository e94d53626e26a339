"""Backup and restore (infra/backup.py): every table exported to files, imported into a fresh DynamoDB
Local, exported again, and the two exports compared item for item (counts and fingerprints)."""

import json
from dataclasses import replace

import pytest

from infra.backup import MANIFEST, export_all, import_all
from infra.local.dynamodb import DynamoDBLocal
from infra.local.ports import free_port
from infra.template import load_template
from portal.config import settings
from tests.support.journeys import submit

pytestmark = pytest.mark.scans_on_purpose  # an export reads whole tables: that is what it is for


@pytest.fixture(scope="module")
def fresh_dynamodb():
    with DynamoDBLocal(free_port()) as ddb:
        yield ddb


def manifest(directory):
    return {t["logical_id"]: t for t in json.loads((directory / MANIFEST).read_text(encoding="utf-8"))["tables"]}


def test_every_table_survives_an_export_and_an_import_into_a_fresh_dynamodb(api, people, tmp_path, fresh_dynamodb):
    dossier = submit(api, people.citizen(), "hcc-01-00070")  # at least one dossier, event and counter
    source = settings()
    copies = export_all(source, tmp_path / "backup", segments=4)
    counts = {c.logical_id: c.items for c in copies}
    tables = {k for k, v in load_template()["Resources"].items() if v["Type"] == "AWS::DynamoDB::Table"}
    assert set(counts) == tables  # every table of template.yaml
    assert counts["CentersTable"] > 3300 and counts["ProceduresTable"] > 0 and counts["DossiersTable"] >= 4
    lines = (tmp_path / "backup" / "DossiersTable.jsonl").read_text(encoding="utf-8")
    assert dossier["code"] in lines

    target = replace(source, dynamodb_endpoint=fresh_dynamodb.endpoint)
    restored = import_all(target, tmp_path / "backup")
    assert {r.logical_id: r.items for r in restored} == counts

    export_all(target, tmp_path / "again", segments=4)
    before, after = manifest(tmp_path / "backup"), manifest(tmp_path / "again")
    for logical_id in before:
        assert (after[logical_id]["items"], after[logical_id]["fingerprint"]) == (
            before[logical_id]["items"],
            before[logical_id]["fingerprint"],
        ), logical_id

    # A restore goes into empty tables only: never over live data.
    with pytest.raises(SystemExit, match="not empty"):
        import_all(target, tmp_path / "backup")
