"""The composition root: the stores, catalog, clock and token verifier one container shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

from portal.clients.service import ClientRegistry
from portal.clock import Clock, SystemClock
from portal.config import NotifySettings, Settings, StorageSettings, settings
from portal.errors import EngineUnavailable
from portal.identity.tokens import IssuerConfig, TokenVerifier
from portal.kpis.public_index import ServiceIndex
from portal.payments.gateway import HttpPaymentProvider
from portal.payments.repository import PaymentProvider
from portal.payments.service import PaymentService
from portal.procedures.catalog import Catalog, shipped_index
from portal.ratelimit.policy import Limits
from portal.ratelimit.service import CounterStore, RecentRefusals
from portal.store.centers import CenterStore
from portal.store.clients import ClientStore
from portal.store.dossiers import DossierStore
from portal.store.drafts import DraftStore
from portal.store.notifications import NotificationStore
from portal.store.payments import PaymentStore
from portal.store.procedures import ProcedureStore
from portal.store.rate_limits import RateLimitStore
from portal.store.stats import StatsStore
from portal.store.ttl_cache import TtlCache
from portal.units.directory import UnitDirectory
from portal.units.model import Gazetteer
from portal.webhooks.service import Webhooks, WebhookStores

if TYPE_CHECKING:
    from portal.documents.repository import Scanner
    from portal.documents.service import Documents
    from portal.store.objects import S3Objects


@dataclass
class Services:
    catalog: Catalog
    procedures: ProcedureStore
    centers: CenterStore
    dossiers: DossierStore
    stats: StatsStore
    units: UnitDirectory
    clock: Clock
    verifier: TokenVerifier | None  # None when no issuer is configured: every request is anonymous
    tracking_key: Callable[[], bytes]
    rate_limits: Limits
    rate_counters: CounterStore
    rate_refusals: RecentRefusals
    service_index: ServiceIndex
    client_ip_header: str = ""
    notifications: NotificationStore | None = None
    notify: NotifySettings | None = None
    payments: PaymentStore | None = None
    payment_provider: PaymentProvider | None = None  # None when no provider is configured
    payment_webhook_secret: Callable[[], bytes] | None = None
    portal_base_url: str = ""
    site_url: str = ""
    documents_factory: Callable[[], Documents | None] | None = None

    @cached_property
    def documents(self) -> Documents | None:
        """Files of dossiers, built on first use (None only where no bucket is configured): a request that
        touches no file does not load the document modules."""
        return self.documents_factory() if self.documents_factory else None

    drafts: DraftStore = field(default_factory=DraftStore)
    clients: ClientRegistry | None = None  # third-party apps' registrations (portal.clients)
    webhooks: Webhooks | None = None  # their webhook subscriptions and delivery logs (portal.webhooks)


def _tracking_key_source(config: Settings) -> Callable[[], bytes]:
    """In AWS the key is a SecureString in SSM Parameter Store, read (and cached 5 min) through powertools."""
    if config.tracking_key_parameter:
        name = config.tracking_key_parameter

        def from_parameter_store() -> bytes:
            from aws_lambda_powertools.utilities import parameters

            return parameters.get_parameter(name, decrypt=True, max_age=300).encode()

        return from_parameter_store
    if config.tracking_key:
        key = config.tracking_key.encode()
        return lambda: key

    def missing() -> bytes:
        raise RuntimeError("set TRACKING_KEY_PARAMETER (AWS) or TRACKING_KEY (local)")

    return missing


def _payment_keys(config: Settings) -> Callable[[], dict[str, str]]:
    """The provider's API key and notification secret: one SecureString JSON in SSM in AWS, plain locally."""
    if config.payment_keys_parameter:
        name = config.payment_keys_parameter

        def from_parameter_store() -> dict[str, str]:
            import json

            from aws_lambda_powertools.utilities import parameters

            return json.loads(parameters.get_parameter(name, decrypt=True, max_age=300))

        return from_parameter_store
    keys = {"apiKey": config.payment_api_key, "webhookSecret": config.payment_webhook_secret}
    return lambda: keys


def _payment_provider(config: Settings) -> tuple[PaymentProvider | None, Callable[[], bytes] | None]:
    if not config.payment_provider_url:
        return None, None
    keys = _payment_keys(config)
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
        services.portal_base_url,
        webhook_secret=secret() if secret else None,
    )


def _signing_key_source(config: Settings) -> Callable[[], bytes] | None:
    """The key sealing electronic results: SSM Parameter Store in AWS (cached 5 min), a local file elsewhere."""
    if config.signing_key_parameter:
        name = config.signing_key_parameter

        def from_parameter_store() -> bytes:
            from aws_lambda_powertools.utilities import parameters

            return parameters.get_parameter(name, decrypt=True, max_age=300).encode()

        return from_parameter_store
    if config.signing_key_file:
        from pathlib import Path

        path = Path(config.signing_key_file)
        return lambda: path.read_bytes()
    return None


def _scanner(storage: StorageSettings, objects: S3Objects) -> Scanner:
    from portal.store.objects import GuardDutyVerdicts

    if storage.scanner == "clamscan":
        from pathlib import Path

        from portal.documents.scanners import ClamScan

        return ClamScan(Path(storage.clamscan_database))
    return GuardDutyVerdicts(objects)


