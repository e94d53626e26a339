"""The event stream's side: notifier, delivery channels, the stream consumer and its subscribers (their
modules load here, never on the API's import path)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.config import Settings, settings

if TYPE_CHECKING:
    from portal.bootstrap.container import Services


def email_client(config: Settings):
    from portal.channels.email import SesEmail, SmtpEmail, message_domain

    n = config.notify
    if n.email_provider == "ses":
        return SesEmail(n.mail_from, config.region)
    return SmtpEmail(n.smtp_host, n.smtp_port, n.mail_from, domain=message_domain(config.portal_url))


def sms_client(config: Settings):
    from portal.channels.sms import OutboxSms, SnsSms

    if config.notify.sms_provider == "sns":
        return SnsSms(config.region)
    return OutboxSms(config.notify.sms_outbox_dir or None)


def build_notifier(services: Services, config: Settings | None = None, email=None, sms=None):
    """The notifier and its delivery worker; `email` and `sms` replace the configured clients (tests)."""
    from datetime import timedelta

    from portal.notifications.service import Notifier
    from portal.notifications.worker import DeliveryWorker

    config = config or settings()
    worker = DeliveryWorker(
        services.notifications,
        email or email_client(config),
        sms or sms_client(config),
        services.clock,
        first_backoff=timedelta(seconds=config.notify.retry_backoff_seconds),
    )
    return Notifier(services.dossiers, services.notifications, worker, services.clock, config.portal_url)


def build_stream_consumer(services: Services, config: Settings | None = None, notifier=None, webhooks: bool = True):
    from portal.events.consumer import StreamConsumer
    from portal.store.tables import connection

    config = config or settings()
    notifier = notifier or build_notifier(services, config)
    return StreamConsumer(
        notifier,
        config.tables.idempotency,
        connection().client,
        subscribers=[bundle_subscriber(services), *([webhook_subscriber(services)] if webhooks else [])],
        dossiers=services.dossiers,
    )


def bundle_subscriber(services: Services):
    from portal.bootstrap.bundles import bundle_subscriber as subscriber

    return subscriber(services)


def webhook_subscriber(services: Services):
    """Each dossier event to the third-party apps subscribed to it (deliveries recorded once per
    subscription, code and seq; the webhook worker sends them)."""
    from portal.webhooks.model import DossierEvent

    def on_event(dossier, event) -> None:  # read once by the consumer for every subscriber
        if services.webhooks is not None:
            services.webhooks.on_dossier_event(DossierEvent.of(dossier, event))

    return on_event
