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
    "StreamSpecification",
    "ContributorInsightsSpecification",
}


def local_table_names(config: Settings) -> dict[str, str]:
    """Template logical id -> the table name this configuration uses."""
    return {
        logical_id: getattr(config.tables, TABLE_ENVIRONMENT[variable])
        for variable, logical_id in table_environment().items()
    }


def create_table_request(properties: dict[str, Any], name: str) -> dict[str, Any]:
    request = {k: v for k, v in properties.items() if k not in _AWS_ONLY}
    request["TableName"] = name
    return request


def dynamodb_client(config: Settings):
    return boto3.client(
        "dynamodb",
        endpoint_url=config.dynamodb_endpoint,
        region_name=config.region,
        aws_access_key_id="local",
        aws_secret_access_key="local",  # noqa: S106 - DynamoDB Local ignores credentials
    )


def create_tables(config: Settings) -> list[str]:
    """Create every missing table (existing ones are kept with their data). Returns the names created."""
    client = dynamodb_client(config)
    existing = set(client.list_tables()["TableNames"])
    resources = table_resources()
    created = []
    for logical_id, name in local_table_names(config).items():
        if name in existing:
            continue
        client.create_table(**create_table_request(resources[logical_id], name))
        client.get_waiter("table_exists").wait(TableName=name)
        ttl = resources[logical_id].get("TimeToLiveSpecification")
        if ttl:
            client.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
        created.append(name)
    return created
