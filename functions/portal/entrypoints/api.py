"""The Lambda entry point: API Gateway HTTP API (payload v2) -> Mangum -> the ASGI app."""

from __future__ import annotations

from typing import Any

from mangum import Mangum

from portal.api.http.app import create_app
from portal.observability import logger, trace_aws_calls

trace_aws_calls()  # before any client is made: patches botocore when the stage asks for it
app = create_app()
_asgi = Mangum(app, lifespan="off")


@logger.inject_lambda_context(log_event=False, clear_state=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _asgi(event, context)
