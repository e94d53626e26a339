"""Uploading files: a short-lived policy to post one file straight to storage, then its completion."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.documents.types import Document, DocumentCompleted, DocumentUpload, RequestDocumentUploadInput
from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import ConflictError, InvalidInputError, NotFoundError
from portal.documents.model import UploadRequest
from portal.input_limits import LIMITS, check_length

RequestDocumentUploadResult = Annotated[
    DocumentUpload | InvalidInputError | NotFoundError | ConflictError, strawberry.union("RequestDocumentUploadResult")
]
CompleteDocumentUploadResult = Annotated[
    DocumentCompleted | InvalidInputError | NotFoundError | ConflictError,
    strawberry.union("CompleteDocumentUploadResult"),
]


def _bounded(value: str, field: str, limit_name: str = "code") -> str:
    return check_length(field, value, limit_name)


@strawberry.type
class DocumentMutations:
    @strawberry.mutation(
        description="A policy to post one file (of a dossier being filed, a supplement, a desk scan or a result) "
        "straight to storage, valid 15 minutes. Then call completeDocumentUpload."
    )
    def request_document_upload(
        self, info: Info[PortalContext, None], input: RequestDocumentUploadInput
    ) -> RequestDocumentUploadResult:
        ctx = info.context
        request = UploadRequest(
            purpose=input.purpose,
            file_name=input.file_name[: LIMITS["fileName"] + 1],  # longer is refused by the policy, named
            content_type=_bounded(input.content_type, "contentType", "contentType"),
            size_bytes=input.size_bytes,
            procedure_code=_bounded(input.procedure_code, "procedureCode"),
            slot=_bounded(input.slot, "slot", "slot"),
            dossier_code=_bounded(input.dossier_code, "dossierCode"),
        )
        return DocumentUpload.of(ctx.services.documents.request_upload(ctx.principal, request))

    @strawberry.mutation(
        description="After the upload: the portal checks the file (size, type from its content, SHA-256, "
        "malware scan) and keeps it, or rejects it with the reason."
    )
    def complete_document_upload(
        self, info: Info[PortalContext, None], document_id: str
    ) -> CompleteDocumentUploadResult:
        ctx = info.context
        document = ctx.services.documents.complete_upload(ctx.principal, _bounded(document_id, "documentId"))
        return DocumentCompleted(document=Document(document=document))
