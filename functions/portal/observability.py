"""Structured JSON logs (powertools Logger) carrying the request id of whatever request is running.

The request id lives in a context variable, so concurrent requests on the local server (asyncio) and
one-request-at-a-time Lambda containers both log the right id.
"""

from __future__ import annotations

import logging
import os
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


# --- Metrics (CloudWatch embedded metric format, namespace Portal) -----------------------------------
# One EMF line on stdout per figure, read by CloudWatch from the function's logs: no API call, no
# latency. Emitted in Lambda (or with PORTAL_METRICS=on); elsewhere (tests, make dev) nothing is printed.
# Dimension values are bounded (root fields of the schema, channels, actions, error codes), never
# something a client chose freely.
METRICS_NAMESPACE = "Portal"


def metrics_enabled() -> bool:
    return bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME")) or os.environ.get("PORTAL_METRICS") == "on"


def emit(name: str, value: float = 1, unit: str = "Count", **dimensions: str) -> None:
    if not metrics_enabled():
        return
    from aws_lambda_powertools.metrics import MetricUnit, single_metric  # already loaded with the Logger

    namespace = os.environ.get("POWERTOOLS_METRICS_NAMESPACE", METRICS_NAMESPACE)
    with single_metric(
        name=name, unit=MetricUnit(unit), value=value, namespace=namespace, default_dimensions={"service": SERVICE}
    ) as metric:
        for key, dimension in dimensions.items():
            metric.add_dimension(key, dimension)


# --- Tracing (X-Ray) -----------------------------------------------------------------------------------
# The function's own segment comes from `Tracing: Active` at no cost to the code. Subsegments for each
# DynamoDB and SSM call need the X-Ray SDK to patch botocore, which costs 260-540 ms on a cold start
# (measured here; see docs/operations.md), so it is a switch per stage: TRACE_AWS_CALLS=on.
def trace_aws_calls() -> None:
    if os.environ.get("TRACE_AWS_CALLS") != "on":
        return
    from aws_lambda_powertools import Tracer

    Tracer(service=SERVICE, patch_modules=("botocore",))
