"""The webhook delivery worker as a local engine: a thread that sends due deliveries every
POLL_SECONDS (in AWS an SQS-triggered function does it). `make dev` starts it; the tests do not (they call
the worker themselves, on their fixed clock)."""

from __future__ import annotations

import threading
import time

from portal.observability import logger

POLL_SECONDS = 0.2


class WebhookWorker:
    name = "webhook-worker"

    def __init__(self, poll_seconds: float = POLL_SECONDS) -> None:
        self.notes: list[str] = []
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def environment(self) -> dict[str, str]:
        return {"WEBHOOK_ALLOW_LOOPBACK": "on"}  # a receiver on this machine (never in prod)

    def _run(self) -> None:
        from portal.bootstrap import default_webhook_worker

        def deliver_due() -> None:  # the SQS-triggered function's part in AWS (portal.entrypoints.webhook_worker)
            worker = default_webhook_worker()
            worker.deliver_due(worker.stores.clock.now(), 50)

        last_logged = time.monotonic()  # quiet for a minute: make dev makes the tables after the engines start
        while not self._stop.wait(self._poll):
            try:
                deliver_due()
            except Exception:  # the loop outlives a bad round (tables not made yet, DynamoDB Local restarting)
                if time.monotonic() - last_logged > 60:
                    logger.exception("webhook worker round failed")
                    last_logged = time.monotonic()

    def start(self, timeout: float = 60.0) -> WebhookWorker:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()
        self.notes.append(f"webhook worker: delivering every {self._poll:.1f} s")
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def healthy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
