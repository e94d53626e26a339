"""The composition root: the stores, catalog, clock and token verifier one container shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from portal.clock import Clock, SystemClock
from portal.config import Settings, settings
from portal.identity.tokens import IssuerConfig, TokenVerifier
from portal.procedures.catalog import Catalog
from portal.ratelimit.policy import Limits
from portal.ratelimit.service import CounterStore, RecentRefusals
from portal.store.centers import CenterStore
from portal.store.dossiers import DossierStore
from portal.store.drafts import DraftStore
from portal.store.procedures import ProcedureStore
from portal.store.rate_limits import RateLimitStore
from portal.store.stats import StatsStore
from portal.units.directory import UnitDirectory
from portal.units.model import Gazetteer


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
    drafts: DraftStore = field(default_factory=DraftStore)


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


def build_services(config: Settings | None = None, clock: Clock | None = None) -> Services:
    config = config or settings()
    procedures = ProcedureStore()
    verifier = None
    if config.oidc_issuer and config.oidc_jwks_url:
        verifier = TokenVerifier(IssuerConfig(config.oidc_issuer, config.oidc_audience, config.oidc_jwks_url))
    return Services(
        catalog=Catalog(procedures.load_catalog, refresh_seconds=config.catalog_refresh_seconds),
        procedures=procedures,
        centers=CenterStore(cache_seconds=config.reference_cache_seconds),
        dossiers=DossierStore(),
        stats=StatsStore(),
        units=shared_units(),
        clock=clock or SystemClock(),
        verifier=verifier,
        tracking_key=_tracking_key_source(config),
        rate_limits=config.rate_limits,
        rate_counters=RateLimitStore(),
        rate_refusals=RecentRefusals(),
        client_ip_header=config.client_ip_header,
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
