"""Following dossiers: the applicant's own, a center's queue, anyone's with its receipt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal.dossiers.access import check_can_read_dossier, dossier_not_found
from portal.dossiers.codes import check_dossier_code
from portal.dossiers.model import Dossier, Status
from portal.dossiers.repository import DossierRepository
from portal.dossiers.tracking import secret_matches
from portal.identity.access import require_applicant, require_officer, require_public_read, require_signed_in
from portal.identity.principal import Citizen, Officer, Principal, Scope
from portal.input_limits import check_length
from portal.pagination import Page


def get_dossier(dossiers: DossierRepository, principal: Principal, code: str) -> Dossier:
    """A dossier for its applicant or its center's officers; anyone else is told it does not exist."""
    require_signed_in(principal)
    code = check_dossier_code(code)
    dossier = dossiers.get(code)
    if dossier is None:
        raise dossier_not_found(code)
    check_can_read_dossier(principal, dossier)
    return dossier


def track_dossier(dossiers: DossierRepository, tracking_key: bytes, code: str, secret: str) -> Dossier:
    """A dossier for anyone holding its receipt (code + tracking secret). The caller shows only public fields."""
    code = check_dossier_code(code)
    check_length("trackingSecret", secret, "trackingSecret")
    if not secret_matches(tracking_key, code, secret):
        raise dossier_not_found(code)
    dossier = dossiers.get(code)
    if dossier is None:
        raise dossier_not_found(code)
    return dossier


def my_dossiers(dossiers: DossierRepository, citizen: Citizen, first: int | None, after: str | None) -> Page[Dossier]:
    return dossiers.by_applicant(citizen.id_number, first, after)


def filed_on_behalf(
    dossiers: DossierRepository, citizen: Citizen, first: int | None, after: str | None
) -> Page[Dossier]:
    """The dossiers the citizen filed for others as an authorized person (theirs to follow too)."""
    return dossiers.by_filer(citizen.id_number, first, after)


def center_queue(
    dossiers: DossierRepository, officer: Officer, status: Status | None, first: int | None, after: str | None
) -> Page[Dossier]:
    """The officer's center's dossiers, by status then appointment date (the most urgent first)."""
    return dossiers.by_center(officer.center_id, status, first, after)


@dataclass(frozen=True)
class Following:
    """Reading dossiers, each verb checking who asks: the applicant's own (and those they filed for
    others), a center's queue for its officers, anyone's with its receipt (code + tracking secret)."""

    dossiers: DossierRepository
    tracking_key: Callable[[], bytes]  # a secret: read when a receipt is checked, never handed out

    def get(self, principal: Principal, code: str) -> Dossier:
        return get_dossier(self.dossiers, principal, code)

    def track(self, principal: Principal, code: str, secret: str) -> Dossier:
        require_public_read(principal)
        return track_dossier(self.dossiers, self.tracking_key(), code, secret)

    def mine(self, principal: Principal, first: int | None, after: str | None) -> Page[Dossier]:
        return my_dossiers(self.dossiers, require_applicant(principal, Scope.DOSSIERS_READ), first, after)

    def filed_on_behalf(self, principal: Principal, first: int | None, after: str | None) -> Page[Dossier]:
        return filed_on_behalf(self.dossiers, require_applicant(principal, Scope.DOSSIERS_READ), first, after)

    def center_queue(
        self, principal: Principal, status: Status | None, first: int | None, after: str | None
    ) -> Page[Dossier]:
        return center_queue(self.dossiers, require_officer(principal), status, first, after)
