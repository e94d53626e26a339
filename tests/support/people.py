"""Sample identities for tests, signed by the test identity provider."""

from __future__ import annotations

from typing import Any

from infra.dev_issuer import SAMPLE_CITIZEN, DevIssuer

OTHER_CITIZEN: dict[str, Any] = {
    "sub": "sample-citizen-2",
    "pid": "079095001122",
    "name": "Phạm Thị Dung (mẫu)",
    "birthdate": "1995-01-09",
    "address": {"formatted": "Phường Bến Thành, Thành phố Hồ Chí Minh"},
}


class People:
    def __init__(self, issuer: DevIssuer) -> None:
        self.issuer = issuer

    def citizen(self, **claims: Any) -> str:
        return self.issuer.mint({**SAMPLE_CITIZEN, **claims})

    def other_citizen(self) -> str:
        return self.issuer.mint(OTHER_CITIZEN)

    def officer(self, center_id: str, role: str = "lead") -> str:
        return self.issuer.mint_for("officer", center_id=center_id, center_role=role)

    def admin(self) -> str:
        return self.issuer.mint_for("admin")

    def app(self, scope: str, for_citizen: bool = False) -> str:
        claims: dict[str, Any] = {"sub": "app", "client_id": "sample-app", "scope": scope}
        if for_citizen:
            claims = {**SAMPLE_CITIZEN, **claims}
        return self.issuer.mint(claims)
