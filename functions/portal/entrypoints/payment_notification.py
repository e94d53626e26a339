"""The provider's notification callback: POST /payments/notify, a function of its own on the HTTP API,
without the GraphQL schema on its import path (locally a route of the portal's app, portal.api.http.app).
Thin: read the body and the signature, answer through portal.payments.notification_answer."""

from __future__ import annotations

import base64
import json
from typing import Any

from portal.observability import logger
from portal.payments.notification_answer import answer
from portal.payments.notifications import SIGNATURE_HEADER


@logger.inject_lambda_context(log_event=False, clear_state=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """API Gateway HTTP API (payload 2.0) -> answer."""
    from portal.bootstrap import default_services, payment_service

    raw = event.get("body") or ""
    body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode()
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    status, reply = answer(payment_service(default_services()), body, headers.get(SIGNATURE_HEADER))
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(reply)}
