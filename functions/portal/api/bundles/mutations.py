"""Filing and withdrawing a bundle."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from portal.api.bundles.types import Bundle, BundleSubmitted, BundleUpdated, SubmitBundleInput
from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import ConflictError, InvalidInputError, NotFoundError
from portal.bundles import service
from portal.errors import InvalidInput
from portal.input_limits import LIMITS
from portal.procedures.required_documents import MAX_ELECTRONIC

SubmitBundleResult = Annotated[
    BundleSubmitted | InvalidInputError | NotFoundError | ConflictError, strawberry.union("SubmitBundleResult")
]
UpdateBundleResult = Annotated[
    BundleUpdated | InvalidInputError | NotFoundError | ConflictError, strawberry.union("UpdateBundleResult")
]


def _answers(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidInput.for_field("answers", "Câu trả lời phải là một đối tượng.", "answers must be an object.")
    return data


def _request(input: SubmitBundleInput) -> service.BundleRequest:
    if len(input.electronic_documents) > MAX_ELECTRONIC:
        raise InvalidInput.for_field("electronicDocuments", "Quá nhiều giấy tờ.", "Too many documents.")
    return service.BundleRequest(
        request_id=input.client_request_id,
        bundle_code=input.bundle_code,
        center_id=input.center_id,
        answers=_answers(input.answers),
        electronic_documents=tuple(d[: LIMITS["slot"]] for d in input.electronic_documents),
        phone=input.phone,
        email=input.email,
    )


@strawberry.type
class BundleMutations:
    @strawberry.mutation(
        description="File an interlinked group with one form: one dossier per member, each at its competent "
        "agency; the members that need another's result start when it is ready. Retrying with the same "
        "clientRequestId never makes a second set."
    )
    def submit_bundle(self, info: Info[PortalContext, None], input: SubmitBundleInput) -> SubmitBundleResult:
        ctx = info.context
        view = ctx.services.bundle_service.submit(ctx.principal, _request(input))
        return BundleSubmitted(bundle=Bundle(view=view), duplicate=view.duplicate)

    @strawberry.mutation(description="Withdraw a bundle: every member not yet decided is withdrawn.")
    def withdraw_bundle(self, info: Info[PortalContext, None], id: str) -> UpdateBundleResult:
        ctx = info.context
        return BundleUpdated(bundle=Bundle(view=ctx.services.bundle_service.withdraw(ctx.principal, id)))
