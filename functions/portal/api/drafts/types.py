"""GraphQL types of drafts: a filing saved as it is typed, resumable after sign-in on any device."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from portal.api.documents.types import DossierDocumentInput
from portal.api.dossiers.inputs import AttachmentInput
from portal.api.dossiers.parts import Attachment, attachment_view
from portal.drafts import model


@strawberry.type(description="A filing not yet submitted, deleted 30 days after its last change.")
class Draft:
    procedure_code: str
    procedure_name: str
    client_request_id: str = strawberry.field(description="The filing's request id: submit with this one.")
    form_data: JSON
    phone: str
    email: str
    center_id: str
    attachments: list[Attachment]
    saved: bool = strawberry.field(description="False for a filing just opened: nothing saved yet.")
    updated_at: datetime | None
    expires_at: datetime | None = strawberry.field(description="When the draft will be deleted if not changed.")
    dossier_code: str | None = strawberry.field(description="The dossier this filing made, once submitted.")

    @classmethod
    def from_domain(cls, d: model.Draft) -> Draft:
        return cls(
            procedure_code=d.procedure_code,
            procedure_name=d.procedure_name,
            client_request_id=d.request_id,
            form_data=d.answers,
            phone=d.phone,
            email=d.email,
            center_id=d.center_id,
            attachments=[attachment_view(a) for a in d.attachments],
            saved=d.saved,
            updated_at=d.updated_at,
            expires_at=d.expires_at,
            dossier_code=d.dossier_code,
        )


@strawberry.input
class SaveDraftInput:
    client_request_id: str = strawberry.field(description="Made when the form first opens; kept until submitted.")
    procedure_code: str
    form_data: JSON = strawberry.field(description="The answers so far, by field name (checked when submitted).")
    phone: str = ""
    email: str = ""
    center_id: str = ""
    attachments: list[AttachmentInput] = strawberry.field(default_factory=list)
    documents: list[DossierDocumentInput] = strawberry.field(
        default_factory=list,
        description="Files uploaded (or picked from myDocuments) so far, by id: the draft keeps them, so a "
        "resumed filing need not upload them again (your own, not rejected; checked again on submit).",
    )


@strawberry.type
class DraftSaved:
    draft: Draft


@strawberry.type
class DraftDiscarded:
    procedure_code: str
