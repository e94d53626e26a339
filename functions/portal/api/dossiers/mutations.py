"""Filing a dossier online."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.dossiers.types import Dossier, DossierSubmitted, SubmitDossierInput
from portal.api.errors import InvalidInputError, NotFoundError
from portal.dossiers import service
from portal.dossiers.model import Attachment
from portal.errors import InvalidInput
from portal.identity.access import require_applicant
from portal.identity.principal import Scope

SubmitDossierResult = Annotated[
    DossierSubmitted | InvalidInputError | NotFoundError, strawberry.union("SubmitDossierResult")
]


@strawberry.type
class DossierMutations:
    @strawberry.mutation(
        description="File a dossier online. Retrying with the same clientRequestId never makes a second one."
    )
    def submit_dossier(self, info: Info, input: SubmitDossierInput) -> SubmitDossierResult:
        ctx = info.context
        citizen = require_applicant(ctx.principal, Scope.DOSSIERS_WRITE)
        if not isinstance(input.form_data, dict):
            raise InvalidInput.for_field(
                "formData", "Dữ liệu đơn phải là một đối tượng.", "formData must be an object."
            )
        request = service.SubmitRequest(
            request_id=input.client_request_id,
            procedure_code=input.procedure_code,
            center_id=input.center_id,
            form_data=input.form_data,
            attachments=tuple(Attachment(a.name, a.content_type, a.size_bytes, a.document) for a in input.attachments),
            phone=input.phone,
            email=input.email,
        )
        s = ctx.services
        submission = service.submit_dossier(s.dossiers, s.centers, s.catalog, s.clock, citizen, request)
        return DossierSubmitted(dossier=Dossier(dossier=submission.dossier), duplicate=submission.duplicate)
