"""The stream consumer: one batch of the Dossiers table's stream, each event record's dossier read once
and handed to the notifier, then to every other subscriber. powertools' BatchProcessor reports the
records that raised (partial batch failures: the event source mapping retries from the first of them,
then sends the batch's description to the DLQ);
powertools' idempotency (records in the Idempotency table, keyed by code and seq) makes a redelivered
record, or a retry of a batch that half succeeded, a no-op. Locally infra/local/stream_consumer.py
polls DynamoDB Local's stream and calls the same `handle`.

A consumer killed in the middle of a record (kill -9, out of memory) leaves its idempotency record
`INPROGRESS` until the killed invocation's time is over (the record's in-progress expiry is the time the
invocation had left). Only one invocation reads a shard at a time, so such a record is never being worked
on: the next invocation waits for that expiry within its own time, then handles the record; when it
cannot wait long enough, the record fails as RecordInProgress, which the local poller retries without
counting it against the dead letters (and in AWS the next retry finds it expired). See
docs/operations/stream-consumer.md."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from portal.dossiers.model import Dossier, TimelineEvent
from portal.dossiers.repository import DossierRepository
from portal.events.records import event_key
from portal.notifications.service import Notifier, read_event

log = logging.getLogger(__name__)

IDEMPOTENCY_SECONDS = 2 * 24 * 3600  # longer than the stream keeps a record (24 h)
IN_PROGRESS_POLL_SECONDS = 0.5  # how often a record left in progress by a killed invocation is tried again
TIME_KEPT_SECONDS = 1.0  # of the invocation's own time, never spent waiting (the answer must get out)


class RecordInProgress(Exception):
    """The record's idempotency record is still INPROGRESS (left by a killed invocation) past this
    invocation's time: not a failure of the record, it is retried until that mark expires."""


class StreamConsumer:
    def __init__(
        self,
        notifier: Notifier,
        idempotency_table: str,
        dynamodb_client: Any,
        subscribers: Sequence[Callable[[Dossier, TimelineEvent], None]] = (),
        dossiers: DossierRepository | None = None,
    ) -> None:
        """`subscribers` are told of each event after the notifier (the dossier as read once for all, and the
        event), e.g. third-party webhooks; each must be idempotent on (code, seq): a record that fails is
        handled again. `dossiers` defaults to the notifier's."""
        from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType
        from aws_lambda_powertools.utilities.idempotency import (
            DynamoDBPersistenceLayer,
            IdempotencyConfig,
            idempotent_function,
        )

        self.notifier = notifier
        self.dossiers = dossiers or notifier.dossiers
        self.subscribers = tuple(subscribers)
        self.in_progress: set[str] = set()  # of the last batch: records failed only as RecordInProgress
        self.processor = BatchProcessor(event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)
        self.config = IdempotencyConfig(expires_after_seconds=IDEMPOTENCY_SECONDS)
        persistence = DynamoDBPersistenceLayer(table_name=idempotency_table, boto3_client=dynamodb_client)
        self._handle_once = idempotent_function(
            data_keyword_argument="event", persistence_store=persistence, config=self.config
        )(self._handle_event)

    def _handle_event(self, event: dict[str, Any]) -> dict[str, Any]:
        dossier, timeline_event = read_event(self.dossiers, event["code"], event["seq"])  # once for all
        report = self.notifier.notify_of(dossier, timeline_event)
        for subscriber in self.subscribers:
            subscriber(dossier, timeline_event)
        return {"delivered": report.delivered, "retrying": report.retrying, "failed": report.failed}

    def _record(self, record: Any) -> None:
        from aws_lambda_powertools.utilities.idempotency.exceptions import IdempotencyAlreadyInProgressError

        key = event_key(record.raw_event)
        if key is None:
            return  # not an event insert
        while True:
            try:
                self._handle_once(event=key.as_dict())
                return
            except IdempotencyAlreadyInProgressError as error:
                if self._seconds_left() < IN_PROGRESS_POLL_SECONDS + TIME_KEPT_SECONDS:
                    self.in_progress.add(record.dynamodb.sequence_number)
                    raise RecordInProgress(f"{key.code} #{key.seq} is still in progress") from error
                time.sleep(IN_PROGRESS_POLL_SECONDS)  # its mark expires with the killed invocation's time

    def _seconds_left(self) -> float:
        context = self.config.lambda_context
        return context.get_remaining_time_in_millis() / 1000 if context is not None else 0.0

    def handle(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        """The Lambda handler's body: {"batchItemFailures": [...]} for the records to retry. Afterwards
        `in_progress` holds the sequence numbers of those that failed only as RecordInProgress."""
        from aws_lambda_powertools.utilities.batch import process_partial_response

        self.in_progress = set()
        self.config.register_lambda_context(context)  # an in-progress record expires with this invocation
        return process_partial_response(
            event=event, record_handler=self._record, processor=self.processor, context=context
        )
