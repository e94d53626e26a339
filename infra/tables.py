"""Creating the template's DynamoDB tables in DynamoDB Local, under the names portal.config gives them."""

from __future__ import annotations

from typing import Any

import boto3

from infra.template import table_environment, table_resources
from portal.config import TABLE_ENVIRONMENT, Settings

# Properties DynamoDB Local has no use for (they matter in AWS only).
_AWS_ONLY = {
    "PointInTimeRecoverySpecification",
    "SSESpecification",
    "DeletionProtectionEnabled",
    "TimeToLiveSpecification",
    "Tags",
    "ContributorInsightsSpecification",
}


def local_table_names(config: Settings) -> dict[str, str]:
    """Template logical id -> the table name this configuration uses."""
    return {
        logical_id: getattr(config.tables, TABLE_ENVIRONMENT[variable])
        for variable, logical_id in table_environment().items()
    }


def dynamodb_client(config: Settings):
    return boto3.client(
        "dynamodb",
        endpoint_url=config.dynamodb_endpoint,
        region_name=config.region,
        aws_access_key_id="local",
        aws_secret_access_key="local",  # noqa: S106 - DynamoDB Local ignores credentials
    )


def upgrade_table(client, name: str, properties: dict[str, Any]) -> list[str]:
    """A table kept from an earlier `make dev` gets what the template added since: its stream and its new
    indexes (one at a time, as DynamoDB allows). Returns what was added."""
    added = []
    table = client.describe_table(TableName=name)["Table"]
    stream = properties.get("StreamSpecification")
    if stream and not table.get("StreamSpecification", {}).get("StreamEnabled"):
        client.update_table(TableName=name, StreamSpecification={"StreamEnabled": True, **stream})
        added.append("stream")
    have = {gsi["IndexName"] for gsi in table.get("GlobalSecondaryIndexes", [])}
    for gsi in properties.get("GlobalSecondaryIndexes", []):
        if gsi["IndexName"] in have:
            continue
        used = {k["AttributeName"] for k in gsi["KeySchema"]}
        client.update_table(
            TableName=name,
            AttributeDefinitions=[a for a in properties["AttributeDefinitions"] if a["AttributeName"] in used],
            GlobalSecondaryIndexUpdates=[{"Create": gsi}],
        )
        client.get_waiter("table_exists").wait(TableName=name)
        added.append(gsi["IndexName"])
    return added


def create_table_request(properties: dict[str, Any], name: str) -> dict[str, Any]:
    request = {k: v for k, v in properties.items() if k not in _AWS_ONLY}
    request["TableName"] = name
    stream = properties.get("StreamSpecification")
    if stream:
        request["StreamSpecification"] = {"StreamEnabled": True, **stream}
    return request


def create_tables(config: Settings) -> list[str]:
    """Create every missing table (existing ones are kept with their data). Returns the names created."""
    client = dynamodb_client(config)
    existing = set(client.list_tables()["TableNames"])
    resources = table_resources()
    created = []
    for logical_id, name in local_table_names(config).items():
        if name in existing:
            upgrade_table(client, name, resources[logical_id])
            continue
        client.create_table(**create_table_request(resources[logical_id], name))
        client.get_waiter("table_exists").wait(TableName=name)
        ttl = resources[logical_id].get("TimeToLiveSpecification")
        if ttl:
            client.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
        created.append(name)
    return created
