"""Interlinked filings as one service object the composition root builds (on first use: off the API's
cold start): each verb checks who asks, then the rules of portal.bundles.service."""

from __future__ import annotations

from portal.bundles import service
from portal.bundles.definitions import BundleDefinition
from portal.bundles.repository import BundleRepository
from portal.bundles.service import BundleRequest, BundleView
from portal.clock import Clock
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.identity.access import require_applicant, require_public_read
from portal.identity.principal import Principal, Scope
from portal.procedures.catalog import Catalog
from portal.procedures.model import Procedure


class BundleService:
    def __init__(
        self,
        bundles: BundleRepository,
        dossiers: DossierRepository,
        centers: CenterLookup,
        catalog: Catalog,
        clock: Clock,
    ) -> None:
        self._bundles = bundles
        self._dossiers = dossiers
        self._centers = centers
        self._catalog = catalog
        self._clock = clock

    def definition(self, principal: Principal, code: str) -> tuple[BundleDefinition, dict[str, Procedure]]:
        """Public: a group's members in order, with their procedures."""
        require_public_read(principal)
        definition = service.get_definition(code)
        return definition, service.definition_procedures(self._catalog, definition)

    def submit(self, principal: Principal, request: BundleRequest) -> BundleView:
        citizen = require_applicant(principal, Scope.DOSSIERS_WRITE)
        return service.submit_bundle(
            self._bundles, self._dossiers, self._centers, self._catalog, self._clock, citizen, request
        )

    def get(self, principal: Principal, bundle_id: str) -> BundleView:
        return service.get_bundle(self._bundles, self._dossiers, principal, bundle_id)

    def mine(self, principal: Principal) -> list[BundleView]:
        citizen = require_applicant(principal, Scope.DOSSIERS_READ)
        return service.my_bundles(self._bundles, self._dossiers, citizen)

    def withdraw(self, principal: Principal, bundle_id: str) -> BundleView:
        return service.withdraw_bundle(self._bundles, self._dossiers, self._clock, principal, bundle_id)
