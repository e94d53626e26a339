"""Client-credentials access tokens of the apps' issuer in AWS (a Cognito user pool) beside the national
identity provider's tokens: one verifier per issuer, chosen by the token's `iss`.

Cognito's access tokens carry no `aud`; they carry `client_id`, `token_use: access` and scopes named
`<resource server>/<scope>`. Every client of that pool is a registered client (portal.clients makes
them), so its tokens are mapped to the claims the portal's dev issuer gives: the bare scopes and
`client_registry: true`, and are then bound by the registration on every request.
"""

from __future__ import annotations

from typing import Any

from portal.errors import NotAuthenticated
from portal.identity.principal import REGISTERED_CLIENT_CLAIM
from portal.identity.tokens import IssuerConfig, TokenVerifier


def _refused() -> NotAuthenticated:
    return NotAuthenticated("Thẻ đăng nhập không hợp lệ.", "The sign-in token is not valid.")


class ClientTokenVerifier:
    def __init__(self, issuer: str, jwks_url: str, resource_server: str, **options: Any) -> None:
        self._tokens = TokenVerifier(IssuerConfig(issuer, "", jwks_url), **options)
        self._prefix = f"{resource_server}/"

    def verify(self, token: str) -> dict[str, Any]:
        claims = self._tokens.verify(token)
        client_id = claims.get("client_id")
        if claims.get("token_use") != "access" or not isinstance(client_id, str) or claims.get("sub") != client_id:
            raise _refused()  # an ID token, or a user's token of the pool: apps only
        scope = claims.get("scope")
        names = scope.split() if isinstance(scope, str) else []
        bare = [n.removeprefix(self._prefix) for n in names if n.startswith(self._prefix)]
        return {
            "iss": claims["iss"],
            "sub": client_id,
            "client_id": client_id,
            "scope": " ".join(bare),
            REGISTERED_CLIENT_CLAIM: True,
        }


class IssuerRouter:
    """The verifier of the token's issuer (read unverified, only to choose; the chosen one verifies)."""

    def __init__(self, verifiers: dict[str, Any]) -> None:
        self._verifiers = verifiers

    def verify(self, token: str) -> dict[str, Any]:
        import jwt

        try:
            issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
        except jwt.PyJWTError as error:
            raise _refused() from error
        verifier = self._verifiers.get(issuer) if isinstance(issuer, str) else None
        if verifier is None:
            raise _refused()
        return verifier.verify(token)
