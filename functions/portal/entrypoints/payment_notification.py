"""The provider's notification callback: POST /payments/notify. Thin: read the body and the signature, call
PaymentService.apply_notification, answer with a status the provider understands (2xx: taken; 4xx:
refused for good, never retried; 5xx: try again later). In AWS a function of its own on the HTTP API,
without the GraphQL schema on its import path; locally a route of the portal's app (portal.api.app)."""

from __future__ import annotations

import base64
import json
from typing import Any

from portal.errors import InvalidInput, NotFound, Unavailable
from portal.observability import logger
from portal.payments.notifications import MAX_BODY_BYTES, SIGNATURE_HEADER

PATH = "/payments/notify"


def handle(services: Any, body: bytes, signature: str | None) -> tuple[int, dict[str, str]]:
    from portal.bootstrap import payment_service

    if len(body) > MAX_BODY_BYTES:
        return 413, {"error": "too large"}
    try:
        payment = payment_service(services).apply_notification(body, signature)
    except NotFound:
        return 404, {"error": "unknown payment"}
    except InvalidInput as refused:
        logger.warning("payment notification refused", extra={"reason": refused.message_en})
        return 400, {"error": refused.message_en}
    except Unavailable:
        return 503, {"error": "try again later"}
    return 200, {"state": payment.state.value}


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """API Gateway HTTP API (payload 2.0) -> handle."""
    from portal.bootstrap import default_services

    raw = event.get("body") or ""
    body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode()
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    status, answer = handle(default_services(), body, headers.get(SIGNATURE_HEADER))
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(answer)}
