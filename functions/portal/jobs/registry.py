"""The scheduled jobs, by name: EventBridge Scheduler calls the jobs function with {"job": <name>} (one
schedule per entry, checked against template.yaml by a contract test); `make dev` runs the same ones on
a local timer (infra/local/stream_consumer.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from portal.bootstrap import Services, build_notifier, province_codes

Job = Callable[[Services], dict[str, Any]]


def officers_digest(services: Services, notifier=None) -> dict[str, Any]:
    """Every working morning (07:00 in Vietnam): each center's dossiers due within one working day, and late
    (the agencies' receptions too: their dossiers are under the central scope's code)."""
    from portal.centers.model import CENTRAL_SCOPE
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
        [*province_codes(services), CENTRAL_SCOPE],
    )
    return {"day": report.day.isoformat(), "workingDay": report.working_day, "centers": len(report.centers)}


def retry_deliveries(services: Services, notifier=None) -> dict[str, Any]:
    """Every minute: deliveries whose next attempt is due (temporary failures, stale `sending`)."""
    notifier = notifier or build_notifier(services)
    report = notifier.worker.send_due()
    return {"delivered": report.delivered, "retrying": report.retrying, "failed": report.failed}


def sweep_uploads(services: Services) -> dict[str, Any]:
    """Every hour: files posted to storage whose upload was never completed, a day on (portal.documents.sweep)."""
    from portal.documents.sweep import sweep_abandoned_uploads

    documents = services.documents
    if documents is None:
        return {"objectsDeleted": 0, "documentsForgotten": 0}  # no file storage configured
    report = sweep_abandoned_uploads(documents.documents, documents.objects, services.clock)
    return {"objectsDeleted": report.objects_deleted, "documentsForgotten": report.documents_forgotten}


def clients_housekeeping(services: Services, email=None) -> dict[str, Any]:
    """Every morning (08:00 in Vietnam): registered clients' secrets past their overlap are dropped (and
    their Cognito app clients deleted), and contacts of clients expiring within 30 or 7 days are e-mailed."""
    from portal.bootstrap import email_client
    from portal.clients.expiry import warn_expiring
    from portal.config import settings

    config = settings()
    retired = services.clients.retire_secrets()
    warned = warn_expiring(services.clients.records, email or email_client(config), services.clock, config.portal_url)
    return {"retiredSecrets": retired, "expiryWarnings": warned}


def draft_reminders(services: Services, notifier=None) -> dict[str, Any]:
    """Every morning (08:00 in Vietnam): citizens told of drafts deleted within REMINDER_DAYS (once per expiry),
    drafts past their expiry deleted where DynamoDB's TTL has not yet (TTL is the deletion; this is the sweep)."""
    from portal.notifications.draft_reminders import remind_and_sweep

    notifier = notifier or build_notifier(services)
    report = remind_and_sweep(services.drafts, notifier, services.clock)
    return {"reminded": report.reminded, "deleted": report.deleted, "skipped": report.skipped}


def escalate_feedback(services: Services) -> dict[str, Any]:
    """Every morning (07:00 in Vietnam): feedback past its due date unanswered goes to the province's own
    center, and the reporter is told (portal.feedback; Decree 20/2008/NĐ-CP sets the time to answer)."""
    escalated = services.feedback_service.escalate_overdue()
    return {"escalated": len(escalated)}


def sweep_payments(services: Services) -> dict[str, Any]:
    """Every 5 minutes: payments still open past their expiry, settled with the provider (paid after all,
    or expired), so no dossier waits behind an abandoned payment and nothing paid is lost."""
    from portal.bootstrap import payment_service

    if services.payment_provider is None or services.payments is None:
        return {"skipped": "no payment provider"}
    report = payment_service(services).sweep_abandoned()
    return {
        "checked": report.checked,
        "succeeded": report.succeeded,
        "expired": report.expired,
        "other": report.other,
        "retrying": report.retrying,
    }


def reconciliation(services: Services, day: date | None = None) -> dict[str, Any]:
    """A day's payments (default: yesterday, Vietnam time) against the provider's settlement report."""
    from portal.bootstrap import payment_service
    from portal.payments.reconciliation import as_dict

    day = day or (services.clock.now().date() - timedelta(days=1))
    return as_dict(payment_service(services).reconcile(day))


def reconcile_payments(services: Services) -> dict[str, Any]:
    """Every night (02:00 in Vietnam), in a function of its own: yesterday's reconciliation, logged as one
    structured record (a warning when the day does not balance: alarmed). By hand, for any day:
    python -m portal.entrypoints.reconcile_payments --day YYYY-MM-DD."""
    from portal.observability import logger

    result = reconciliation(services)
    (logger.info if result["balanced"] else logger.warning)("payment reconciliation", extra=result)
    return result


JOBS: dict[str, Job] = {
    "clients-housekeeping": clients_housekeeping,
    "officers-digest": officers_digest,
    "retry-deliveries": retry_deliveries,
    "sweep-uploads": sweep_uploads,
    "draft-reminders": draft_reminders,
    "escalate-feedback": escalate_feedback,
    "sweep-payments": sweep_payments,
    "reconcile-payments": reconcile_payments,
}
