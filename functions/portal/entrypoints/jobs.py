"""Lambda entry point of the scheduled jobs: EventBridge Scheduler sends {"job": "<name>"}."""

from __future__ import annotations

from typing import Any

from portal.bootstrap import default_services
from portal.jobs.registry import JOBS
from portal.observability import logger


@logger.inject_lambda_context(log_event=False, clear_state=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    name = event.get("job", "")
    if name not in JOBS:
        raise ValueError(f"unknown job {name!r}")  # a schedule without a job: fails loudly (and alarms)
    result = JOBS[name](default_services())
    logger.info("job done", extra={"job": name, "result": result})
    return result
