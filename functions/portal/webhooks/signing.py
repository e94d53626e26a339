"""Signing deliveries the Standard Webhooks way (standardwebhooks.com, v1): HMAC-SHA256 over
"<webhook-id>.<webhook-timestamp>.<body>", sent as `webhook-signature: v1,<base64>` beside the id and
the timestamp (Unix seconds). A receiver refuses a timestamp more than TOLERANCE_SECONDS away.

Each subscription's secret is derived from the portal's key (HMAC with the subscription id), so no
secret is stored: it is shown once, at subscription.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping

SECRET_PREFIX = "whsec_"  # noqa: S105 - a prefix, not a secret
TOLERANCE_SECONDS = 300
VERSION = "v1"


def subscription_secret(portal_key: bytes, subscription_id: str) -> str:
    raw = hmac.new(portal_key, f"webhook-secret#{subscription_id}".encode(), hashlib.sha256).digest()
    return SECRET_PREFIX + base64.b64encode(raw).decode()


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(secret: str, message_id: str, timestamp: int, body: str) -> str:
    mac = hmac.new(_key(secret), f"{message_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return f"{VERSION},{base64.b64encode(mac).decode()}"


def headers(secret: str, message_id: str, timestamp: int, body: str) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, message_id, timestamp, body),
    }


def verify(secret: str, received: Mapping[str, str], body: str, now: float) -> bool:
    """What a receiver checks (the developer page shows the same in Python and JavaScript)."""
    message_id = received.get("webhook-id", "")
    try:
        timestamp = int(received.get("webhook-timestamp", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = signature(secret, message_id, timestamp, body).split(",", 1)[1]
    offered = [s.split(",", 1)[1] for s in received.get("webhook-signature", "").split() if s.startswith("v1,")]
    return any(hmac.compare_digest(expected, s) for s in offered)
