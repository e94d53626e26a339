"""The environment the portal runs with on this machine (make dev, tests, benchmarks).

It must be applied before `portal` is imported: pynamodb models read their table names and endpoint
when their classes are created.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
DEV_ISSUER_PATH = "/dev-issuer"


def tracking_key(path: Path = LOCAL / "tracking-key") -> str:
    """A random key made once per machine (in AWS it lives in SSM Parameter Store)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text().strip()


def apply(
    dynamodb_endpoint: str, api_base_url: str, table_prefix: str = "portal", key: str | None = None
) -> dict[str, str]:
    values = {
        "STAGE": "local",
        "AWS_REGION": "ap-southeast-1",
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "DYNAMODB_ENDPOINT": dynamodb_endpoint,
        "PROCEDURES_TABLE": f"{table_prefix}-procedures",
        "CENTERS_TABLE": f"{table_prefix}-centers",
        "DOSSIERS_TABLE": f"{table_prefix}-dossiers",
        "RATE_LIMITS_TABLE": f"{table_prefix}-rate-limits",
        "INTEGRATIONS_TABLE": f"{table_prefix}-integrations",
        "WEBHOOK_ALLOW_LOOPBACK": "on",  # local receivers on 127.0.0.1 (never in prod: see portal.config)
        "OIDC_ISSUER": f"{api_base_url}{DEV_ISSUER_PATH}",
        "OIDC_AUDIENCE": "portal",
        "OIDC_JWKS_URL": f"{api_base_url}{DEV_ISSUER_PATH}/jwks.json",
        "TRACKING_KEY": key or tracking_key(),
        "POWERTOOLS_SERVICE_NAME": "portal",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_METRICS_NAMESPACE": "Portal",
    }
    os.environ.update(values)
    return values
