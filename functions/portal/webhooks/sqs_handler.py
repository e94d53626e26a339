"""The webhook worker in AWS: a Lambda function SQS triggers with queued deliveries (template.yaml's
WebhookWorkerFunction). A message not yet due is put back with the rest of its delay; a failure of the
function itself reports the message for SQS to retry (then its dead-letter queue)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from portal.observability import logger
from portal.webhooks.model import DeliveryState


def handler(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    from portal.bootstrap import default_webhook_worker

    return handle(event, default_webhook_worker())


def handle(event: dict[str, Any], worker) -> dict[str, Any]:
    """The SQS records of `event` through `worker` (portal.webhooks.worker.DeliveryWorker)."""
    stores = worker.stores
    failures = []
    for record in event.get("Records", []):
        try:
            body = json.loads(record["body"])
            due = datetime.fromisoformat(body["due"])
            now = stores.clock.now()
            if (due - now).total_seconds() > 1:
                stores.queue.send(record["body"], due)  # SQS delays 15 min at most: wait again
                continue
            delivery = stores.deliveries.get(body["subscription"], body["cursor"])
            if delivery is not None and delivery.state is DeliveryState.PENDING:
                worker.attempt(delivery, now)
        except Exception:
            logger.exception("webhook delivery failed in the worker", extra={"message": record.get("messageId")})
            failures.append({"itemIdentifier": record.get("messageId", "")})
    return {"batchItemFailures": failures}
