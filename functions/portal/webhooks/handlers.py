"""Entry points of webhooks for the rest of the portal: the dossier event stream's handler, and the
worker's loop (the local engine calls it; in AWS the SQS-triggered function does one message at a time)."""

from __future__ import annotations

from datetime import datetime

from portal.webhooks.model import Delivery, DossierEvent


def on_dossier_event(event: DossierEvent) -> list[Delivery]:
    """Wire into the stream's EVENT_HANDLERS: every action of portal.dossiers.lifecycle (and receive,
    extend) calls this with DossierEvent.of(dossier, timeline_event). Idempotent on (subscription, code, seq)."""
    from portal.bootstrap import default_webhooks

    return default_webhooks().on_dossier_event(event)


def deliver_due(now: datetime | None = None, limit: int = 50) -> list[Delivery]:
    from portal.bootstrap import default_webhook_worker

    worker = default_webhook_worker()
    return worker.deliver_due(now or worker.stores.clock.now(), limit)
