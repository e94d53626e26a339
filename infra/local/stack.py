"""The one list of local engines: `make dev`, the tests and the benchmarks all start `local_stack(...)`.

A new engine (object storage, mail, the stream consumer, a payment simulator) is one module in this
package and one line in `local_stack`; its `environment()` points the portal at it. The environment is
applied before anything starts (and before `portal` is imported: pynamodb models read it when their
classes are created); engines start in the order listed and stop in reverse.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from infra import local_env
from infra.local.dynamodb import DynamoDBLocal
from infra.local.payment_simulator import PaymentSimulator
from infra.local.ports import free_port
from infra.local.scanner import ClamAVDatabase
from infra.local.smtp import LocalSmtp
from infra.local.storage import SeaweedStorage
from infra.local.stream_consumer import StreamPoller


class Engine(Protocol):
    name: str
    notes: list[str]

    def start(self, timeout: float = 60.0) -> object: ...
    def stop(self) -> None: ...
    def healthy(self) -> bool: ...
    def environment(self) -> dict[str, str]: ...


@dataclass
class LocalStack:
    dynamodb: DynamoDBLocal
    others: list[Engine] = field(default_factory=list)  # started after DynamoDB, in this order

    @property
    def engines(self) -> list[Engine]:
        return [self.dynamodb, *self.others]

    def apply_environment(self, api_base_url: str, table_prefix: str = "portal", key: str | None = None) -> None:
        local_env.apply(self.dynamodb.endpoint, api_base_url, table_prefix=table_prefix, key=key)
        for engine in self.others:
            os.environ.update(engine.environment())

    def start(self) -> LocalStack:
        started: list[Engine] = []
        try:
            for engine in self.engines:
                engine.start()
                started.append(engine)
        except BaseException:
            for engine in reversed(started):
                engine.stop()
            raise
        return self

    def stop(self) -> None:
        for engine in reversed(self.engines):
            engine.stop()

    def health(self) -> dict[str, bool]:
        return {engine.name: engine.healthy() for engine in self.engines}

    @contextmanager
    def running(self) -> Iterator[LocalStack]:
        self.start()
        try:
            yield self
        finally:
            self.stop()


def local_stack(
    data_dir: Path | None = None,
    log_dir: Path | None = None,
    dynamodb_port: int | None = None,
    webhook_worker: bool = False,
) -> LocalStack:
    """The engines, their data kept under `data_dir` (make dev: .local) or in memory (tests: None), each
    engine's output in `log_dir/<engine>.log` (or nowhere)."""

    def log(name: str) -> Path | None:
        return log_dir / f"{name}.log" if log_dir else None

    stack = LocalStack(
        dynamodb=DynamoDBLocal(
            dynamodb_port or free_port(), data_dir=data_dir / "dynamodb" if data_dir else None, log_path=log("dynamodb")
        ),
        others=[
            SeaweedStorage(free_port(), data_dir=data_dir / "storage" if data_dir else None, log_path=log("storage")),
            ClamAVDatabase(data_dir / "clamav" if data_dir else None),
            LocalSmtp(free_port(), mail_dir=data_dir / "mail" if data_dir else None),
            local_stream_consumer(data_dir),
            PaymentSimulator(data_dir=data_dir / "payment-simulator" if data_dir else None),
        ],
    )
    if webhook_worker:  # make dev; the tests drive the worker themselves, on their fixed clock
        from infra.local.webhook_worker import WebhookWorker

        stack.others.append(WebhookWorker())
    return stack


def local_stream_consumer(data_dir: Path | None) -> StreamPoller:
    """make dev: checkpoints, dead letters and the SMS outbox under .local; tests: in memory, fast ticks."""
    if data_dir is None:
        return StreamPoller(
            poll_seconds=0.1,
            max_retries=2,
            invocation_timeout=2.0,
            retry_job_seconds=0.5,
            retry_backoff_seconds=1,
            digest_at_hour=None,
            sweep_job_seconds=None,  # the payment tests sweep themselves, on their fixed clock
            webhooks=False,  # the webhook tests call the handler and the worker themselves (fixed clock)
        )
    return StreamPoller(
        checkpoint_path=data_dir / "stream-consumer" / "checkpoints.json",
        dead_letter_path=data_dir / "stream-consumer" / "dead-letters.jsonl",
        sms_outbox_dir=data_dir / "sms",
    )
