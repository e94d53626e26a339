"""Payments, receipts and the daily ledger in DynamoDB <-> portal.payments.model (see payment_items.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from portal.dossiers.counters import KpiDelta
from portal.dossiers.model import Dossier, TimelineEvent
from portal.errors import Conflict
from portal.payments.model import Payment, PaymentState, Receipt, Refund, RefundReason
from portal.payments.reconciliation import Kind, LedgerEntry
from portal.payments.repository import DuplicatePayment, PaymentInProgress
from portal.store import keys
from portal.store.dossier_items import EventItem
from portal.store.dossier_mapping import dossier_item, event_item
from portal.store.payment_items import (
    KEY_SK,
    LOCK_SK,
    PAYMENT_SK_PREFIX,
    LedgerItem,
    OpenPaymentItem,
    PaymentItem,
    PaymentKeyItem,
    PaymentLockItem,
    ReceiptItem,
    ReceiptMap,
    RefundMap,
    payment_sk,
)
from portal.store.stats import add_to_transaction
from portal.store.tables import connection

KEY_RETENTION = timedelta(days=30)
SWEEP_DAYS = 3  # how far back the sweep looks: it runs every few minutes, so only an outage leaves more
CONFLICT = "ConditionalCheckFailed"


def key_pk(dossier_code: str, key: str) -> str:
    return keys.pk(keys.PAYMENT_REQUEST, dossier_code, key)


def ledger_pk(day: date) -> str:
    return keys.pk(keys.LEDGER, day.isoformat())


def open_pk(day: date) -> str:
    return keys.pk(keys.OPEN_PAYMENTS, day.isoformat())


def _open_item(p: Payment) -> OpenPaymentItem:
    expires = p.expires_at
    return OpenPaymentItem(
        pk=open_pk(expires.date()),
        sk=f"{expires.isoformat()}#{p.dossier_code}#{p.payment_id}",
        dossier_code=p.dossier_code,
        payment_id=p.payment_id,
    )


def _receipt_map(r: Receipt) -> ReceiptMap:
    return ReceiptMap(
        number=r.number,
        payer=r.payer,
        amount_vnd=r.amount_vnd,
        procedure_name=r.procedure_name,
        dossier_code=r.dossier_code,
        collecting_agency=r.collecting_agency,
        issued_at=r.issued_at.isoformat(),
        payment_reference=r.payment_reference,
    )


def _receipt(m: ReceiptMap) -> Receipt:
    return Receipt(
        m.number,
        m.payer,
        int(m.amount_vnd),
        m.procedure_name,
        m.dossier_code,
        m.collecting_agency,
        datetime.fromisoformat(m.issued_at),
        m.payment_reference,
    )


def _payment_item(p: Payment) -> PaymentItem:
    return PaymentItem(
        pk=p.dossier_code,
        sk=payment_sk(p.payment_id),
        payment_id=p.payment_id,
        amount_vnd=p.amount_vnd,
        state=p.state.value,
        created_at=p.created_at.isoformat(),
        updated_at=p.updated_at.isoformat(),
        idempotency_key=p.idempotency_key,
        description=p.description,
        provider_id=p.provider_id,
        next_url=p.next_url,
        receipt=_receipt_map(p.receipt) if p.receipt else None,
        refund=RefundMap(
            amount_vnd=p.refund.amount_vnd,
            reason=p.refund.reason.value,
            note=p.refund.note,
            by=p.refund.by,
            at=p.refund.at.isoformat(),
            provider_refund_id=p.refund.provider_refund_id,
        )
        if p.refund
        else None,
    )


def _payment(item: PaymentItem) -> Payment:
    r = item.refund
    return Payment(
        payment_id=item.payment_id,
        dossier_code=item.pk,
        amount_vnd=int(item.amount_vnd),
        state=PaymentState(item.state),
        created_at=datetime.fromisoformat(item.created_at),
        updated_at=datetime.fromisoformat(item.updated_at),
        idempotency_key=item.idempotency_key,
        description=item.description,
        provider_id=item.provider_id,
        next_url=item.next_url,
        receipt=_receipt(item.receipt) if item.receipt else None,
        refund=Refund(
            int(r.amount_vnd), RefundReason(r.reason), r.note, r.by, datetime.fromisoformat(r.at), r.provider_refund_id
        )
        if r
        else None,
        version=int(item.version),
    )


def _save_dossier(tx: TransactWrite, dossier: Dossier, event: TimelineEvent) -> None:
    item = dossier_item(dossier)
    item.version = dossier.version - 1  # the version that was read; pynamodb checks it and adds one
    tx.save(item)
    tx.save(event_item(dossier.code, event), condition=EventItem.pk.does_not_exist())


def _changed_meanwhile(error: TransactWriteError) -> Conflict:
    return Conflict(
        "Hồ sơ vừa được cập nhật. Vui lòng thử lại.", "The dossier was changed meanwhile. Please try again."
    )


class PaymentStore:
    def get(self, dossier_code: str, payment_id: str) -> Payment | None:
        try:
            return _payment(PaymentItem.get(dossier_code, payment_sk(payment_id), consistent_read=True))
        except PaymentItem.DoesNotExist:
            return None

    def for_dossier(self, dossier_code: str) -> tuple[Payment, ...]:
        items = PaymentItem.query(dossier_code, PaymentItem.sk.startswith(PAYMENT_SK_PREFIX), consistent_read=True)
        return tuple(_payment(i) for i in items)

    def find_by_key(self, dossier_code: str, key: str) -> str | None:
        try:
            return PaymentKeyItem.get(key_pk(dossier_code, key), KEY_SK, consistent_read=True).payment_id
        except PaymentKeyItem.DoesNotExist:
            return None

    def active(self, dossier_code: str) -> str | None:
        """The id of the payment holding the dossier's lock (it may have expired since)."""
        try:
            return PaymentLockItem.get(dossier_code, LOCK_SK, consistent_read=True).payment_id
        except PaymentLockItem.DoesNotExist:
            return None

    def create(self, dossier: Dossier, event: TimelineEvent, payment: Payment, now: datetime) -> None:
        """The new payment, its create key, the dossier's lock, its timeline event: one transaction.

        Raises DuplicatePayment when the key was used, PaymentInProgress when another payment holds the lock.
        """
        key = PaymentKeyItem(
            pk=key_pk(dossier.code, payment.idempotency_key),
            payment_id=payment.payment_id,
            expires_at=now + KEY_RETENTION,
        )
        lock = PaymentLockItem(pk=dossier.code, payment_id=payment.payment_id, until=payment.expires_at.isoformat())
        try:
            with TransactWrite(connection=connection()) as tx:
                tx.save(_payment_item(payment), condition=PaymentItem.pk.does_not_exist())
                tx.save(key, condition=PaymentKeyItem.pk.does_not_exist())
                tx.save(lock, condition=PaymentLockItem.pk.does_not_exist() | (PaymentLockItem.until < now.isoformat()))
                _save_dossier(tx, dossier, event)
                if not payment.finished:
                    tx.save(_open_item(payment))
        except TransactWriteError as error:
            codes = [r.code if r is not None else None for r in error.cancellation_reasons or []]
            if len(codes) > 1 and codes[1] == CONFLICT:
                existing = self.find_by_key(dossier.code, payment.idempotency_key)
                if existing:
                    raise DuplicatePayment(existing) from error
            if len(codes) > 2 and codes[2] == CONFLICT:
                raise PaymentInProgress(self.active(dossier.code) or "") from error
            if CONFLICT in codes:
                raise _changed_meanwhile(error) from error
            raise

    def record(
        self,
        payment: Payment,
        dossier: Dossier,
        event: TimelineEvent,
        kpi: KpiDelta | None = None,
        applicant_id: str = "",
        ledger: LedgerEntry | None = None,
        release_lock: bool = False,
    ) -> None:
        """A payment's change with its timeline event, the dossier's fee, the receipt listed for the citizen,
        the day's ledger and the KPI counters, in one transaction, only if nobody changed the payment or the
        dossier since they were read: a notification and a status check racing apply it once."""
        item = _payment_item(payment)
        item.version = payment.version - 1
        try:
            with TransactWrite(connection=connection()) as tx:
                tx.save(item)
                _save_dossier(tx, dossier, event)
                if payment.receipt is not None and ledger is not None and ledger.kind is Kind.PAYMENT:
                    r = payment.receipt
                    tx.save(
                        ReceiptItem(
                            pk=keys.pk(keys.RECEIPTS, applicant_id),
                            sk=f"{r.issued_at.isoformat()}#{r.number}",
                            receipt=_receipt_map(r),
                        ),
                        condition=ReceiptItem.pk.does_not_exist(),
                    )
                if ledger is not None:
                    tx.save(
                        LedgerItem(
                            pk=ledger_pk(ledger.at.date()),
                            sk=f"{ledger.payment_id}#{ledger.kind.value}",
                            payment_id=ledger.payment_id,
                            kind=ledger.kind.value,
                            dossier_code=ledger.dossier_code,
                            provider_id=ledger.provider_id,
                            amount_vnd=ledger.amount_vnd,
                            at=ledger.at.isoformat(),
                        ),
                        condition=LedgerItem.pk.does_not_exist(),
                    )
                if payment.finished:
                    tx.delete(_open_item(payment))  # no longer the sweep's concern
                if release_lock:
                    tx.delete(
                        PaymentLockItem(pk=dossier.code), condition=PaymentLockItem.payment_id == payment.payment_id
                    )
                add_to_transaction(tx, kpi)
        except TransactWriteError as error:
            if any(r is not None and r.code == CONFLICT for r in error.cancellation_reasons or []):
                raise _changed_meanwhile(error) from error
            raise

    def open_past_expiry(self, now: datetime, days: int = SWEEP_DAYS) -> list[tuple[str, str]]:
        """(dossier code, payment id) of the payments not finished whose expiry is past, from the last `days`
        days (a sweep that did not run for longer leaves older ones to the citizen's return)."""
        found: list[tuple[str, str]] = []
        for back in range(days - 1, -1, -1):
            day = now.date() - timedelta(days=back)
            for item in OpenPaymentItem.query(open_pk(day), OpenPaymentItem.sk <= now.isoformat()):
                found.append((item.dossier_code, item.payment_id))
        return found

    def receipts_of(self, applicant_id: str, limit: int = 100) -> tuple[Receipt, ...]:
        items = ReceiptItem.query(keys.pk(keys.RECEIPTS, applicant_id), scan_index_forward=False, limit=limit)
        return tuple(_receipt(i.receipt) for i in items)

    def ledger(self, day: date) -> list[LedgerEntry]:
        return [
            LedgerEntry(
                i.payment_id,
                Kind(i.kind),
                i.dossier_code,
                i.provider_id,
                int(i.amount_vnd),
                datetime.fromisoformat(i.at),
            )
            for i in LedgerItem.query(ledger_pk(day), consistent_read=True)
        ]
