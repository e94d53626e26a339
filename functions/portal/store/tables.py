"""Connection settings shared by every pynamodb model, taken from portal.config, and the container's one
botocore client."""

from __future__ import annotations

from functools import lru_cache

from pynamodb.connection import Connection, TableConnection
from pynamodb.models import Model

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


@lru_cache(maxsize=1)
def connection() -> Connection:
    """The container's connection: transactions (TransactWrite) use it, and every model uses its client."""
    config = settings()
    return Connection(
        region=config.region,
        host=config.dynamodb_endpoint,
        connect_timeout_seconds=CONNECT_TIMEOUT_SECONDS,
        read_timeout_seconds=READ_TIMEOUT_SECONDS,
        max_retry_attempts=MAX_RETRY_ATTEMPTS,
    )


class PortalModel(Model):
    """A pynamodb model whose calls go through the container's one botocore client.

    pynamodb gives each model class a connection of its own, and each would build its own botocore client,
    parsing DynamoDB's service description again (tens of milliseconds each, on the first request). A
    botocore client is thread-safe; the connection keeps only this model's table description.
    """

    @classmethod
    def _get_connection(cls) -> TableConnection:
        table = super()._get_connection()
        if table.connection._client is None:
            table.connection._client = connection().client
        return table
