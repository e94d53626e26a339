"""Admins register, rotate and revoke third-party clients."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.clients.types import (
    Client,
    ClientProceduresSet,
    ClientRegistered,
    ClientRevoked,
    ClientSecretRotated,
    RegisterClientInput,
    RevokeClientInput,
    RotateClientSecretInput,
    SetClientProceduresInput,
)
from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import InvalidInputError, NotFoundError
from portal.clients.model import Registration

RegisterClientResult = Annotated[ClientRegistered | InvalidInputError, strawberry.union("RegisterClientResult")]
RotateClientSecretResult = Annotated[
    ClientSecretRotated | InvalidInputError | NotFoundError, strawberry.union("RotateClientSecretResult")
]
RevokeClientResult = Annotated[
    ClientRevoked | InvalidInputError | NotFoundError, strawberry.union("RevokeClientResult")
]

SetClientProceduresResult = Annotated[
    ClientProceduresSet | InvalidInputError | NotFoundError, strawberry.union("SetClientProceduresResult")
]


@strawberry.type
class ClientMutations:
    @strawberry.mutation(description="Admins: register a client. Its secret is in the answer, and only there.")
    def register_client(self, info: Info[PortalContext, None], input: RegisterClientInput) -> RegisterClientResult:
        ctx = info.context
        registration = Registration(
            name=input.name,
            contact_email=input.contact_email,
            scopes=tuple(input.scopes),
            expires_at=input.expires_at,
            center_id=input.center_id,
            procedures=tuple(input.procedures),
            ip_allow_list=tuple(input.ip_allow_list),
            per_minute=input.per_minute,
            per_day=input.per_day,
        )
        client, secret = ctx.services.clients.register(ctx.principal, registration)
        return ClientRegistered(client=Client.of(client, ctx.services.clock.now()), client_secret=secret)

    @strawberry.mutation(description="Admins: a new secret; the previous one keeps working for overlapHours.")
    def rotate_client_secret(
        self, info: Info[PortalContext, None], input: RotateClientSecretInput
    ) -> RotateClientSecretResult:
        ctx = info.context
        client, secret = ctx.services.clients.rotate_secret(
            ctx.principal, input.client_id, timedelta(hours=input.overlap_hours)
        )
        return ClientSecretRotated(client=Client.of(client, ctx.services.clock.now()), client_secret=secret)

    @strawberry.mutation(description="Admins: revoke a client. Its requests are refused within a minute.")
    def revoke_client(self, info: Info[PortalContext, None], input: RevokeClientInput) -> RevokeClientResult:
        ctx = info.context
        client = ctx.services.clients.revoke(ctx.principal, input.client_id)
        return ClientRevoked(client=Client.of(client, ctx.services.clock.now()))

    @strawberry.mutation(
        description=(
            "Admins: change the procedures a client reaches; dossiers it no longer reaches are in its dossierRemovals."
        )
    )
    def set_client_procedures(
        self, info: Info[PortalContext, None], input: SetClientProceduresInput
    ) -> SetClientProceduresResult:
        ctx = info.context
        client = ctx.services.clients.set_procedures(ctx.principal, input.client_id, tuple(input.procedures))
        return ClientProceduresSet(client=Client.of(client, ctx.services.clock.now()))
