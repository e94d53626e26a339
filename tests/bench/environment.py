"""The benchmarks' own DynamoDB Local and portal environment (applied before `portal` is imported)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from infra import local_env
from infra.dev_issuer import DevIssuer
from infra.local.dynamodb import DynamoDBLocal
from infra.local.ports import free_port
from infra.local.stack import LocalStack, local_stack
from tests.support.jwks import JwksEndpoint

BENCH_DATA = local_env.LOCAL / "bench-dynamodb"


@dataclass
class BenchEnvironment:
    stack: LocalStack
    issuer: DevIssuer

    @property
    def ddb(self) -> DynamoDBLocal:
        return self.stack.dynamodb


@contextmanager
def bench_environment(
    data_dir: Path | None = None, table_prefix: str = "bench", port: int | None = None, issuer_port: int | None = None
) -> Iterator[BenchEnvironment]:
    """The local engines (infra/local) on free ports, in memory unless data_dir, tables created, reference
    data seeded, and a JWKS endpoint for the tokens the benchmarks mint."""
    stack = local_stack(data_dir=data_dir, log_dir=local_env.LOCAL / "bench-logs", dynamodb_port=port)
    issuer_port = issuer_port or free_port()
    stack.apply_environment(f"http://127.0.0.1:{issuer_port}", table_prefix=table_prefix, key="bench-tracking-key")
    # Rate limiting stays on, so its counter writes are part of every figure, but with limits one
    # benchmarking client never reaches (production limits are per person and per address).
    for name in ("CLIENT_READS", "CLIENT_WRITES", "IP_READS", "IP_WRITES"):
        os.environ[f"RATE_LIMIT_{name}"] = str(10**9)
    issuer = DevIssuer(
        f"http://127.0.0.1:{issuer_port}{local_env.DEV_ISSUER_PATH}", key_dir=local_env.LOCAL / "bench-keys"
    )
    jwks = JwksEndpoint(issuer_port, f"{local_env.DEV_ISSUER_PATH}/jwks.json", issuer.jwks()["keys"]).start()
    with stack.running():
        from infra.seed import seed_reference_data
        from infra.tables import create_tables
        from portal.config import settings

        created = create_tables(settings())
        if created or data_dir is None:
            seed_reference_data()
        try:
            yield BenchEnvironment(stack, issuer)
        finally:
            jwks.stop()
