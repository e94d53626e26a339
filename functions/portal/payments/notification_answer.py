"""The provider's notification, answered in terms the provider understands (2xx: taken; 4xx: refused for
good, never retried; 5xx: try again later). Shared by its Lambda entry point
(portal.entrypoints.payment_notification) and the local server's route (portal.api.http.app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.errors import InvalidInput, NotFound, Unavailable
from portal.observability import logger
from portal.payments.notifications import MAX_BODY_BYTES

if TYPE_CHECKING:
    from portal.payments.service import PaymentService

PATH = "/payments/notify"


def answer(payments: PaymentService, body: bytes, signature: str | None) -> tuple[int, dict[str, str]]:
    if len(body) > MAX_BODY_BYTES:
        return 413, {"error": "too large"}
    try:
        payment = payments.apply_notification(body, signature)
    except NotFound:
        return 404, {"error": "unknown payment"}
    except InvalidInput as refused:
        logger.warning("payment notification refused", extra={"reason": refused.message_en})
        return 400, {"error": refused.message_en}
    except Unavailable:
        return 503, {"error": "try again later"}
    return 200, {"state": payment.state.value}
