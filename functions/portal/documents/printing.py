"""The official slips (forms 01, 02, 04) and the electronic receipts of payments as PDFs for whoever may
read the dossier: rendered, put in storage (slips/, receipts/), handed out as a link of a few minutes like
any other file of the dossier."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal.clock import Clock
from portal.documents import policy
from portal.documents.model import Download
from portal.documents.repository import ObjectStorage
from portal.dossiers import slips
from portal.dossiers.following import get_dossier
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.dossiers.tracking import tracking_secret
from portal.errors import EngineUnavailable
from portal.identity.principal import Principal
from portal.payments.lookup import PaymentLookup
from portal.payments.repository import PaymentRepository

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


RECEIPT_PREFIX = "receipts/"


@dataclass(frozen=True)
class ReceiptFile:
    payment_id: str
    number: str
    download: Download


def receipt_downloads(
    dossiers: DossierRepository,
    payments: PaymentRepository,
    objects: ObjectStorage,
    clock: Clock,
    site_url: str,
    principal: Principal,
    code: str,
    payment_id: str = "",
) -> list[ReceiptFile]:
    """The electronic receipts of a dossier's successful payments (or of the one named) as PDFs, for whoever
    may read the dossier; a payment without a receipt (not paid) has none."""
    from portal.payments.receipt_pdf import render_receipt

    dossier = get_dossier(dossiers, principal, code)
    lookup = PaymentLookup(dossiers, payments)
    found = (lookup.payment(dossier, payment_id),) if payment_id else payments.for_dossier(dossier.code)
    files = []
    for payment in found:
        if payment.receipt is None:
            continue
        body = render_receipt(payment, f"{site_url.rstrip('/')}/#/thanh-toan/{dossier.code}")
        key = f"{RECEIPT_PREFIX}{dossier.code}/{payment.receipt.number}-v{payment.version}.pdf"
        objects.put(key, body, "application/pdf")
        name = f"bien-lai-{payment.receipt.number}.pdf"
        url = objects.presigned_get(key, name, "application/pdf", policy.DOWNLOAD_WINDOW)
        files.append(
            ReceiptFile(payment.payment_id, payment.receipt.number, Download(url, clock.now() + policy.DOWNLOAD_WINDOW))
        )
    return files


@dataclass(frozen=True)
class Printing:
    """The slips and receipts of a dossier as PDFs, for whoever may read it. The receipts' tracking key
    and the portal's public address are held here: they never reach a resolver."""

    dossiers: DossierRepository
    centers: CenterLookup
    payments: PaymentRepository | None
    objects: ObjectStorage
    clock: Clock
    tracking_key: Callable[[], bytes]
    site_url: str

    def slip(self, principal: Principal, code: str, slip: slips.Slip) -> Download:
        return slip_download(
            self.dossiers,
            self.centers,
            self.objects,
            self.clock,
            self.tracking_key(),
            self.site_url,
            principal,
            code,
            slip,
        )

    def receipts(self, principal: Principal, code: str, payment_id: str = "") -> list[ReceiptFile]:
        if self.payments is None:
            raise EngineUnavailable(
                "Chưa cấu hình cổng thanh toán.", "No payment provider is configured (PAYMENT_PROVIDER_URL)."
            )
        return receipt_downloads(
            self.dossiers, self.payments, self.objects, self.clock, self.site_url, principal, code, payment_id
        )
