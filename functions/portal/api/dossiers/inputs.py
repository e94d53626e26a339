"""GraphQL inputs of the dossier mutations (filing, reception, officers' steps, rating) and the answers
they return; the dossier's own views are in types.py."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.scalars import JSON

from portal.api.documents.types import DossierDocumentInput
from portal.api.dossiers.parts import Channel, DossierAction
from portal.api.dossiers.types import Dossier
from portal.api.payments.types import FeeExemptionChoiceInput
from portal.dossiers import model
from portal.input_limits import LIMITS


@strawberry.input
class AttachmentInput:
    name: str = strawberry.field(description=f"At most {LIMITS['attachmentName']} characters.")
    content_type: str = strawberry.field(description=f"At most {LIMITS['contentType']} characters.")
    size_bytes: int
    document: str = strawberry.field(default="", description=f"At most {LIMITS['documentName']} characters.")


@strawberry.input(description="The person a dossier is filed for, typed from their authorization document.")
class PersonRepresentedInput:
    id_number: str = strawberry.field(description="Their personal identification number (12 digits).")
    full_name: str = strawberry.field(description=f"At most {LIMITS['fullName']} characters.")
    date_of_birth: date | None = strawberry.field(
        default=None, description="Must agree with the birth year the ID number codes."
    )
    address: str = strawberry.field(default="", description=f"At most {LIMITS['address']} characters.")
    phone: str = strawberry.field(default="", description=f"At most {LIMITS['phone']} characters.")
    email: str = strawberry.field(default="", description=f"At most {LIMITS['email']} characters.")


@strawberry.input
class SubmitDossierInput:
    client_request_id: str = strawberry.field(
        description="Made by the client when the form opens (e.g. a UUID); "
        "a retry sends the same one and gets the same dossier."
    )
    procedure_code: str
    center_id: str = strawberry.field(description="Any center receiving the procedure, wherever the applicant lives.")
    form_data: JSON = strawberry.field(
        description=f"The procedure's form fields, by name: at most {LIMITS['formKeys']} keys of "
        f"{LIMITS['formKey']} characters, each value text or a finite number."
    )
    attachments: list[AttachmentInput] = strawberry.field(
        default_factory=list,
        description="Deprecated: metadata only, no file. Send `documents` (uploaded with requestDocumentUpload).",
    )
    documents: list[DossierDocumentInput] = strawberry.field(
        default_factory=list, description="Uploaded files, or documents reused from myDocuments (at most 20)."
    )
    phone: str = strawberry.field(default="", description=f"At most {LIMITS['phone']} characters.")
    email: str = strawberry.field(default="", description=f"At most {LIMITS['email']} characters.")
    electronic_documents: list[str] = strawberry.field(
        default_factory=list,
        description="Required documents the agency already holds electronically (by name), instead of a file.",
    )
    on_behalf_of: PersonRepresentedInput | None = strawberry.field(
        default=None,
        description="Filing for someone else as their authorized person: they are the applicant, you the filer; "
        "a document with slot 'Giấy ủy quyền' (the authorization) is then required.",
    )
    exemption: FeeExemptionChoiceInput | None = strawberry.field(
        default=None, description="A fee exemption of the procedure (feeExemptions), checked by the officer."
    )


@strawberry.type
class DossierSubmitted:
    dossier: Dossier
    duplicate: bool = strawberry.field(description="True when this request had already been received (a retry).")


@strawberry.type
class DossierUpdated:
    dossier: Dossier


@strawberry.input
class WalkInApplicantInput:
    id_number: str = strawberry.field(
        description="Personal identification number (12 digits), from the applicant's papers."
    )
    full_name: str = strawberry.field(description=f"At most {LIMITS['fullName']} characters.")
    date_of_birth: date | None = None
    address: str = strawberry.field(default="", description=f"At most {LIMITS['address']} characters.")


@strawberry.input
class ReceiveDossierInput:
    client_request_id: str
    procedure_code: str
    center_id: str = strawberry.field(description="Your own center.")
    applicant: WalkInApplicantInput
    form_data: JSON
    attachments: list[AttachmentInput] = strawberry.field(
        default_factory=list, description="The papers, digitized at the desk."
    )
    phone: str = ""
    email: str = ""
    channel: Channel = strawberry.field(
        default=model.Channel.IN_PERSON, description="IN_PERSON (handed in at the desk) or POST (arrived by post)."
    )
    postmarked_on: date | None = strawberry.field(
        default=None, description="POST: the envelope's postmark date; the due date counts from receipt, today."
    )


@strawberry.input(
    description="Something a supplement request asks for that is not on the procedure's list, with the legal "
    "basis that lets the agency ask for it."
)
class SupplementOtherInput:
    what: str = strawberry.field(description=f"At most {LIMITS['supplementWhat']} characters.")
    legal_basis: str = strawberry.field(
        description="Must name the act: its kind (Luật, Nghị định, Thông tư, Quyết định, ...) or its number "
        f"(123/2015/NĐ-CP), with the article where it helps. At most {LIMITS['legalBasis']} characters."
    )


@strawberry.input(
    description="What a supplement request asks for, once and in full: documents of the procedure's list, "
    "and anything else only with its legal basis. At least one item; at most "
    f"{LIMITS['supplementItems']} in all."
)
class SupplementRequestInput:
    documents: list[str] = strawberry.field(
        default_factory=list,
        description="Rows of the procedure's list, by their slot (Procedure.documents[].slot); "
        f"at most {LIMITS['documentName']} characters each.",
    )
    others: list[SupplementOtherInput] = strawberry.field(default_factory=list)


@strawberry.input
class ActOnDossierInput:
    code: str
    action: DossierAction
    note: str = strawberry.field(
        default="",
        description="Required to refuse (the reason) or to provide a supplement (what was supplemented); a "
        f"supplement request's explanations, optional. At most {LIMITS['note']} characters.",
    )
    result: AttachmentInput | None = strawberry.field(
        default=None, description="The electronic result (mark_result_ready)."
    )
    supplement: SupplementRequestInput | None = strawberry.field(
        default=None, description="Required to request a supplement (REQUEST_SUPPLEMENT): what it asks for."
    )


@strawberry.input
class ExtendDeadlineInput:
    code: str
    new_due_date: date
    reason: str = strawberry.field(
        description=f"The apology's reason for the delay (form 04). At most {LIMITS['reason']} characters."
    )


@strawberry.input(description="The appointment of a dossier received without one (its procedure's time is unknown).")
class SetAppointmentInput:
    code: str
    due_date: date = strawberry.field(description="A working day, from the day the dossier counts as received.")
    basis: str = strawberry.field(
        description=f"What the date is based on (the legal processing time applied). At most {LIMITS['reason']} "
        "characters; shown on the dossier's timeline."
    )


@strawberry.input
class RateDossierInput:
    code: str
    score: int = strawberry.field(description="1 (very dissatisfied) to 5 (very satisfied).")
    comment: str = strawberry.field(default="", description=f"At most {LIMITS['comment']} characters.")
