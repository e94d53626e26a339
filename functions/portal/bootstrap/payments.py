"""The payment verbs' wiring: the configured provider, its keys, this container's stores."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from portal.bootstrap.secrets import payment_keys_source
from portal.config import Settings
from portal.errors import EngineUnavailable
from portal.payments.gateway import HttpPaymentProvider
from portal.payments.repository import PaymentProvider
from portal.payments.service import PaymentService

if TYPE_CHECKING:
    from portal.bootstrap import Services


def payment_provider(config: Settings) -> tuple[PaymentProvider | None, Callable[[], bytes] | None]:
    if not config.payment_provider_url:
        return None, None
    keys = payment_keys_source(config)
    provider = HttpPaymentProvider(config.payment_provider_url, lambda: keys()["apiKey"])
    return provider, lambda: keys()["webhookSecret"].encode()


def payment_service(services: Services) -> PaymentService:
    """The payment verbs over this container's stores, provider and clock."""
    if services.payment_provider is None or services.payments is None:
        raise EngineUnavailable(
            "Chưa cấu hình cổng thanh toán.", "No payment provider is configured (PAYMENT_PROVIDER_URL)."
        )
    secret = services.payment_webhook_secret
    return PaymentService(
        services.dossiers,
        services.payments,
        services.payment_provider,
        services.centers,
        services.clock,
        services.portal_url,
        webhook_secret=secret() if secret else None,
    )
