"""The scheduled jobs' local timer (EventBridge Scheduler's part in AWS): the stream consumer's thread
ticks it after each poll, and it runs each job of portal.jobs.registry when its period has passed."""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger("infra.local.job_timer")

UPLOAD_SWEEP_SECONDS = 3600.0  # hourly, like its schedule in template.yaml


class JobTimer:
    def __init__(self, retry_seconds: float, payment_sweep_seconds: float | None, digest_at_hour: int | None) -> None:
        self.retry_seconds = retry_seconds
        self.payment_sweep_seconds = payment_sweep_seconds  # None: not run (the tests sweep on a fixed clock)
        self.digest_at_hour = digest_at_hour  # None: no daily jobs
        self._last_retry = 0.0
        self._last_payment_sweep = 0.0
        # the first sweep of uploads never completed an hour after the start (never in a test run)
        self._last_upload_sweep = time.monotonic()
        self._digest_day: str | None = None

    def tick(self, services: Any, notifier: Any) -> None:
        from portal.jobs.registry import (
            draft_reminders,
            officers_digest,
            retry_deliveries,
            sweep_payments,
            sweep_uploads,
        )

        now = time.monotonic()
        if now - self._last_retry >= self.retry_seconds:
            self._last_retry = now
            retry_deliveries(services, notifier)
        if now - self._last_upload_sweep >= UPLOAD_SWEEP_SECONDS:
            self._last_upload_sweep = now
            try:
                sweep_uploads(services)
            except Exception:  # storage not answering: the next hour tries again
                log.exception("the sweep of uploads never completed failed")
        if self.payment_sweep_seconds is not None and now - self._last_payment_sweep >= self.payment_sweep_seconds:
            self._last_payment_sweep = now
            sweep_payments(services)
        local = services.clock.now()
        if self.digest_at_hour is not None and local.hour >= self.digest_at_hour:
            day = local.date().isoformat()
            if self._digest_day != day:
                self._digest_day = day
                officers_digest(services, notifier)
                draft_reminders(services, notifier)  # daily too (08:00 in AWS)
