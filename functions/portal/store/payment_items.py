"""Payments in the Dossiers table, beside the dossier they pay for:

    pk = <dossier code>                    sk = "PAYMENT#<payment id>"   one payment (its receipt, its refund)
    pk = <dossier code>                    sk = "PAYMENT_LOCK"           the payment in progress (at most one)
    pk = "PAYKEY#<dossier>#<key>"          sk = "PAYKEY"                 one create request -> one payment
    pk = "RECEIPTS#<applicant>"            sk = "<issued at>#<number>"   a citizen's receipts, newest last
    pk = "LEDGER#<yyyy-mm-dd>"             sk = "<payment id>#<kind>"    money in and out that day (reconciliation)
    pk = "PAYMENTS_OPEN#<yyyy-mm-dd>"      sk = "<expires at>#<dossier>#<payment id>"
                                           a payment not finished, by the day it expires (the sweep's index;
                                           deleted when the payment finishes)

So a payment's change, its timeline event, the dossier's fee and the KPI counters are one TransactWrite.
"""

from __future__ import annotations

from pynamodb.attributes import MapAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute, VersionAttribute

from portal.config import settings
from portal.store import keys
from portal.store.tables import PortalModel, table_meta

PAYMENT_SK_PREFIX = keys.PAYMENT.sk
LOCK_SK = keys.PAYMENT_LOCK.sk
KEY_SK = keys.PAYMENT_REQUEST.sk


def payment_sk(payment_id: str) -> str:
    return f"{PAYMENT_SK_PREFIX}{payment_id}"


class ReceiptMap(MapAttribute):
    number = UnicodeAttribute()
    payer = UnicodeAttribute()
    amount_vnd = NumberAttribute()
    procedure_name = UnicodeAttribute()
    dossier_code = UnicodeAttribute()
    collecting_agency = UnicodeAttribute()
    issued_at = UnicodeAttribute()
    payment_reference = UnicodeAttribute()


class RefundMap(MapAttribute):
    amount_vnd = NumberAttribute()
    reason = UnicodeAttribute()
    note = UnicodeAttribute(default="")
    by = UnicodeAttribute()
    at = UnicodeAttribute()
    provider_refund_id = UnicodeAttribute(default="")


class PaymentItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)  # the dossier code
    sk = UnicodeAttribute(range_key=True)
    payment_id = UnicodeAttribute()
    amount_vnd = NumberAttribute()
    currency = UnicodeAttribute(default="VND")
    state = UnicodeAttribute()
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    idempotency_key = UnicodeAttribute()
    description = UnicodeAttribute()
    provider_id = UnicodeAttribute(default="")
    next_url = UnicodeAttribute(default="")
    receipt = ReceiptMap(null=True)
    refund = RefundMap(null=True)
    version = VersionAttribute()


class PaymentLockItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=LOCK_SK)
    payment_id = UnicodeAttribute()
    until = UnicodeAttribute()  # ISO time the payment expires: a later create may take the lock over


class PaymentKeyItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=KEY_SK)
    payment_id = UnicodeAttribute()
    expires_at = TTLAttribute()


class ReceiptItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    receipt = ReceiptMap()


class LedgerItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    payment_id = UnicodeAttribute()
    kind = UnicodeAttribute()  # payment | refund
    dossier_code = UnicodeAttribute()
    provider_id = UnicodeAttribute()
    amount_vnd = NumberAttribute()
    at = UnicodeAttribute()


class OpenPaymentItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    dossier_code = UnicodeAttribute()
    payment_id = UnicodeAttribute()
