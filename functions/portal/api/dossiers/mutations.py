"""Changing dossiers: filing online, receiving at the desk, processing, supplementing, rating."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from portal.api.dossiers.inputs import (
    ActOnDossierInput,
    AttachmentInput,
    DossierSubmitted,
    DossierUpdated,
    ExtendDeadlineInput,
    RateDossierInput,
    ReceiveDossierInput,
    SetAppointmentInput,
    SubmitDossierInput,
)
from portal.api.dossiers.types import Dossier
from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import ConflictError, InvalidInputError, NotFoundError
from portal.documents.policy import MAX_FILES_PER_DOSSIER
from portal.dossiers.intake import SubmitRequest, WalkInApplicant
from portal.dossiers.model import Action, Attachment, Channel
from portal.dossiers.on_behalf import PersonRepresented
from portal.errors import InvalidInput
from portal.input_limits import LIMITS, check_length

SubmitDossierResult = Annotated[
    DossierSubmitted | InvalidInputError | NotFoundError | ConflictError, strawberry.union("SubmitDossierResult")
]
UpdateDossierResult = Annotated[
    DossierUpdated | InvalidInputError | NotFoundError | ConflictError, strawberry.union("UpdateDossierResult")
]


def _attachments(inputs: list[AttachmentInput]) -> tuple[Attachment, ...]:
    return tuple(Attachment(a.name, a.content_type, a.size_bytes, a.document) for a in inputs)


def _form(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidInput.for_field("formData", "Dữ liệu đơn phải là một đối tượng.", "formData must be an object.")
    return data


def _request(input: SubmitDossierInput | ReceiveDossierInput, stored: tuple[Attachment, ...] = ()) -> SubmitRequest:
    exemption = getattr(input, "exemption", None)
    return SubmitRequest(
        request_id=input.client_request_id,
        procedure_code=input.procedure_code,
        center_id=input.center_id,
        form_data=_form(input.form_data),
        attachments=_attachments(input.attachments) + stored,
        phone=input.phone,
        email=input.email,
        electronic_documents=tuple(d[: LIMITS["slot"]] for d in getattr(input, "electronic_documents", [])),
        exemption_code=exemption.code[: LIMITS["exemptionCode"] + 1] if exemption else "",
        exemption_proof=exemption.proof_document_id[:64] if exemption else "",
    )


def _stored_documents(documents, principal, input: SubmitDossierInput) -> tuple[Attachment, ...]:
    """The citizen's uploaded (or reused) documents, as the portal checked them: never declared metadata."""
    if not input.documents and not input.exemption:
        return ()
    if len(input.documents) > MAX_FILES_PER_DOSSIER:
        raise InvalidInput.for_field(
            "documents", f"Tối đa {MAX_FILES_PER_DOSSIER} tệp một hồ sơ.", f"At most {MAX_FILES_PER_DOSSIER} files."
        )
    refs = [
        (check_length("documentId", d.document_id, "code"), check_length("slot", d.slot, "slot"))
        for d in input.documents
    ]
    proof = check_length("documentId", input.exemption.proof_document_id, "code") if input.exemption else ""
    if proof and proof not in {document_id for document_id, _ in refs}:  # the proof is filed with the dossier
        refs.append((proof, ""))
    return documents.attachments_for(principal, refs)


@strawberry.type
class DossierMutations:
    @strawberry.mutation(
        description="File a dossier online. Retrying with the same clientRequestId never makes a second one."
    )
    def submit_dossier(self, info: Info[PortalContext, None], input: SubmitDossierInput) -> SubmitDossierResult:
        ctx = info.context
        s = ctx.services
        stored = _stored_documents(s.documents, ctx.principal, input)
        represented = None
        if input.on_behalf_of is not None:
            p = input.on_behalf_of
            represented = PersonRepresented(p.id_number, p.full_name, p.date_of_birth, p.address, p.phone, p.email)
        submission = s.intake.submit(ctx.principal, _request(input, stored), represented)
        if stored and not submission.duplicate:
            s.documents.link(stored, submission.dossier.code)
        return DossierSubmitted(dossier=Dossier(dossier=submission.dossier), duplicate=submission.duplicate)

    @strawberry.mutation(
        description="Officers: receive a dossier at the desk (no electronic identity demanded in person)."
    )
    def receive_dossier(self, info: Info[PortalContext, None], input: ReceiveDossierInput) -> SubmitDossierResult:
        ctx = info.context
        a = input.applicant
        walk_in = WalkInApplicant(a.id_number.strip(), a.full_name, a.date_of_birth, a.address)
        submission = ctx.services.intake.receive(
            ctx.principal,
            walk_in,
            _request(input),
            channel=Channel(input.channel.value),
            postmarked_on=input.postmarked_on,
        )
        return DossierSubmitted(dossier=Dossier(dossier=submission.dossier), duplicate=submission.duplicate)

    @strawberry.mutation(
        description="Move a dossier along: officers process and return; the applicant supplements or withdraws."
    )
    def act_on_dossier(self, info: Info[PortalContext, None], input: ActOnDossierInput) -> UpdateDossierResult:
        ctx = info.context
        result = _attachments([input.result])[0] if input.result else None
        dossier = ctx.services.workflow.act(
            ctx.principal,
            input.code,
            Action(input.action.value),
            input.note,
            result,
        )
        return DossierUpdated(dossier=Dossier(dossier=dossier))

    @strawberry.mutation(
        description="Center leads: apologize and set a new appointment date, once, before the current one."
    )
    def extend_dossier_deadline(
        self, info: Info[PortalContext, None], input: ExtendDeadlineInput
    ) -> UpdateDossierResult:
        ctx = info.context
        dossier = ctx.services.workflow.extend_deadline(ctx.principal, input.code, input.new_due_date, input.reason)
        return DossierUpdated(dossier=Dossier(dossier=dossier))

    @strawberry.mutation(
        description="Receiving officers: set the appointment of a dossier whose procedure has no known processing "
        "time (appointmentDate is null until then), once; recorded on the timeline with its basis."
    )
    def set_dossier_appointment(
        self, info: Info[PortalContext, None], input: SetAppointmentInput
    ) -> UpdateDossierResult:
        ctx = info.context
        dossier = ctx.services.workflow.set_appointment(ctx.principal, input.code, input.due_date, input.basis)
        return DossierUpdated(dossier=Dossier(dossier=dossier))

    @strawberry.mutation(description="The applicant rates a dossier once it has a result.")
    def rate_dossier(self, info: Info[PortalContext, None], input: RateDossierInput) -> UpdateDossierResult:
        ctx = info.context
        dossier = ctx.services.workflow.rate(ctx.principal, input.code, input.score, input.comment)
        return DossierUpdated(dossier=Dossier(dossier=dossier))
