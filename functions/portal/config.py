"""Settings read once from the environment.

In AWS the values come from template.yaml (Globals.Function.Environment); locally from
infra/dev.py and tests/conftest.py. Nothing here has a production secret as its default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from portal.ratelimit.policy import Limits


@dataclass(frozen=True)
class TableNames:
    procedures: str
    centers: str
    dossiers: str
    rate_limits: str
    integrations: str  # third-party clients, webhook subscriptions and deliveries


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    dynamodb_endpoint: str | None  # None in AWS; DynamoDB Local's URL elsewhere
    tables: TableNames
    catalog_refresh_seconds: int
    reference_cache_seconds: int  # centers kept per container (0: read DynamoDB every time)
    introspection: bool
    oidc_issuer: str
    oidc_audience: str
    oidc_jwks_url: str
    tracking_key: str  # HMAC key of receipts' tracking secrets (from SSM Parameter Store in AWS)
    tracking_key_parameter: str | None
    rate_limits: Limits  # all zero (off) when RATE_LIMITING is off
    client_ip_header: str  # header a trusted proxy (CloudFront) puts the viewer's address in; "" for none
    # Third-party apps (issue 19): only registered operations run (prod); registered clients; webhooks.
    persisted_operations_only: bool = False
    webhook_allow_loopback: bool = False  # local and tests only: deliver to a receiver on 127.0.0.1
    webhook_queue_url: str = ""  # SQS in AWS; empty: the local queue (a partition of the Integrations table)

    @property
    def is_local(self) -> bool:
        return self.dynamodb_endpoint is not None


# Environment variable -> attribute of TableNames. template.yaml sets each variable to `!Ref` of a table
# resource; infra/tables.py reads that mapping back to create the same tables locally.
TABLE_ENVIRONMENT = {
    "PROCEDURES_TABLE": "procedures",
    "CENTERS_TABLE": "centers",
    "DOSSIERS_TABLE": "dossiers",
    "RATE_LIMITS_TABLE": "rate_limits",
    "INTEGRATIONS_TABLE": "integrations",
}


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def _rate_limits(env: Mapping[str, str]) -> Limits:
    """Requests per window; the defaults are template.yaml's. Tests turn the whole thing off (RATE_LIMITING=off)."""
    if not _flag("RATE_LIMITING", default=True):
        return Limits()
    return Limits(
        window_seconds=int(env.get("RATE_LIMIT_WINDOW_SECONDS", "60")),
        client_reads=int(env.get("RATE_LIMIT_CLIENT_READS", "300")),
        client_writes=int(env.get("RATE_LIMIT_CLIENT_WRITES", "20")),
        ip_reads=int(env.get("RATE_LIMIT_IP_READS", "1200")),
        ip_writes=int(env.get("RATE_LIMIT_IP_WRITES", "120")),
    )


@lru_cache(maxsize=1)
def settings() -> Settings:
    env = os.environ
    return Settings(
        stage=env.get("STAGE", "local"),
        region=env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", "ap-southeast-1")),
        dynamodb_endpoint=env.get("DYNAMODB_ENDPOINT") or None,
        tables=TableNames(**{attr: env.get(var, f"portal-{attr}") for var, attr in TABLE_ENVIRONMENT.items()}),
        catalog_refresh_seconds=int(env.get("CATALOG_REFRESH_SECONDS", "300")),
        reference_cache_seconds=int(env.get("REFERENCE_CACHE_SECONDS", "300")),
        introspection=_flag("GRAPHQL_INTROSPECTION", default=True),
        oidc_issuer=env.get("OIDC_ISSUER", ""),
        oidc_audience=env.get("OIDC_AUDIENCE", "portal"),
        oidc_jwks_url=env.get("OIDC_JWKS_URL", ""),
        tracking_key=env.get("TRACKING_KEY", ""),
        tracking_key_parameter=env.get("TRACKING_KEY_PARAMETER") or None,
        rate_limits=_rate_limits(env),
        client_ip_header=env.get("CLIENT_IP_HEADER", "").strip().lower(),
        persisted_operations_only=_flag("PERSISTED_OPERATIONS_ONLY", default=env.get("STAGE") == "prod"),
        webhook_allow_loopback=_flag("WEBHOOK_ALLOW_LOOPBACK", default=False) and env.get("STAGE") != "prod",
        webhook_queue_url=env.get("WEBHOOK_QUEUE_URL", ""),
    )
