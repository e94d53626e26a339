"""Reading files: a citizen's personal store, and short-lived download links."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.documents.types import (
    Document,
    DocumentConnection,
    DocumentDownload,
    DocumentEdge,
    DocumentVerification,
)
from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.dossiers.slips import Slip
from portal.input_limits import check_length

DossierSlip = strawberry.enum(Slip, name="DossierSlip")


@strawberry.type
class DocumentQueries:
    @strawberry.field(
        description="Your personal store (Kho dữ liệu cá nhân): every clean document and electronic result, "
        "newest first; attach one to a new dossier instead of uploading it again."
    )
    def my_documents(
        self, info: Info[PortalContext, None], first: int | None = None, after: str | None = None
    ) -> DocumentConnection:
        ctx = info.context
        page = ctx.services.documents.stored(ctx.principal, first, after)
        return DocumentConnection(
            edges=[DocumentEdge(node=Document(document=d)) for d in page.items], page_info=PageInfo.of(page.end_cursor)
        )

    @strawberry.field(
        description="A link of a few minutes to a clean file of a dossier you may read (recorded on its audit "
        "trail), or, without dossierCode, to a file of your own store."
    )
    def document_download(
        self, info: Info[PortalContext, None], document_id: str, dossier_code: str = ""
    ) -> DocumentDownload:
        ctx = info.context
        check_length("documentId", document_id, "code")
        check_length("dossierCode", dossier_code, "code")
        download = ctx.services.documents.download(ctx.principal, document_id, dossier_code)
        return DocumentDownload(url=download.url, expires_at=download.expires_at)

    @strawberry.field(
        description="Public: is this file the electronic result issued under `code` (the QR code on it)? Give the "
        "file's SHA-256 (computed in the browser); the answer holds no personal data."
    )
    def verify_document(self, info: Info[PortalContext, None], code: str, sha256: str = "") -> DocumentVerification:
        ctx = info.context
        check_length("code", code, "code")
        check_length("sha256", sha256, "code")
        v = ctx.services.documents.verify(ctx.principal, code, sha256)
        return DocumentVerification(
            code=v.code,
            found=v.found,
            signature_valid=v.signature_valid,
            matches=v.matches,
            issued_at=v.issued_at,
            procedure_name=v.procedure_name,
            center_id=v.center_id,
        )

    @strawberry.field(
        description="A PDF of an official slip of your dossier (Circular 03/2025): RECEIPT (form 01), "
        "SUPPLEMENT_REQUEST (form 02), APOLOGY (form 04); a link of a few minutes."
    )
    def dossier_slip(self, info: Info[PortalContext, None], code: str, slip: DossierSlip) -> DocumentDownload:
        check_length("code", code, "code")
        download = info.context.services.printing.slip(info.context.principal, code, slip)
        return DocumentDownload(url=download.url, expires_at=download.expires_at)
