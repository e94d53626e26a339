"""Connection settings shared by every pynamodb model, taken from portal.config."""

from __future__ import annotations

from pynamodb.connection import Connection

from portal.config import settings

# Lambda answers within seconds; a DynamoDB call that hangs should fail fast and be retried by botocore.
CONNECT_TIMEOUT_SECONDS = 2
READ_TIMEOUT_SECONDS = 5
MAX_RETRY_ATTEMPTS = 3


def table_meta(table_name: str) -> type:
    """A pynamodb `Meta` for `table_name` in the configured region (and DynamoDB Local's endpoint, if set)."""
    config = settings()

    class Meta:
        pass

    Meta.table_name = table_name
    Meta.region = config.region
    Meta.host = config.dynamodb_endpoint
    Meta.connect_timeout_seconds = CONNECT_TIMEOUT_SECONDS
    Meta.read_timeout_seconds = READ_TIMEOUT_SECONDS
    Meta.max_retry_attempts = MAX_RETRY_ATTEMPTS
    return Meta


def connection() -> Connection:
    """A connection for multi-item transactions (TransactWrite)."""
    config = settings()
    return Connection(
        region=config.region,
        host=config.dynamodb_endpoint,
        connect_timeout_seconds=CONNECT_TIMEOUT_SECONDS,
        read_timeout_seconds=READ_TIMEOUT_SECONDS,
        max_retry_attempts=MAX_RETRY_ATTEMPTS,
    )
