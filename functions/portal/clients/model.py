"""A registered third-party application (ứng dụng bên thứ ba): who it is, what it may read or do, and
the hashed secrets it authenticates with (OAuth 2 client credentials)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from portal.identity.principal import Scope


@dataclass(frozen=True)
class ClientLimits:
    per_minute: int = 300
    per_day: int = 50_000


@dataclass(frozen=True)
class ClientSecret:
    """One secret, stored as a salted scrypt hash: the plain text is shown once, when it is made."""

    secret_id: str
    digest: str  # hex scrypt(secret, salt)
    salt: str  # hex
    created_at: datetime
    retires_at: datetime | None = None  # set when a newer secret replaced it: works until then

    def in_force(self, now: datetime) -> bool:
        return self.retires_at is None or now < self.retires_at


@dataclass(frozen=True)
class Narrowing:
    """An admin changed the client's procedure list: dossiers `before` reached and `after` does not left
    its view then (dossierRemovals tells the client)."""

    at: datetime
    before: frozenset[str]  # empty: every procedure
    after: frozenset[str]

    def removes(self, procedure_code: str) -> bool:
        reached_before = not self.before or procedure_code in self.before
        return reached_before and not (not self.after or procedure_code in self.after)


@dataclass(frozen=True)
class Client:
    client_id: str
    name: str
    contact_email: str
    scopes: frozenset[Scope]
    created_at: datetime
    expires_at: datetime
    secrets: tuple[ClientSecret, ...]
    center_id: str | None = None  # center:dossiers: the one center whose dossiers it syncs
    procedures: frozenset[str] = frozenset()  # empty: every procedure its scopes reach
    ip_allow_list: tuple[str, ...] = ()  # networks (CIDR); empty: any address
    limits: ClientLimits = field(default_factory=ClientLimits)
    revoked_at: datetime | None = None
    version: int = 0  # 0: never saved
    expiry_warned_days: int | None = None  # the last warning sent before the expiry (days ahead), if any
    narrowings: tuple[Narrowing, ...] = ()  # oldest first

    def reaches_procedure(self, procedure_code: str) -> bool:
        return not self.procedures or procedure_code in self.procedures


@dataclass(frozen=True)
class Registration:
    """What an admin asks for when registering a client (checked by rules.check_registration)."""

    name: str
    contact_email: str
    scopes: tuple[str, ...]
    expires_at: datetime
    center_id: str | None = None
    procedures: tuple[str, ...] = ()
    ip_allow_list: tuple[str, ...] = ()
    per_minute: int = ClientLimits.per_minute
    per_day: int = ClientLimits.per_day
