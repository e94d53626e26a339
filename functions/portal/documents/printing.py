"""The official slips (forms 01, 02, 04) as PDFs for whoever may read the dossier: rendered, put in
storage under slips/, handed out as a link of a few minutes like any other file of the dossier."""

from __future__ import annotations

from portal.clock import Clock
from portal.documents import policy
from portal.documents.model import Download
from portal.documents.repository import ObjectStorage
from portal.dossiers import slips
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.dossiers.service import get_dossier
from portal.dossiers.tracking import tracking_secret
from portal.identity.principal import Principal

SLIP_PREFIX = "slips/"


def slip_download(
    dossiers: DossierRepository,
    centers: CenterLookup,
    objects: ObjectStorage,
    clock: Clock,
    tracking_key: bytes,
    site_url: str,
    principal: Principal,
    code: str,
    slip: slips.Slip,
) -> Download:
    dossier = get_dossier(dossiers, principal, code)
    slips.check_available(dossier, slip)
    center = centers.get(dossier.center_id)
    issuer = (
        slips.Issuer(center.name, center.address, center.hotline) if center else slips.Issuer(dossier.center_id, "", "")
    )
    body = slips.render(
        dossier, slip, issuer, tracking_secret(tracking_key, dossier.code), f"{site_url.rstrip('/')}/#/tra-cuu-ho-so"
    )
    key = f"{SLIP_PREFIX}{dossier.code}/{slip.value}-v{dossier.version}.pdf"
    objects.put(key, body, "application/pdf")
    url = objects.presigned_get(key, f"{slip.value}-{dossier.code}.pdf", "application/pdf", policy.DOWNLOAD_WINDOW)
    return Download(url, clock.now() + policy.DOWNLOAD_WINDOW)
