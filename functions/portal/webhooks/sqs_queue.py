"""The delivery queue in AWS: SQS (template.yaml's WebhookQueue). SQS delays a message 15 minutes at most,
so a later attempt travels with its due time and is put back until then (portal.entrypoints.webhook_worker)."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cached_property

from portal.webhooks.model import Delivery

MAX_DELAY_SECONDS = 900


def message(subscription_id: str, cursor: str, due: datetime) -> str:
    return json.dumps({"subscription": subscription_id, "cursor": cursor, "due": due.isoformat()})


class SqsDeliveryQueue:
    def __init__(self, queue_url: str, region: str, clock) -> None:
        self._url = queue_url
        self._region = region
        self._clock = clock

    @cached_property
    def _sqs(self):
        import boto3  # only the functions that send webhooks load the SQS client

        return boto3.client("sqs", region_name=self._region)

    def send(self, body: str, due: datetime) -> None:
        delay = int(max(0, min(MAX_DELAY_SECONDS, (due - self._clock.now()).total_seconds())))
        self._sqs.send_message(QueueUrl=self._url, MessageBody=body, DelaySeconds=delay)

    def enqueue(self, delivery: Delivery, at: datetime) -> None:
        self.send(message(delivery.subscription_id, delivery.cursor, at), at)
