"""Following dossiers: the applicant's own, a center's queue, anyone's with its receipt."""

from __future__ import annotations

from portal.dossiers.codes import check_dossier_code
from portal.dossiers.model import Dossier, Status
from portal.dossiers.repository import DossierRepository
from portal.dossiers.tracking import secret_matches
from portal.identity.access import check_can_read_dossier, dossier_not_found, require_signed_in
from portal.identity.principal import Citizen, Officer, Principal
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
