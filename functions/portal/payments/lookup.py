"""Finding what a payment verb acts on: the dossier (for a signed-in caller) and one of its payments, with
the portal's formats for their identifiers checked before anything is read."""

from __future__ import annotations

import re

from portal.dossiers.access import dossier_not_found
from portal.dossiers.model import Dossier
from portal.dossiers.repository import DossierRepository
from portal.errors import InvalidInput, NotFound
from portal.identity.access import require_signed_in
from portal.identity.principal import Principal
from portal.input_limits import LIMITS
from portal.payments.model import Payment
from portal.payments.repository import PaymentRepository

KEY = re.compile(rf"^[A-Za-z0-9_-]{{8,{LIMITS['idempotencyKey']}}}$")
PAYMENT_ID = re.compile(r"^[0-9a-f]{22}$")
MAX_CODE = LIMITS["code"]  # dossier codes are about 30 characters


def check_key(key: str) -> str:
    if not KEY.match(key):
        raise InvalidInput.for_field(
            "idempotencyKey",
            "Mã yêu cầu phải gồm 8–64 ký tự chữ, số, - hoặc _.",
            "The idempotency key must be 8-64 letters, digits, - or _.",
        )
    return key


def payment_not_found(payment_id: str) -> NotFound:
    return NotFound(f"Không tìm thấy khoản thanh toán {payment_id}.", f"Payment {payment_id} was not found.")


class PaymentLookup:
    def __init__(self, dossiers: DossierRepository, payments: PaymentRepository) -> None:
        self.dossiers = dossiers
        self.payments = payments

    def dossier(self, principal: Principal, code: str) -> Dossier:
        """The dossier a signed-in caller names (whether they may act on it is the verb's check)."""
        require_signed_in(principal)
        dossier = self.dossiers.get(code) if 0 < len(code) <= MAX_CODE else None
        if dossier is None:
            raise dossier_not_found(code)
        return dossier

    def stored_dossier(self, code: str) -> Dossier:
        dossier = self.dossiers.get(code)
        if dossier is None:
            raise dossier_not_found(code)
        return dossier

    def payment(self, dossier: Dossier, payment_id: str) -> Payment:
        if not PAYMENT_ID.match(payment_id):
            raise InvalidInput.for_field(
                "paymentId", "Mã thanh toán không đúng định dạng.", "The payment id is not of the portal's form."
            )
        payment = self.payments.get(dossier.code, payment_id)
        if payment is None:
            raise payment_not_found(payment_id)
        return payment
