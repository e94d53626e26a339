"""Backup to files and restore: every table of template.yaml exported to JSON Lines, and imported into
another DynamoDB (a fresh DynamoDB Local to rehearse a restore, or a new table in AWS).

    python -m infra.backup export --dir backups/2026-12-01 [--segments 4]
    python -m infra.backup import --dir backups/2026-12-01

The endpoint and the table names come from the environment, as for the portal (DYNAMODB_ENDPOINT,
DOSSIERS_TABLE...); without DYNAMODB_ENDPOINT it talks to AWS with the usual credentials.

Each table is one file `<LogicalId>.jsonl`, one item a line in DynamoDB's own JSON (types kept, binary
as base64), and `manifest.json` gives each table's item count and an order-independent fingerprint (the
sum of the items' SHA-256): two exports of the same items have the same fingerprint whatever order the
scan returned them in, which is how a restore is checked. In AWS, point-in-time recovery is the first
line (docs/operations.md); this is for copies outside DynamoDB and for rehearsals. An export reads the
whole table (a parallel Scan): run it off-peak.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3

from infra.tables import create_tables, local_table_names
from portal.config import Settings, settings

MANIFEST = "manifest.json"
BATCH_WRITE_LIMIT = 25  # DynamoDB's BatchWriteItem limit
FINGERPRINT_MODULUS = 2**256


@dataclass(frozen=True)
class TableCopy:
    logical_id: str
    table: str
    items: int
    fingerprint: str  # hex; equal for equal sets of items


def client_for(config: Settings):
    if config.dynamodb_endpoint:
        return boto3.client(
            "dynamodb",
            endpoint_url=config.dynamodb_endpoint,
            region_name=config.region,
            aws_access_key_id="local",
            aws_secret_access_key="local",  # noqa: S106 - DynamoDB Local ignores credentials
        )
    return boto3.client("dynamodb", region_name=config.region)


# --- DynamoDB JSON <-> a JSON line (binary attributes as base64) -----------------------------------------
def _to_json(value: dict[str, Any]) -> dict[str, Any]:
    ((kind, inner),) = value.items()
    if kind == "B":
        return {"B": base64.b64encode(inner).decode()}
    if kind == "BS":
        return {"BS": [base64.b64encode(b).decode() for b in inner]}
    if kind == "M":
        return {"M": {k: _to_json(v) for k, v in inner.items()}}
    if kind == "L":
        return {"L": [_to_json(v) for v in inner]}
    return value


def _from_json(value: dict[str, Any]) -> dict[str, Any]:
    ((kind, inner),) = value.items()
    if kind == "B":
        return {"B": base64.b64decode(inner)}
    if kind == "BS":
        return {"BS": [base64.b64decode(b) for b in inner]}
    if kind == "M":
        return {"M": {k: _from_json(v) for k, v in inner.items()}}
    if kind == "L":
        return {"L": [_from_json(v) for v in inner]}
    return value


def item_line(item: dict[str, Any]) -> str:
    """One item as a canonical JSON line (sorted keys, sets sorted): equal items, equal lines."""
    encoded = {name: _canonical(_to_json(value)) for name, value in item.items()}
    return json.dumps(encoded, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _canonical(value: dict[str, Any]) -> dict[str, Any]:
    ((kind, inner),) = value.items()
    if kind in ("SS", "NS", "BS"):
        return {kind: sorted(inner)}
    if kind == "M":
        return {"M": {k: _canonical(v) for k, v in inner.items()}}
    if kind == "L":
        return {"L": [_canonical(v) for v in inner]}
    return value


def line_item(line: str) -> dict[str, Any]:
    return {name: _from_json(value) for name, value in json.loads(line).items()}


# --- Export ----------------------------------------------------------------------------------------------
def _scan_segment(client, table: str, segment: int, segments: int) -> Iterator[dict[str, Any]]:
    kwargs: dict[str, Any] = {"TableName": table, "Segment": segment, "TotalSegments": segments}
    while True:
        page = client.scan(**kwargs)
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def export_table(client, logical_id: str, table: str, directory: Path, segments: int = 1) -> TableCopy:
    fingerprint, count = 0, 0
    path = directory / f"{logical_id}.jsonl"
    with path.open("w", encoding="utf-8") as out, ThreadPoolExecutor(max_workers=segments) as pool:
        parts = [pool.submit(list, _scan_segment(client, table, s, segments)) for s in range(segments)]
        for part in parts:
            for item in part.result():
                line = item_line(item)
                out.write(line + "\n")
                fingerprint = (
                    fingerprint + int.from_bytes(hashlib.sha256(line.encode()).digest())
                ) % FINGERPRINT_MODULUS
                count += 1
    return TableCopy(logical_id, table, count, f"{fingerprint:064x}")


def export_all(config: Settings, directory: Path, segments: int = 1) -> list[TableCopy]:
    directory.mkdir(parents=True, exist_ok=True)
    client = client_for(config)
    copies = [
        export_table(client, logical_id, table, directory, segments)
        for logical_id, table in sorted(local_table_names(config).items())
    ]
    manifest = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tables": [c.__dict__ for c in copies],
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return copies


# --- Import ----------------------------------------------------------------------------------------------
def _write_batch(client, table: str, items: list[dict[str, Any]]) -> None:
    requests = {table: [{"PutRequest": {"Item": item}} for item in items]}
    delay = 0.05
    while requests:
        unprocessed = client.batch_write_item(RequestItems=requests).get("UnprocessedItems") or {}
        requests = unprocessed
        if requests:  # throttled: back off and send what was left
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


def import_all(config: Settings, directory: Path, writers: int = 4) -> list[TableCopy]:
    """Create the template's tables where missing, then write every exported item. Refuses a table that
    already holds items: a restore goes into empty tables, never over live data."""
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    if config.dynamodb_endpoint:  # DynamoDB Local: made from the template; in AWS the stack makes them
        create_tables(config)
    client = client_for(config)
    names = local_table_names(config)
    restored = []
    for entry in manifest["tables"]:
        table = names[entry["logical_id"]]
        if client.scan(TableName=table, Limit=1, Select="COUNT")["Count"]:
            raise SystemExit(f"{table} is not empty: restore into empty tables only")
        count = 0
        with (
            (directory / f"{entry['logical_id']}.jsonl").open(encoding="utf-8") as lines,
            ThreadPoolExecutor(max_workers=writers) as pool,
        ):
            pending, batch = [], []
            for line in lines:
                batch.append(line_item(line))
                count += 1
                if len(batch) == BATCH_WRITE_LIMIT:
                    pending.append(pool.submit(_write_batch, client, table, batch))
                    batch = []
            if batch:
                pending.append(pool.submit(_write_batch, client, table, batch))
            for done in pending:
                done.result()  # a failed batch fails the import
        restored.append(TableCopy(entry["logical_id"], table, count, entry["fingerprint"]))
    return restored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["export", "import"])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--segments", type=int, default=4, help="parallel scan segments per table (export)")
    args = parser.parse_args()
    config = settings()
    copies = export_all(config, args.dir, args.segments) if args.action == "export" else import_all(config, args.dir)
    for c in copies:
        print(f"{args.action}ed {c.items:>9} items  {c.table}  {c.fingerprint[:16]}")


if __name__ == "__main__":
    main()
