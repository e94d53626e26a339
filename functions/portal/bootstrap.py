"""The composition root: the stores, catalog, clock and token verifier one container shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from portal.clock import Clock, SystemClock
from portal.config import Settings, StorageSettings, settings
from portal.identity.tokens import IssuerConfig, TokenVerifier
from portal.procedures.catalog import Catalog
from portal.ratelimit.policy import Limits
from portal.ratelimit.service import CounterStore, RecentRefusals
from portal.store.centers import CenterStore
from portal.store.dossiers import DossierStore
from portal.store.procedures import ProcedureStore
from portal.store.rate_limits import RateLimitStore
from portal.store.stats import StatsStore
from portal.units.directory import UnitDirectory
from portal.units.model import Gazetteer

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
    client_ip_header: str = ""
    site_url: str = ""
    documents_factory: Callable[[], Documents | None] | None = None

    @cached_property
    def documents(self) -> Documents | None:
        """Files of dossiers, built on first use (None only where no bucket is configured): a request that
        touches no file does not load the document modules."""
        return self.documents_factory() if self.documents_factory else None


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
    procedures = ProcedureStore()
    verifier = None
    if config.oidc_issuer and config.oidc_jwks_url:
        verifier = TokenVerifier(IssuerConfig(config.oidc_issuer, config.oidc_audience, config.oidc_jwks_url))
    clock = clock or SystemClock()
    catalog = Catalog(procedures.load_catalog, refresh_seconds=config.catalog_refresh_seconds)
    dossiers = DossierStore()
    return Services(
        catalog=catalog,
        procedures=procedures,
        centers=CenterStore(cache_seconds=config.reference_cache_seconds),
        dossiers=dossiers,
        stats=StatsStore(),
        units=shared_units(),
        clock=clock,
        verifier=verifier,
        tracking_key=_tracking_key_source(config),
        rate_limits=config.rate_limits,
        rate_counters=RateLimitStore(),
        rate_refusals=RecentRefusals(),
        client_ip_header=config.client_ip_header,
        site_url=config.site_url,
        documents_factory=lambda: _documents(config, dossiers, catalog, clock),
    )


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
