"""Lambda entry point of the Dossiers table's stream (event source mapping with ReportBatchItemFailures):
thin on purpose, the consumer is built from the composition root like every entry point."""

from __future__ import annotations

from typing import Any

from portal.bootstrap import build_stream_consumer, default_services
from portal.observability import logger

consumer = build_stream_consumer(default_services())


@logger.inject_lambda_context(log_event=False, clear_state=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return consumer.handle(event, context)
