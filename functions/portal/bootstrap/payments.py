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
    from portal.bootstrap.container import Services


def payment_provider(config: Settings) -> tuple[PaymentProvider | None, Callable[[], bytes] | None]:
    if not config.payment_provider_url:
        return None, None
    keys = payment_keys_source(config)
    provider = HttpPaymentProvider(config.payment_provider_url, lambda: keys()["apiKey"])
    return provider, lambda: keys()["webhookSecret"].encode()


def _not_configured() -> EngineUnavailable:
    return EngineUnavailable(
        "Chưa cấu hình cổng thanh toán.", "No payment provider is configured (PAYMENT_PROVIDER_URL)."
    )


class PaymentsUnavailable:
    """Where no payment provider is configured: every payment verb answers that it is unavailable."""

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _not_configured()


def build_payment_service(services: Services) -> PaymentService | PaymentsUnavailable:
    """The payment verbs over this container's stores, provider and clock (built once per container)."""
    if services.payment_provider is None or services.payments is None:
        return PaymentsUnavailable()
    return PaymentService(
        services.dossiers,
        services.payments,
        services.payment_provider,
        services.centers,
        services.clock,
        services.portal_url,
        webhook_secret=services.payment_webhook_secret,
    )


def payment_service(services: Services) -> PaymentService:
    """The container's payment verbs; EngineUnavailable where no provider is configured."""
    built = services.payment_service
    if isinstance(built, PaymentsUnavailable):
        raise _not_configured()
    return built
