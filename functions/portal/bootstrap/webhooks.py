"""Third-party apps' webhooks: subscriptions, delivery logs, the queue (SQS in AWS, a table partition
locally) and the delivery worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.bootstrap.secrets import tracking_key_source
from portal.clients.service import ClientRegistry
from portal.clock import Clock
from portal.config import Settings
from portal.webhooks.service import WebhookStores

if TYPE_CHECKING:
    from portal.bootstrap.container import Services


def webhook_stores(config: Settings, clock: Clock, clients: ClientRegistry) -> WebhookStores:
    from portal.store.webhooks import DeliveryStore, LocalDeliveryQueue, SubscriptionStore

    tracking_key = tracking_key_source(config)
    queue = LocalDeliveryQueue()
    if config.webhook_queue_url:
        from portal.webhooks.sqs_queue import SqsDeliveryQueue

        queue = SqsDeliveryQueue(config.webhook_queue_url, config.region, clock)

    def contact_of(client_id: str) -> str:
        client = clients.lookup(client_id)
        return client.contact_email if client else ""

    return WebhookStores(
        subscriptions=SubscriptionStore(),
        deliveries=DeliveryStore(),
        queue=queue,
        clock=clock,
        key=lambda: b"webhooks#" + tracking_key(),  # the tracking key, kept apart by its label (HMAC input)
        allow_loopback=config.webhook_allow_loopback,
        contact_of=contact_of,
    )


def build_webhook_worker(
    config: Settings | None = None, clock: Clock | None = None, services: Services | None = None, email=None
):
    """The delivery worker (the local engine's loop, or the SQS-triggered function in AWS); it tells a
    client's contact by e-mail (`email` replaces the configured channel) when an endpoint is disabled."""
    from portal.bootstrap.events import email_client
    from portal.config import settings
    from portal.store.webhooks import LocalDeliveryQueue
    from portal.webhooks.notices import MailNotifier
    from portal.webhooks.worker import DeliveryWorker

    if services is None:
        from portal.bootstrap.container import build_services

        services = build_services(config, clock)
    config = config or settings()
    notifier = MailNotifier(email or email_client(config), config.portal_url)
    return DeliveryWorker(services.webhooks.stores, LocalDeliveryQueue(), notifier=notifier)
