"""Helpers for the notification tests: the session's local SMTP server and stream consumer, unique
people (each test its own inbox and address), and waiting for what the consumer does in its thread."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from infra.local.smtp import LocalSmtp
from infra.local.stream_consumer import StreamPoller

T = TypeVar("T")


def engine(stack, kind: type[T]) -> T:
    return next(e for e in stack.others if isinstance(e, kind))


def smtp(stack) -> LocalSmtp:
    return engine(stack, LocalSmtp)


def consumer(stack) -> StreamPoller:
    return engine(stack, StreamPoller)


def unique_pid() -> str:
    # A well-formed number (province 001, a man born in 1990: the forms say he is the father) of its own.
    # Not from `random`: pytest-randomly reseeds it before every test, so each test would draw the same number.
    return "001090" + "".join(secrets.choice("0123456789") for _ in range(6))


def unique_email(domain: str = "example.vn") -> str:
    return f"t-{uuid.uuid4().hex[:12]}@{domain}"


def wait_for(check: Callable[[], T], timeout: float = 15.0, what: str = "the condition") -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def settle(seconds: float = 0.6) -> None:
    """Give the consumer a few more ticks: whatever it would send twice, it would have sent by then."""
    time.sleep(seconds)