def _documents(config: Settings, dossiers: DossierStore, catalog: Catalog, clock: Clock) -> Documents | None:
    from portal.documents.seals import Sealer
    from portal.documents.service import Documents
    from portal.store.documents import DocumentStore
    from portal.store.objects import S3Objects

    storage = config.storage
    if not storage.bucket:
        return None
    objects = S3Objects(
        storage.bucket, config.region, storage.endpoint, storage.access_key, storage.secret_key, storage.upload_url
    )
    key = _signing_key_source(config)
    sealer = Sealer(key) if key else None
    return Documents(DocumentStore(), objects, _scanner(storage, objects), dossiers, catalog, clock, sealer)


def build_services(config: Settings | None = None, clock: Clock | None = None) -> Services:
    config = config or settings()
    procedures = ProcedureStore(cache_seconds=config.reference_cache_seconds)
    provider, webhook_secret = _payment_provider(config)
    clock = clock or SystemClock()
    clients = ClientRegistry(ClientStore(), clock)
    verifier = None
    if config.oidc_issuer and config.oidc_jwks_url:
        verifier = TokenVerifier(IssuerConfig(config.oidc_issuer, config.oidc_audience, config.oidc_jwks_url))
    centers = CenterStore(cache_seconds=config.reference_cache_seconds)
    stats = StatsStore()
    units = shared_units()
    index_cache: TtlCache = TtlCache(config.service_index_cache_seconds, max_entries=512)
    catalog = Catalog(shipped_index, procedures)
    dossiers = DossierStore()
    return Services(
        catalog=catalog,
        procedures=procedures,
        centers=centers,
        dossiers=dossiers,
        stats=stats,
        units=units,
        clock=clock,
        verifier=verifier,
        tracking_key=_tracking_key_source(config),
        rate_limits=config.rate_limits,
        rate_counters=RateLimitStore(),
        rate_refusals=RecentRefusals(),
        service_index=ServiceIndex(stats, centers, units, index_cache),
        client_ip_header=config.client_ip_header,
        notifications=NotificationStore(),
        notify=config.notify,
        payments=PaymentStore(),
        payment_provider=provider,
        payment_webhook_secret=webhook_secret,
        portal_base_url=config.portal_base_url,
        site_url=config.site_url,
        documents_factory=lambda: _documents(config, dossiers, catalog, clock),
        clients=clients,
        webhooks=Webhooks(_webhook_stores(config, clock, clients)),
    )


# --- the event stream, notifications and jobs (their modules load here, never on the API's import path) ---
def email_client(config: Settings):
    from portal.channels.email import SesEmail, SmtpEmail

    n = config.notify
    if n.email_provider == "ses":
        return SesEmail(n.mail_from, config.region)
    return SmtpEmail(n.smtp_host, n.smtp_port, n.mail_from)


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
    return Notifier(services.dossiers, services.notifications, worker, services.clock, config.notify.portal_url)


def build_stream_consumer(services: Services, config: Settings | None = None, notifier=None, webhooks: bool = True):
    from portal.events.consumer import StreamConsumer
    from portal.store.tables import connection

    config = config or settings()
    notifier = notifier or build_notifier(services, config)
    return StreamConsumer(
        notifier,
        config.tables.idempotency,
        connection().client,
        subscribers=[webhook_subscriber(services)] if webhooks else [],
    )


def webhook_subscriber(services: Services):
    """Each dossier event to the third-party apps subscribed to it (deliveries recorded once per
    subscription, code and seq; the webhook worker sends them)."""
    from portal.webhooks.model import DossierEvent

    def on_event(code: str, seq: int) -> None:
        dossier = services.dossiers.get(code)
        event = next((e for e in dossier.timeline if e.seq == seq), None) if dossier else None
        if dossier is not None and event is not None and services.webhooks is not None:
            services.webhooks.on_dossier_event(DossierEvent.of(dossier, event))

    return on_event


def province_codes(services: Services) -> list[str]:
    return sorted(services.units.gazetteer.provinces)


def _webhook_stores(config: Settings, clock: Clock, clients: ClientRegistry) -> WebhookStores:
    from portal.store.webhooks import DeliveryStore, LocalDeliveryQueue, SubscriptionStore

    tracking_key = _tracking_key_source(config)
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


def build_webhook_worker(config: Settings | None = None, clock: Clock | None = None, services: Services | None = None):
    """The delivery worker (the local engine's loop, or the SQS-triggered function in AWS)."""
    from portal.store.webhooks import LocalDeliveryQueue
    from portal.webhooks.worker import DeliveryWorker

    services = services or build_services(config, clock)
    return DeliveryWorker(services.webhooks.stores, LocalDeliveryQueue())


def _load_gazetteer() -> Gazetteer:
    from portal.units.sources import load_gazetteer  # vietnam-provinces loads with the first unit query

    return load_gazetteer()


@cache
def shared_units() -> UnitDirectory:
    """One per process: the units never change while it runs (they ship with the code)."""
    return UnitDirectory(_load_gazetteer)


@cache
def default_services() -> Services:
    return build_services()


@cache
def default_webhooks() -> Webhooks:
    return default_services().webhooks


@cache
def default_webhook_worker():
    return build_webhook_worker(services=default_services())
