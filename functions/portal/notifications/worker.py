"""Sending deliveries: each one moved to `sending` (conditional on the state read, so two workers never
send the same one), handed to its channel's client, then delivered, failed for now (retried with backoff
by the retry job) or failed for good (the permanent-failure list ops read)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from portal.clock import Clock
from portal.notifications import delivery as rules
from portal.notifications.model import Channel, Delivery, DeliveryState, PermanentFailure, TemporaryFailure
from portal.notifications.repository import EmailClient, NotificationRepository, SmsClient

log = logging.getLogger(__name__)


@dataclass
class SendReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0
    skipped: int = 0
    keys: list[str] = field(default_factory=list)


class DeliveryWorker:
    def __init__(
        self,
        store: NotificationRepository,
        email: EmailClient,
        sms: SmsClient,
        clock: Clock,
        first_backoff: timedelta = rules.FIRST_BACKOFF,
    ) -> None:
        self.store = store
        self.clients: Mapping[Channel, EmailClient | SmsClient] = {Channel.EMAIL: email, Channel.SMS: sms}
        self.clock = clock
        self.first_backoff = first_backoff

    def send(self, deliveries: list[Delivery], report: SendReport | None = None) -> SendReport:
        report = report or SendReport()
        for d in deliveries:
            self._send_one(d, report)
        return report

    def send_due(self, limit: int = 100) -> SendReport:
        """The retry job: every delivery whose next attempt is due (and any stuck in `sending`)."""
        return self.send(self.store.due_deliveries(self.clock.now(), limit))

    def _send_one(self, d: Delivery, report: SendReport) -> None:
        now = self.clock.now()
        if d.state in rules.FINAL:
            report.skipped += 1
            return
        sending = rules.start_sending(d, now)
        if not self.store.save_delivery(sending, expected=d.state, expected_attempts=d.attempts):
            report.skipped += 1  # another worker took it
            return
        try:
            if d.channel is Channel.EMAIL:
                self.clients[Channel.EMAIL].send(d.address, d.subject, d.body)
            else:
                self.clients[Channel.SMS].send(d.address, d.body)
        except PermanentFailure as error:
            outcome = rules.failed_for_good(sending, str(error))
            report.failed += 1
        except (TemporaryFailure, OSError, TimeoutError) as error:
            outcome = rules.failed_for_now(sending, str(error) or type(error).__name__, now, self.first_backoff)
            if outcome.state is DeliveryState.PERMANENT_FAILURE:
                report.failed += 1
            else:
                report.retrying += 1
        else:
            outcome = rules.delivered(sending, self.clock.now())
            report.delivered += 1
        if outcome.state is not DeliveryState.DELIVERED:
            log.warning("delivery %s: %s (%s)", d.key, outcome.state.value, outcome.last_error)
        self.store.save_delivery(outcome, expected=DeliveryState.SENDING, expected_attempts=sending.attempts)
        report.keys.append(d.key)
