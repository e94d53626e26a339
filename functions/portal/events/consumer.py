"""The stream consumer: one batch of the Dossiers table's stream, each event record handed to the
notifier once. powertools' BatchProcessor reports the records that raised (partial batch failures: the
event source mapping retries from the first of them, then sends the batch's description to the DLQ);
powertools' idempotency (records in the Idempotency table, keyed by code and seq) makes a redelivered
record, or a retry of a batch that half succeeded, a no-op. Locally infra/local/stream_consumer.py
polls DynamoDB Local's stream and calls the same `handle`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from portal.events.records import event_key
from portal.notifications.service import Notifier

log = logging.getLogger(__name__)

IDEMPOTENCY_SECONDS = 2 * 24 * 3600  # longer than the stream keeps a record (24 h)


class StreamConsumer:
    def __init__(
        self,
        notifier: Notifier,
        idempotency_table: str,
        dynamodb_client: Any,
        subscribers: Sequence[Callable[[str, int], None]] = (),
    ) -> None:
        """`subscribers` are told of each event after the notifier (code, seq), e.g. third-party webhooks;
        each must be idempotent on (code, seq): a record that fails is handled again."""
        from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType
        from aws_lambda_powertools.utilities.idempotency import (
            DynamoDBPersistenceLayer,
            IdempotencyConfig,
            idempotent_function,
        )

        self.notifier = notifier
        self.subscribers = tuple(subscribers)
        self.processor = BatchProcessor(event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)
        self.config = IdempotencyConfig(expires_after_seconds=IDEMPOTENCY_SECONDS)
        persistence = DynamoDBPersistenceLayer(table_name=idempotency_table, boto3_client=dynamodb_client)
        self._handle_once = idempotent_function(
            data_keyword_argument="event", persistence_store=persistence, config=self.config
        )(self._handle_event)

    def _handle_event(self, event: dict[str, Any]) -> dict[str, Any]:
        report = self.notifier.handle_event(event["code"], event["seq"])
        for subscriber in self.subscribers:
            subscriber(event["code"], event["seq"])
        return {"delivered": report.delivered, "retrying": report.retrying, "failed": report.failed}

    def _record(self, record: Any) -> None:
        key = event_key(record.raw_event)
        if key is None:
            return  # not an event insert
        self._handle_once(event=key.as_dict())

    def handle(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        """The Lambda handler's body: {"batchItemFailures": [...]} for the records to retry."""
        from aws_lambda_powertools.utilities.batch import process_partial_response

        self.config.register_lambda_context(context)  # an in-progress record expires with this invocation
        return process_partial_response(
            event=event, record_handler=self._record, processor=self.processor, context=context
        )
