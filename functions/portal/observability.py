"""Structured JSON logs (powertools Logger) carrying the request id of whatever request is running.

The request id lives in a context variable, so concurrent requests on the local server (asyncio) and
one-request-at-a-time Lambda containers both log the right id.
"""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar

from aws_lambda_powertools import Logger

SERVICE = "portal"

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class _CurrentStdout:
    """Writes to whatever sys.stdout is now (test runners swap it), not to the one seen at import."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()


logger = Logger(service=SERVICE, stream=_CurrentStdout())
logger.addFilter(_RequestIdFilter())
