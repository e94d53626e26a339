"""The provider's notifications: signed with HMAC-SHA256 over the exact body, sent as
`X-Signature: sha256=<hex>`. A notification is only a hint: the state applied is the one the provider's
status API reports (see PaymentService.apply_notification)."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from portal.errors import InvalidInput
from portal.payments.model import PaymentState

SIGNATURE_HEADER = "x-signature"
MAX_BODY_BYTES = 4096


class InvalidNotification(InvalidInput):
    """Unsigned, forged, malformed, or not matching the payment it names."""


def sign(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Notification:
    event_id: str
    provider_id: str
    reference: str
    dossier_code: str
    amount_vnd: int
    currency: str
    state: PaymentState


def _refuse(why: str) -> InvalidNotification:
    return InvalidNotification(f"Thông báo thanh toán không hợp lệ: {why}.", f"Invalid payment notification: {why}.")


def verified(body: bytes, signature: str | None, secret: bytes) -> Notification:
    """The notification in `body`, if `signature` is the provider's over exactly these bytes."""
    if len(body) > MAX_BODY_BYTES:
        raise _refuse("too large")
    if not signature or not hmac.compare_digest(sign(secret, body), signature.strip()):
        raise _refuse("bad signature")
    try:
        data = json.loads(body)
        return Notification(
            event_id=str(data["event_id"]),
            provider_id=str(data["payment_id"]),
            reference=str(data["reference"]),
            dossier_code=str(data["dossier_code"]),
            amount_vnd=int(data["amount"]),
            currency=str(data["currency"]),
            state=PaymentState(data["state"]),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise _refuse("malformed") from error
