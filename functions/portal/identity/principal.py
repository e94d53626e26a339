"""Who is asking: the verified token's claims mapped to one of a few principal kinds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from portal.errors import NotAuthenticated

PID_LENGTH = 12  # số định danh cá nhân
REGISTERED_CLIENT_CLAIM = "client_registry"  # set by the client-credentials issuer (portal.clients)


class OfficerRole(Enum):
    RECEPTION = "reception"  # receives and digitizes dossiers, returns results
    PROCESSING = "processing"  # examines dossiers, asks for supplements, prepares results
    LEAD = "lead"  # signs off results and apologies; all of the above
    HOTLINE = "hotline"  # the province's 24/7 hotline: records calls as feedback (portal.feedback), nothing else


class Scope(Enum):
    PUBLIC_READ = "public:read"  # procedures, centers, administrative units
    DOSSIERS_READ = "dossiers:read"  # the delegating citizen's dossiers
    DOSSIERS_WRITE = "dossiers:write"  # submit and withdraw on the citizen's behalf
    CENTER_DOSSIERS = "center:dossiers"  # an agency's own system: read one center's dossiers (registered clients)


@dataclass(frozen=True)
class Anonymous:
    pass


@dataclass(frozen=True)
class Citizen:
    subject: str
    id_number: str
    full_name: str
    date_of_birth: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Officer:
    subject: str
    full_name: str
    center_id: str
    role: OfficerRole


@dataclass(frozen=True)
class Admin:
    subject: str
    full_name: str


@dataclass(frozen=True)
class App:
    """A third-party application; `citizen` is set when a citizen delegated access to it."""

    client_id: str
    scopes: frozenset[Scope]
    citizen: Citizen | None = None
    # Set from the client registry (portal.clients) when the client is registered there:
    registered: bool = False
    center_id: str | None = None  # center:dossiers: the one center it reads
    procedures: frozenset[str] = frozenset()  # empty: every procedure

    def reaches(self, procedure_code: str) -> bool:
        return not self.procedures or procedure_code in self.procedures

    def has(self, scope: Scope) -> bool:
        return scope in self.scopes


Principal = Anonymous | Citizen | Officer | Admin | App


def acting_citizen(principal: Principal, scope: Scope) -> Citizen | None:
    """The citizen on whose behalf this request acts (directly, or through an app holding `scope`)."""
    if isinstance(principal, Citizen):
        return principal
    if isinstance(principal, App) and principal.citizen is not None and principal.has(scope):
        return principal.citizen
    return None


def _text(claims: Mapping[str, Any], name: str) -> str:
    value = claims.get(name, "")
    return value if isinstance(value, str) else ""


def _citizen(claims: Mapping[str, Any]) -> Citizen:
    pid = _text(claims, "pid")
    if not (len(pid) == PID_LENGTH and pid.isdigit()):
        raise NotAuthenticated(
            "Thẻ đăng nhập không có số định danh hợp lệ.", "The token has no valid personal id number."
        )
    birth = _text(claims, "birthdate")
    address = claims.get("address")
    try:
        birthdate = date.fromisoformat(birth) if birth else None
    except ValueError:
        birthdate = None
    return Citizen(
        subject=_text(claims, "sub"),
        id_number=pid,
        full_name=_text(claims, "name"),
        date_of_birth=birthdate,
        address=address.get("formatted", "") if isinstance(address, dict) else "",
        phone=_text(claims, "phone_number"),
        email=_text(claims, "email"),
    )


def principal_from_claims(claims: Mapping[str, Any]) -> Principal:
    """Map verified claims to a principal. Unknown or contradictory claims are refused, never guessed."""
    roles = claims.get("roles") or []
    if not isinstance(roles, list):
        roles = []
    subject = _text(claims, "sub")
    client_id = _text(claims, "client_id")
    if client_id:
        scopes = set()
        for name in _text(claims, "scope").split():
            try:
                scopes.add(Scope(name))
            except ValueError:
                continue  # scopes of other services are ignored
        citizen = _citizen(claims) if _text(claims, "pid") else None
        # Tokens of the portal's client-credentials issuer say so: their client must be in the registry.
        registered = claims.get(REGISTERED_CLIENT_CLAIM) is True
        return App(client_id=client_id, scopes=frozenset(scopes), citizen=citizen, registered=registered)
    if "admin" in roles:
        return Admin(subject=subject, full_name=_text(claims, "name"))
    if "officer" in roles:
        try:
            role = OfficerRole(_text(claims, "center_role"))
        except ValueError as error:
            raise NotAuthenticated("Vai trò cán bộ không hợp lệ.", "The officer role is not valid.") from error
        center_id = _text(claims, "center_id")
        if not center_id:
            raise NotAuthenticated("Thẻ cán bộ thiếu mã trung tâm.", "The officer token has no center id.")
        return Officer(subject=subject, full_name=_text(claims, "name"), center_id=center_id, role=role)
    return _citizen(claims)
