"""The webhook worker in AWS: a Lambda function SQS triggers with queued deliveries (template.yaml's
WebhookWorkerFunction). A message not yet due is put back with the rest of its delay; a message that
raises is reported by powertools' BatchProcessor for SQS to retry (then its dead-letter queue)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from portal.observability import logger
from portal.webhooks.model import DeliveryState


@logger.inject_lambda_context(log_event=False, clear_state=True)
def handler(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    from portal.bootstrap import default_webhook_worker

    return handle(event, default_webhook_worker(), context)


def handle(event: dict[str, Any], worker, context: Any = None) -> dict[str, Any]:
    """The SQS records of `event` through `worker` (portal.webhooks.worker.DeliveryWorker)."""
    from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response

    stores = worker.stores

    def deliver(record) -> None:
        body = json.loads(record.body)
        due = datetime.fromisoformat(body["due"])
        now = stores.clock.now()
        if (due - now).total_seconds() > 1:
            stores.queue.send(record.body, due)  # SQS delays 15 min at most: wait again
            return
        delivery = stores.deliveries.get(body["subscription"], body["cursor"])
        if delivery is not None and delivery.state is DeliveryState.PENDING:
            worker.attempt(delivery, now)

    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    return process_partial_response(event=event, record_handler=deliver, processor=processor, context=context)
