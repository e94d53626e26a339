"""Interlinked filings as one service object the composition root builds (on first use: off the API's
cold start): each verb checks who asks, then the rules of portal.bundles.service."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class BundleService:
    bundles: BundleRepository
    dossiers: DossierRepository
    centers: CenterLookup
    catalog: Catalog
    clock: Clock

    def definition(self, principal: Principal, code: str) -> tuple[BundleDefinition, dict[str, Procedure]]:
        """Public: a group's members in order, with their procedures."""
        require_public_read(principal)
        definition = service.get_definition(code)
        return definition, service.definition_procedures(self.catalog, definition)

    def submit(self, principal: Principal, request: BundleRequest) -> BundleView:
        citizen = require_applicant(principal, Scope.DOSSIERS_WRITE)
        return service.submit_bundle(
            self.bundles, self.dossiers, self.centers, self.catalog, self.clock, citizen, request
        )

    def get(self, principal: Principal, bundle_id: str) -> BundleView:
        return service.get_bundle(self.bundles, self.dossiers, principal, bundle_id)

    def mine(self, principal: Principal) -> list[BundleView]:
        citizen = require_applicant(principal, Scope.DOSSIERS_READ)
        return service.my_bundles(self.bundles, self.dossiers, citizen)

    def withdraw(self, principal: Principal, bundle_id: str) -> BundleView:
        return service.withdraw_bundle(self.bundles, self.dossiers, self.clock, principal, bundle_id)
