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


SERVING = LOCAL / "serving"  # the address `make dev` serves on while it runs, for `make token`
DEFAULT_BASE_URL = "http://127.0.0.1:8080"


def announce_serving(base_url: str, path: Path | None = None) -> None:
    """`make dev` says where it serves (`--port`), so that `make token` signs for the same issuer."""
    path = path or SERVING
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(base_url + "\n")


def withdraw_serving(base_url: str, path: Path | None = None) -> None:
    """`make dev` stopping: forget the address, unless another `make dev` has announced its own since."""
    path = path or SERVING
    if serving_url(path) == base_url:
        path.unlink(missing_ok=True)


def serving_url(path: Path | None = None) -> str | None:
    """The address the running `make dev` serves on, or None when none has said."""
    try:
        return (path or SERVING).read_text().strip() or None
    except OSError:
        return None


def tracking_key(path: Path = LOCAL / "tracking-key") -> str:
    """A random key made once per machine (in AWS it lives in SSM Parameter Store)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text().strip()


def signing_key(path: Path = LOCAL / "signing-key.pem") -> Path:
    """The Ed25519 key sealing electronic results, made once per machine (in AWS: SSM Parameter Store)."""
    if not path.exists():
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        path.write_bytes(pem)
        path.chmod(0o600)
    return path


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
        "NOTIFICATIONS_TABLE": f"{table_prefix}-notifications",
        "IDEMPOTENCY_TABLE": f"{table_prefix}-idempotency",
        # The one public address: notification links, slips' QR codes, the payment provider's way back.
        "PORTAL_URL": api_base_url,
        "DOCUMENTS_TABLE": f"{table_prefix}-documents",
        "INTEGRATIONS_TABLE": f"{table_prefix}-integrations",
        "WEBHOOK_ALLOW_LOOPBACK": "on",  # local receivers on 127.0.0.1 (never in prod: see portal.config)
        "OIDC_ISSUER": f"{api_base_url}{DEV_ISSUER_PATH}",
        "OIDC_AUDIENCE": "portal",
        "OIDC_JWKS_URL": f"{api_base_url}{DEV_ISSUER_PATH}/jwks.json",
        "TRACKING_KEY": key or tracking_key(),
        "SIGNING_KEY_FILE": str(signing_key()),
        "POWERTOOLS_SERVICE_NAME": "portal",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_METRICS_NAMESPACE": "Portal",
    }
    os.environ.update(values)
    return values
