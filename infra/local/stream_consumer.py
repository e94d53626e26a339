"""The local event source mapping: polls DynamoDB Local's stream of the Dossiers table and hands each
batch to the same consumer the Lambda runs (portal.events.consumer, built by portal.bootstrap), with the
same contract: a batch answered with batchItemFailures is retried from the first failed record; a record
that still fails after `max_retries` goes to the dead letters (in memory, and .local/stream-dlq.jsonl for
make dev) and the shard moves on. After each poll it ticks the scheduled jobs' local timer (job_timer.py:
delivery retries often, the sweeps, the officers' digest and draft reminders once each morning).

A record that fails only because a killed consumer left it in progress (portal.events.consumer's
RecordInProgress) is retried without counting: it is done once the killed invocation's time is over. A
dead letter is re-driven by `redrive()`: `make redrive` asks the running poller for it (a request file
beside the dead letters; a poller that is not running does it when it next starts).
`python -m infra.local.stream_consumer --data-dir D` runs a poller in a process of its own (the kill test,
tests/integration/test_stream_kill.py, kills it with SIGKILL in the middle of a backlog).

The tables are created after the stack starts (make dev, tests): until the Dossiers table and its stream
exist, the poller waits for them (healthy all along: it is running). It is a thread of the process that
starts it, so it dies with it; where it stopped is kept per shard (a file under .local for make dev), and
a restart resumes after the last batch that succeeded, as Lambda's event source mapping does.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from infra.local.job_timer import JobTimer

log = logging.getLogger("infra.local.stream_consumer")


class LocalContext:
    """What the consumer reads from Lambda's context: the time left (an in-progress idempotency record
    expires with it, so a consumer killed mid-record is retried once that time has passed)."""

    function_name = "local-stream-consumer"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:local:000000000000:function:local-stream-consumer"
    aws_request_id = "local"

    def __init__(self, timeout_seconds: float) -> None:
        self._deadline = time.monotonic() + timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(int((self._deadline - time.monotonic()) * 1000), 1)


def _lambda_record(record: dict[str, Any], stream_arn: str) -> dict[str, Any]:
    dynamodb = dict(record["dynamodb"])
    created = dynamodb.get("ApproximateCreationDateTime")
    if isinstance(created, datetime):
        dynamodb["ApproximateCreationDateTime"] = created.timestamp()
    return {**{k: v for k, v in record.items() if k != "dynamodb"}, "dynamodb": dynamodb, "eventSourceARN": stream_arn}


class StreamPoller:
    name = "stream consumer"

    def __init__(
        self,
        checkpoint_path: Path | None = None,
        dead_letter_path: Path | None = None,
        poll_seconds: float = 0.5,
        batch_size: int = 25,
        max_retries: int = 5,
        invocation_timeout: float = 30.0,
        retry_job_seconds: float = 30.0,
        retry_backoff_seconds: int = 30,
        sms_outbox_dir: Path | None = None,
        digest_at_hour: int | None = 7,
        sweep_job_seconds: float | None = 60.0,
        consumer_factory: Callable[[], Any] | None = None,
        webhooks: bool = True,
    ) -> None:
        self.webhooks = webhooks  # the tests drive webhooks themselves, on their fixed clock
        self.checkpoint_path = checkpoint_path
        self.dead_letter_path = dead_letter_path
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        self.max_retries = max_retries
        self.invocation_timeout = invocation_timeout
        self.retry_backoff_seconds = retry_backoff_seconds
        self.sms_outbox_dir = sms_outbox_dir
        self.consumer_factory = consumer_factory
        # the scheduled jobs' local timer; sweep_job_seconds None: the tests sweep payments themselves
        self.jobs = JobTimer(retry_job_seconds, sweep_job_seconds, digest_at_hour)
        self.notes: list[str] = []
        self.checkpoints: dict[str, str] = {}  # shard id -> last sequence number handled
        self.dead_letters: list[dict[str, Any]] = []
        self.batches = 0
        self.in_progress_retries = 0  # records retried because a killed consumer left them in progress
        self.consumer: Any = None
        self.services: Any = None
        self._iterators: dict[str, str | None] = {}
        self._finished: set[str] = set()
        self._attempts: dict[str, int] = {}
        self._stream_arn: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._streams = None
        if checkpoint_path and checkpoint_path.exists():
            self.checkpoints = json.loads(checkpoint_path.read_text())

    # --- the Engine protocol (infra/local/stack.py) -------------------------------------------------
    def environment(self) -> dict[str, str]:
        values = {"NOTIFY_RETRY_BACKOFF_SECONDS": str(self.retry_backoff_seconds)}
        if self.sms_outbox_dir:
            values["SMS_OUTBOX_DIR"] = str(self.sms_outbox_dir)
        return values

    def start(self, timeout: float = 60.0) -> StreamPoller:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="stream-consumer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        self._iterators.clear()

    def healthy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- polling ------------------------------------------------------------------------------------
    def _build(self) -> None:
        """Imports the portal only now: the environment (tables, endpoint) is applied before start."""
        if self.consumer is not None:
            return
        from portal.bootstrap import build_services, build_stream_consumer
        from portal.config import settings

        self.services = build_services()
        self.consumer = (
            self.consumer_factory()
            if self.consumer_factory
            else build_stream_consumer(self.services, webhooks=self.webhooks)
        )
        config = settings()
        self._table = config.tables.dossiers
        import boto3

        kwargs = {"endpoint_url": config.dynamodb_endpoint, "region_name": config.region}
        self._dynamodb = boto3.client("dynamodb", **kwargs)
        self._streams = boto3.client("dynamodbstreams", **kwargs)

    def _find_stream(self) -> str | None:
        """The Dossiers table's stream, once every table the consumer uses exists (until then: wait)."""
        from portal.config import settings

        tables = settings().tables
        existing = set(self._dynamodb.list_tables()["TableNames"])
        if not {tables.dossiers, tables.notifications, tables.idempotency} <= existing:
            return None
        return self._dynamodb.describe_table(TableName=self._table)["Table"].get("LatestStreamArn")

    @property
    def redrive_request(self) -> Path | None:
        return self.dead_letter_path.with_name("redrive-requested") if self.dead_letter_path else None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.redrive_request and self.redrive_request.exists():
                    self._build()
                    if self._stream_arn is not None or self._find_stream():
                        redriven, left = self.redrive()
                        log.warning("stream consumer: %d dead letters re-driven, %d left", redriven, left)
                        self.redrive_request.unlink(missing_ok=True)
                self.poll_once()
                if self._stream_arn is not None:  # the tables are there
                    self.jobs.tick(self.services, self.consumer.notifier)
            except Exception:  # a failed poll is retried at the next tick, like the event source mapping
                log.exception("stream consumer: poll failed")
            self._stop.wait(self.poll_seconds)

    def poll_once(self) -> int:
        """One pass over every shard: returns how many records were handed to the consumer."""
        self._build()
        if self._stream_arn is None:
            self._stream_arn = self._find_stream()
            if self._stream_arn is None:
                return 0
        handed = 0
        for shard in self._shards():
            shard_id = shard["ShardId"]
            if shard_id in self._finished:
                continue
            iterator = self._iterators.get(shard_id) or self._iterator(shard_id)
            try:
                answer = self._streams.get_records(ShardIterator=iterator, Limit=self.batch_size)
            except (
                self._streams.exceptions.ExpiredIteratorException,
                self._streams.exceptions.TrimmedDataAccessException,
            ) as error:
                log.info(  # DynamoDB Local answers so for a shard read before its first record
                    "stream consumer: %s on %s; reading again from the checkpoint", type(error).__name__, shard_id
                )
                self._iterators[shard_id] = None
                continue
            records = answer.get("Records", [])
            self._iterators[shard_id] = answer.get("NextShardIterator")
            if records:
                handed += len(records)
                self._deliver(shard_id, records)
            elif self._iterators[shard_id] is None:
                self._finished.add(shard_id)  # a closed shard read to its end
        return handed

    def drain(self, timeout: float = 10.0) -> None:
        """Polls until a pass hands nothing over (tests and benchmarks, with the thread stopped)."""
        deadline = time.monotonic() + timeout
        while self.poll_once() and time.monotonic() < deadline:
            pass

    def rewind(self, checkpoints: dict[str, str]) -> None:
        """Starts again after the given checkpoints (a shard missing from them: from its start)."""
        self.checkpoints = dict(checkpoints)
        self._iterators.clear()
        self._finished.clear()

    def _shards(self) -> list[dict[str, Any]]:
        shards, start = [], None
        while True:
            kwargs = {"StreamArn": self._stream_arn, **({"ExclusiveStartShardId": start} if start else {})}
            description = self._streams.describe_stream(**kwargs)["StreamDescription"]
            shards.extend(description.get("Shards", []))
            start = description.get("LastEvaluatedShardId")
            if not start:
                return shards  # parents come before their children in DescribeStream's order

    def _iterator(self, shard_id: str) -> str:
        after = self.checkpoints.get(shard_id)
        kwargs = {"StreamArn": self._stream_arn, "ShardId": shard_id}
        if after:
            kwargs.update(ShardIteratorType="AFTER_SEQUENCE_NUMBER", SequenceNumber=after)
        else:
            kwargs.update(ShardIteratorType="TRIM_HORIZON")
        return self._streams.get_shard_iterator(**kwargs)["ShardIterator"]

    def _deliver(self, shard_id: str, records: list[dict[str, Any]]) -> None:
        event = {"Records": [_lambda_record(r, self._stream_arn) for r in records]}
        answer = self.consumer.handle(event, LocalContext(self.invocation_timeout))
        self.batches += 1
        failed = [f["itemIdentifier"] for f in (answer or {}).get("batchItemFailures", [])]
        if not failed:
            self._checkpoint(shard_id, records[-1]["dynamodb"]["SequenceNumber"])
            return
        first = failed[0]
        sequence = [r["dynamodb"]["SequenceNumber"] for r in records]
        position = sequence.index(first) if first in sequence else 0
        if position > 0:
            self._checkpoint(shard_id, sequence[position - 1])
        self._iterators[shard_id] = None  # read again from the checkpoint
        if first in getattr(self.consumer, "in_progress", ()):
            # not a failure: a killed consumer's mark, which expires with its invocation's time
            self.in_progress_retries += 1
            log.info("stream consumer: %s is in progress (a killed consumer's); retried", first)
            return
        self._attempts[first] = self._attempts.get(first, 0) + 1
        if self._attempts[first] > self.max_retries:
            self._dead_letter(shard_id, records[position])
            self._attempts.pop(first)
            self._checkpoint(shard_id, first)

    def _checkpoint(self, shard_id: str, sequence_number: str) -> None:
        self.checkpoints[shard_id] = sequence_number
        if self.checkpoint_path:
            self.checkpoint_path.parent.mkdir(parents=True, exist_ok=True)
            self.checkpoint_path.write_text(json.dumps(self.checkpoints))

    def redrive(self) -> tuple[int, int]:
        """Hands each dead letter to the consumer again, one record a batch, as the stream would: those it
        handles leave the dead letters, the others stay. (re-driven, left). Handling is idempotent per
        (code, seq): what an earlier attempt did is not done twice."""
        self._build()
        letters = self._letters()
        left = []
        for letter in letters:
            record = {
                "eventName": letter.get("eventName"),
                "eventSourceARN": self._stream_arn or "local",
                "dynamodb": {"Keys": letter["keys"], "SequenceNumber": letter["sequenceNumber"]},
            }
            answer = self.consumer.handle({"Records": [record]}, LocalContext(self.invocation_timeout))
            if (answer or {}).get("batchItemFailures"):
                left.append(letter)
        self.dead_letters = left
        if self.dead_letter_path:
            self.dead_letter_path.parent.mkdir(parents=True, exist_ok=True)
            self.dead_letter_path.write_text("".join(json.dumps(x, default=str) + "\n" for x in left))
        return len(letters) - len(left), len(left)

    def _letters(self) -> list[dict[str, Any]]:
        if self.dead_letter_path is None:
            return list(self.dead_letters)
        if not self.dead_letter_path.exists():
            return []
        return [json.loads(line) for line in self.dead_letter_path.read_text().splitlines() if line.strip()]

    def _dead_letter(self, shard_id: str, record: dict[str, Any]) -> None:
        """What the event source mapping's on-failure destination receives: where the record was."""
        letter = {
            "shardId": shard_id,
            "sequenceNumber": record["dynamodb"]["SequenceNumber"],
            "eventName": record.get("eventName"),
            "keys": record["dynamodb"].get("Keys"),
            "attempts": self.max_retries + 1,
        }
        self.dead_letters.append(letter)
        log.error("stream consumer: record sent to the dead letters: %s", letter)
        if self.dead_letter_path:
            self.dead_letter_path.parent.mkdir(parents=True, exist_ok=True)
            with self.dead_letter_path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(letter, default=str) + "\n")


def main(argv: list[str] | None = None) -> int:
    """A poller in a process of its own, with the environment it inherits (tables, endpoints, SMTP)."""
    import argparse
    import contextlib
    import signal

    parser = argparse.ArgumentParser(description="the local stream consumer, alone in its process")
    parser.add_argument("--data-dir", type=Path, required=True, help="checkpoints.json and dead-letters.jsonl")
    parser.add_argument("--invocation-timeout", type=float, default=30.0, help="seconds (Lambda's Timeout)")
    parser.add_argument("--max-retries", type=int, default=5)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    poller = StreamPoller(
        checkpoint_path=args.data_dir / "checkpoints.json",
        dead_letter_path=args.data_dir / "dead-letters.jsonl",
        poll_seconds=0.1,
        max_retries=args.max_retries,
        invocation_timeout=args.invocation_timeout,
        retry_job_seconds=3600.0,
        digest_at_hour=None,
        sweep_job_seconds=None,
    )
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    poller.start()
    print("stream consumer: started", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        stopped.wait()
    poller.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
