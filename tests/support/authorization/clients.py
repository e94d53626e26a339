"""Third-party clients (portal.clients): admins manage them; only a registered client sees itself."""

from __future__ import annotations

from tests.support.authorization.common import (
    Rule,
    World,
    refused_all_but,
)


def registered_client(world: World) -> str:
    """A client in the registry (made once per test session), for the admins' client mutations."""
    global _CLIENT_ID
    if _CLIENT_ID is None:
        from datetime import timedelta

        from portal.bootstrap import build_services
        from portal.clients.model import Registration
        from portal.identity.principal import Admin

        services = build_services()
        registration = Registration(
            name="Ứng dụng mẫu (mẫu)",
            contact_email="dev@example.vn",
            scopes=("public:read",),
            expires_at=services.clock.now() + timedelta(days=365),
        )
        _CLIENT_ID = services.clients.register(Admin("sample-admin-1", "admin"), registration)[0].client_id
    return _CLIENT_ID


_CLIENT_ID: str | None = None
ADMINS = frozenset({"an admin"})
REGISTRATION = {
    "name": "Ngân hàng mẫu (mẫu)",
    "contactEmail": "api@example.vn",
    "scopes": ["public:read"],
    "expiresAt": "2027-06-30T00:00:00+07:00",
}
RULES = [
    # Third-party clients: admins register, rotate and revoke; only a registered client sees itself.
    Rule(
        "Mutation.registerClient",
        "RegisterClient",
        lambda w: {"input": REGISTRATION},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.rotateClientSecret",
        "RotateClientSecret",
        lambda w: {"input": {"clientId": registered_client(w), "overlapHours": 1}},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.revokeClient",
        "RevokeClient",
        lambda w: {"input": {"clientId": registered_client(w)}},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.setClientProcedures",
        "SetClientProcedures",
        lambda w: {"input": {"clientId": registered_client(w), "procedures": [w.procedure.code]}},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.clients",
        "Clients",
        lambda w: {},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # No principal of this table is a registered client (tests/integration/test_clients.py tests those).
    Rule(
        "Query.viewerClient",
        "ViewerClient",
        lambda w: {},
        frozenset(),
        refused_all_but(frozenset(), "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]
