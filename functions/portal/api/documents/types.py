"""GraphQL types of documents: a stored file, an upload policy, a download link."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portal.api.graphql.pagination import PageInfo
from portal.documents import model
from portal.documents.policy import rejection_message

DocumentState = strawberry.enum(model.State, name="DocumentState")
DocumentPurpose = strawberry.enum(model.Purpose, name="DocumentPurpose")


@strawberry.type(description="A file in storage: checked on its first bytes, hashed, scanned.")
class Document:
    document: strawberry.Private[model.Document]

    @strawberry.field
    def id(self) -> str:
        return self.document.id

    @strawberry.field(description="The name the file was uploaded with (the type comes from its content).")
    def file_name(self) -> str:
        return self.document.file_name

    @strawberry.field(description="The procedure's required document this file stands for.")
    def slot(self) -> str:
        return self.document.slot

    @strawberry.field
    def procedure_code(self) -> str:
        return self.document.procedure_code

    @strawberry.field
    def purpose(self) -> DocumentPurpose:
        return self.document.purpose

    @strawberry.field(description="PENDING until uploaded and scanned; only CLEAN files are ever served.")
    def state(self) -> DocumentState:
        return self.document.state

    @strawberry.field(description="The type read from the file's first bytes (empty until uploaded).")
    def content_type(self) -> str:
        return self.document.content_type

    @strawberry.field(description="The stored object's real size.")
    def size_bytes(self) -> int:
        return self.document.size_bytes

    @strawberry.field
    def sha256(self) -> str:
        return self.document.sha256

    @strawberry.field
    def created_at(self) -> datetime:
        return self.document.created_at

    @strawberry.field(description="Why the file was rejected (Vietnamese), empty otherwise.")
    def rejection_reason(self) -> str:
        return rejection_message(self.document.reason)[0] if self.document.reason else ""

    @strawberry.field
    def rejection_reason_en(self) -> str:
        return rejection_message(self.document.reason)[1] if self.document.reason else ""


@strawberry.type
class UploadField:
    name: str
    value: str


@strawberry.type(description="Post the file to `url` as multipart/form-data: these fields first, then `file`.")
class DocumentUpload:
    document: Document
    url: str
    fields: list[UploadField]
    expires_at: datetime
    max_bytes: int

    @classmethod
    def of(cls, ticket: model.UploadTicket) -> DocumentUpload:
        return cls(
            document=Document(document=ticket.document),
            url=ticket.url,
            fields=[UploadField(name=k, value=v) for k, v in ticket.fields.items()],
            expires_at=ticket.expires_at,
            max_bytes=ticket.max_bytes,
        )


@strawberry.type
class DocumentCompleted:
    document: Document


@strawberry.type(description="A link to the file, valid a few minutes; every one handed out is recorded.")
class DocumentDownload:
    url: str
    expires_at: datetime


@strawberry.type
class DocumentEdge:
    node: Document


@strawberry.type
class DocumentConnection:
    edges: list[DocumentEdge]
    page_info: PageInfo


@strawberry.input
class RequestDocumentUploadInput:
    purpose: DocumentPurpose = strawberry.field(
        default=model.Purpose.FILING,
        description="FILING (before the dossier exists), SUPPLEMENT, DESK_SCAN or RESULT (into dossierCode).",
    )
    file_name: str = strawberry.field(description="At most 200 characters.")
    content_type: str = strawberry.field(description="application/pdf, image/jpeg or image/png.")
    size_bytes: int = strawberry.field(description="At most 10 MB (10485760 bytes).")
    procedure_code: str = strawberry.field(default="", description="FILING: the procedure being filed.")
    slot: str = strawberry.field(default="", description="The procedure's required document (by name).")
    dossier_code: str = strawberry.field(default="", description="The dossier the file goes into.")


@strawberry.input(description="A stored document attached to a new dossier (just uploaded, or from your store).")
class DossierDocumentInput:
    document_id: str
    slot: str = strawberry.field(default="", description="Which required document it stands for, if not its own.")


@strawberry.type(description="Whether a presented file is the electronic result the portal issued: no personal data.")
class DocumentVerification:
    code: str
    found: bool = strawberry.field(description="The portal issued a result under this code.")
    signature_valid: bool = strawberry.field(description="The portal's signature over the issued file's hash holds.")
    matches: bool | None = strawberry.field(
        description="The presented file's SHA-256 is the issued one's (null when no hash was given)."
    )
    issued_at: datetime | None
    procedure_name: str
    center_id: str
