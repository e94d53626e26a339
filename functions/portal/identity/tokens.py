"""Bearer token verification against the identity provider's JWKS (OpenID Connect, e.g. VNeID).

Only asymmetric algorithms are accepted, the key is chosen by `kid` from the provider's JWKS (cached,
refetched when an unknown `kid` appears, so key rotation needs no deploy), iss/aud/exp/iat/sub are
required (REQUIRED_CLAIMS), and nbf is checked when present (OpenID Connect ID tokens need not carry
it), all with a small clock skew.

An unknown `kid` refetches the JWKS at most once per cooldown: tokens with made-up kids cannot turn the
portal into an amplifier against the identity provider. A newly rotated key is seen at the latest after
the cooldown (providers publish a new key before signing with it, so in practice it is already cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portal.errors import NotAuthenticated, Unavailable

ALLOWED_ALGORITHMS = ("RS256", "ES256")
CLOCK_SKEW_SECONDS = 30
REQUIRED_CLAIMS = ("iss", "aud", "exp", "iat", "sub")  # nbf: verified when the token has one
ACCESS_TOKEN_CLAIMS = ("iss", "exp", "iat", "sub", "client_id", "token_use")  # an issuer without `aud`
JWKS_CACHE_SECONDS = 300
JWKS_REFRESH_COOLDOWN_SECONDS = 30


@dataclass(frozen=True)
class IssuerConfig:
    issuer: str
    audience: str  # empty: the issuer's access tokens carry no `aud` (Cognito's), `client_id` is required instead
    jwks_url: str


class TokenVerifier:
    """Made at cold start but imports pyjwt and cryptography (~40 ms) only when the first token arrives:
    most requests (procedure lookup, centers, tracking) carry none."""

    def __init__(self, config: IssuerConfig, refresh_cooldown_seconds: float = JWKS_REFRESH_COOLDOWN_SECONDS) -> None:
        self._config = config
        self._refresh_cooldown_seconds = refresh_cooldown_seconds
        self._jwks: Any = None

    def verify(self, token: str) -> dict[str, Any]:
        import jwt

        if self._jwks is None:
            self._jwks = jwt.PyJWKClient(
                self._config.jwks_url,
                cache_jwk_set=True,
                lifespan=JWKS_CACHE_SECONDS,
                timeout=3,
                cooldown_duration=self._refresh_cooldown_seconds,
            )
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") not in ALLOWED_ALGORITHMS:
                raise jwt.InvalidAlgorithmError(f"algorithm {header.get('alg')!r} is not accepted")
            key = self._jwks.get_signing_key_from_jwt(token)
            audience = self._config.audience or None
            required = REQUIRED_CLAIMS if audience else ACCESS_TOKEN_CLAIMS
            return jwt.decode(
                token,
                key=key,
                algorithms=list(ALLOWED_ALGORITHMS),
                audience=audience,
                issuer=self._config.issuer,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": list(required), "verify_nbf": True, "verify_aud": audience is not None},
            )
        except jwt.PyJWKClientConnectionError as error:
            raise Unavailable(
                "Không kết nối được hệ thống định danh. Vui lòng thử lại sau ít phút.",
                "The identity provider cannot be reached. Please try again in a few minutes.",
            ) from error
        except jwt.ExpiredSignatureError as error:
            raise NotAuthenticated(
                "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", "Your session has expired. Please sign in again."
            ) from error
        except (jwt.PyJWTError, ValueError) as error:
            raise NotAuthenticated("Thẻ đăng nhập không hợp lệ.", "The sign-in token is not valid.") from error
