"""Saving (autosave as the citizen types) and discarding drafts."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.dossiers.mutations import _attachments
from portal.api.drafts.types import Draft, DraftDiscarded, DraftSaved, SaveDraftInput
from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import InvalidInputError, NotFoundError
from portal.documents.policy import MAX_FILES_PER_DOSSIER
from portal.drafts import service
from portal.errors import InvalidInput
from portal.input_limits import check_length

SaveDraftResult = Annotated[DraftSaved | InvalidInputError | NotFoundError, strawberry.union("SaveDraftResult")]


def _kept_files(documents, principal, input: SaveDraftInput):
    """The uploaded (or store-picked) files the draft keeps by id, as the portal recorded them."""
    if not input.documents or documents is None:
        return ()
    if len(input.documents) > MAX_FILES_PER_DOSSIER:
        raise InvalidInput.for_field(
            "documents", f"Tối đa {MAX_FILES_PER_DOSSIER} tệp một hồ sơ.", f"At most {MAX_FILES_PER_DOSSIER} files."
        )
    refs = [
        (check_length("documentId", d.document_id, "code"), check_length("slot", d.slot, "slot"))
        for d in input.documents
    ]
    return documents.draft_files(principal, refs)


@strawberry.type
class DraftMutations:
    @strawberry.mutation(description="Save the filing typed so far (replaces this procedure's draft).")
    def save_draft(self, info: Info[PortalContext, None], input: SaveDraftInput) -> SaveDraftResult:
        ctx = info.context
        s = ctx.services
        given = service.DraftInput(
            request_id=input.client_request_id,
            procedure_code=input.procedure_code,
            answers=input.form_data,
            phone=input.phone,
            email=input.email,
            center_id=input.center_id,
            attachments=_attachments(input.attachments) + _kept_files(s.documents, ctx.principal, input),
        )
        draft = s.draft_service.save(ctx.principal, given)
        return DraftSaved(draft=Draft.from_domain(draft))

    @strawberry.mutation(description="Discard your draft of this procedure (nothing happens if there is none).")
    def discard_draft(self, info: Info[PortalContext, None], procedure_code: str) -> DraftDiscarded:
        ctx = info.context
        ctx.services.draft_service.discard(ctx.principal, procedure_code)
        return DraftDiscarded(procedure_code=procedure_code.strip())
