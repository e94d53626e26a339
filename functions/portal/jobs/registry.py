"""The scheduled jobs, by name: EventBridge Scheduler calls the jobs function with {"job": <name>} (one
schedule per entry, checked against template.yaml by a contract test); `make dev` runs the same ones on
a local timer (infra/local/stream_consumer.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from portal.bootstrap import Services, build_notifier, province_codes

Job = Callable[[Services], dict[str, Any]]


def officers_digest(services: Services, notifier=None) -> dict[str, Any]:
    """Every working morning (07:00 in Vietnam): each center's dossiers due within one working day, and late."""
    from portal.notifications.digest import send_morning_digest
    from portal.workdays.vietnam_calendar import calendar_around

    notifier = notifier or build_notifier(services)
    now = services.clock.now()
    report = send_morning_digest(
        services.dossiers,
        services.centers,
        notifier,
        services.clock,
        calendar_around(now.year),
        province_codes(services),
    )
    return {"day": report.day.isoformat(), "workingDay": report.working_day, "centers": len(report.centers)}


def retry_deliveries(services: Services, notifier=None) -> dict[str, Any]:
    """Every minute: deliveries whose next attempt is due (temporary failures, stale `sending`)."""
    notifier = notifier or build_notifier(services)
    report = notifier.worker.send_due()
    return {"delivered": report.delivered, "retrying": report.retrying, "failed": report.failed}


def draft_reminders(services: Services, notifier=None) -> dict[str, Any]:
    """Every morning (08:00 in Vietnam): citizens told of drafts deleted within REMINDER_DAYS (once per expiry),
    drafts past their expiry deleted where DynamoDB's TTL has not yet (TTL is the deletion; this is the sweep)."""
    from portal.notifications.draft_reminders import remind_and_sweep

    notifier = notifier or build_notifier(services)
    report = remind_and_sweep(services.drafts, notifier, services.clock)
    return {"reminded": report.reminded, "deleted": report.deleted, "skipped": report.skipped}


JOBS: dict[str, Job] = {
    "officers-digest": officers_digest,
    "retry-deliveries": retry_deliveries,
    "draft-reminders": draft_reminders,
}
