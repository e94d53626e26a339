"""GraphQL types of registered third-party clients."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portal.clients import rules
from portal.clients.model import Client as ClientModel


@strawberry.type(description="Requests a client may send: per minute and per day (Vietnam's day).")
class ClientLimits:
    per_minute: int
    per_day: int


@strawberry.type(description="Requests counted so far in the current minute and day.")
class ClientUsage:
    minute: int
    day: int


@strawberry.type(description="A secret's identity (never the secret): rotation keeps two for a while.")
class ClientSecretInfo:
    secret_id: str
    created_at: datetime
    retires_at: datetime | None


def _common(c: ClientModel, now: datetime) -> dict:
    return {
        "client_id": c.client_id,
        "name": c.name,
        "scopes": sorted(s.value for s in c.scopes),
        "center_id": c.center_id,
        "procedures": sorted(c.procedures),
        "expires_at": c.expires_at,
        "expires_in_days": rules.expires_in_days(c, now),
        "limits": ClientLimits(per_minute=c.limits.per_minute, per_day=c.limits.per_day),
    }


@strawberry.type(description="A registered third-party application (admins).")
class Client:
    client_id: str
    name: str
    contact_email: str
    scopes: list[str]
    center_id: str | None
    procedures: list[str]
    ip_allow_list: list[str]
    expires_at: datetime
    expires_in_days: int | None = strawberry.field(description="Set within 30 days of the expiry: time to renew.")
    revoked_at: datetime | None
    limits: ClientLimits
    secrets: list[ClientSecretInfo]

    @classmethod
    def of(cls, c: ClientModel, now: datetime) -> Client:
        return cls(
            **_common(c, now),
            contact_email=c.contact_email,
            ip_allow_list=list(c.ip_allow_list),
            revoked_at=c.revoked_at,
            secrets=[
                ClientSecretInfo(secret_id=s.secret_id, created_at=s.created_at, retires_at=s.retires_at)
                for s in c.secrets
                if s.in_force(now)
            ],
        )


@strawberry.type(description="The calling application: its registration, limits and usage.")
class ViewerClient:
    client_id: str
    name: str
    scopes: list[str]
    center_id: str | None
    procedures: list[str]
    expires_at: datetime
    expires_in_days: int | None = strawberry.field(description="Set within 30 days of the expiry: time to renew.")
    limits: ClientLimits
    usage: ClientUsage


@strawberry.type(description="The new client; its secret is shown this once and never again.")
class ClientRegistered:
    client: Client
    client_secret: str


@strawberry.type(description="The new secret, shown this once; the previous one works until its retiresAt.")
class ClientSecretRotated:
    client: Client
    client_secret: str


@strawberry.type
class ClientRevoked:
    client: Client


@strawberry.input
class RegisterClientInput:
    name: str
    contact_email: str
    scopes: list[str]
    expires_at: datetime
    center_id: str | None = None
    procedures: list[str] = strawberry.field(default_factory=list)
    ip_allow_list: list[str] = strawberry.field(default_factory=list)
    per_minute: int = 300
    per_day: int = 50_000


@strawberry.input
class RotateClientSecretInput:
    client_id: str
    overlap_hours: int = strawberry.field(default=24, description="How long the previous secret keeps working.")


@strawberry.type
class ClientProceduresSet:
    client: Client


@strawberry.input
class SetClientProceduresInput:
    client_id: str
    procedures: list[str] = strawberry.field(description="At most 50 procedure codes; empty: every procedure.")


@strawberry.input
class RevokeClientInput:
    client_id: str
