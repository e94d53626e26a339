"""The message thread of a dossier: the applicant and the receiving center's officers only."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.dossiers.parts import DossierMessage
from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import ConflictError, InvalidInputError, NotFoundError
from portal.dossiers import messages


@strawberry.input
class PostDossierMessageInput:
    code: str
    text: str = strawberry.field(description=f"At most {messages.MAX_MESSAGE_LENGTH} characters.")


@strawberry.type
class DossierMessagePosted:
    posted: DossierMessage


PostDossierMessageResult = Annotated[
    DossierMessagePosted | InvalidInputError | NotFoundError | ConflictError,
    strawberry.union("PostDossierMessageResult"),
]


@strawberry.type
class DossierMessageMutations:
    @strawberry.mutation(description="Write in a dossier's thread; the other side is told.")
    def post_dossier_message(
        self, info: Info[PortalContext, None], input: PostDossierMessageInput
    ) -> PostDossierMessageResult:
        ctx = info.context
        _, event = messages.post_message(
            ctx.services.dossiers, ctx.services.clock, ctx.principal, input.code, input.text
        )
        return DossierMessagePosted(posted=DossierMessage.from_domain(event))
