"""The composition root: one container of stores and service objects per process (portal.bootstrap.container),
and the builders of what runs beside the API (the event stream's consumer and notifier, the webhook worker,
the payment verbs). Callers import these names from here."""

from portal.bootstrap.container import (
    Services,
    build_services,
    default_services,
    default_webhook_worker,
    default_webhooks,
    province_codes,
    shared_units,
)
from portal.bootstrap.events import build_notifier, build_stream_consumer, email_client, sms_client, webhook_subscriber
from portal.bootstrap.payments import payment_service
from portal.bootstrap.webhooks import build_webhook_worker

__all__ = [
    "Services",
    "build_notifier",
    "build_services",
    "build_stream_consumer",
    "build_webhook_worker",
    "default_services",
    "default_webhook_worker",
    "default_webhooks",
    "email_client",
    "payment_service",
    "province_codes",
    "shared_units",
    "sms_client",
    "webhook_subscriber",
]
