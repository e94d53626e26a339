"""The sweep of abandoned payments: every few minutes, the payments still created, started or submitted
past their expiry are settled with the provider. The provider may have taken the money (the citizen paid
and closed the tab, the notification was lost): the payment is then a success with its receipt. Otherwise
it is cancelled at the provider and expired, so the dossier is never left waiting behind it and a late
approval is refused. A payment the provider cannot answer for now is left for the next run."""

from __future__ import annotations

from dataclasses import dataclass

from portal.clock import Clock
from portal.errors import PortalError
from portal.observability import logger
from portal.payments.model import PaymentState
from portal.payments.repository import PaymentRepository
from portal.payments.settling import Settler


@dataclass(frozen=True)
class SweepReport:
    checked: int
    succeeded: int  # settled at the provider though never notified
    expired: int
    other: int  # finished otherwise (declined, cancelled, the provider's error) or already finished
    retrying: int  # the provider did not answer, or answered about another payment: next run


class AbandonedPayments:
    def __init__(self, settler: Settler, payments: PaymentRepository, clock: Clock) -> None:
        self.settler = settler
        self.payments = payments
        self.clock = clock

    def sweep(self) -> SweepReport:
        counts = {"checked": 0, "succeeded": 0, "expired": 0, "other": 0, "retrying": 0}
        for dossier_code, payment_id in self.payments.open_past_expiry(self.clock.now()):
            counts["checked"] += 1
            payment = self.payments.get(dossier_code, payment_id)
            if payment is None or payment.finished:
                counts["other"] += 1
                continue
            try:
                settled = self.settler.settle(payment)
            except PortalError as error:  # the provider down, a mismatched report, a race lost three times
                logger.warning(
                    "abandoned payment not settled",
                    extra={"payment_id": payment_id, "dossier": dossier_code, "error": type(error).__name__},
                )
                counts["retrying"] += 1
                continue
            if settled.state is PaymentState.SUCCESS:
                counts["succeeded"] += 1
            elif settled.state is PaymentState.EXPIRED:
                counts["expired"] += 1
            elif settled.finished:
                counts["other"] += 1
            else:
                counts["retrying"] += 1
        return SweepReport(**counts)
