"""Keys and hand-made tokens: what an identity provider signs, and what an attacker tries instead."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from infra.dev_issuer import AUDIENCE


@dataclass(frozen=True)
class SigningKey:
    algorithm: str  # RS256 or ES256
    private_key: Any
    kid: str

    @classmethod
    def generate(cls, algorithm: str = "RS256", kid: str | None = None) -> SigningKey:
        if algorithm == "ES256":
            key: Any = ec.generate_private_key(ec.SECP256R1())
        else:
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return cls(algorithm, key, kid or f"test-{uuid.uuid4().hex[:12]}")

    def public_jwk(self) -> dict[str, Any]:
        algorithm = jwt.algorithms.ECAlgorithm if self.algorithm == "ES256" else jwt.algorithms.RSAAlgorithm
        jwk = json.loads(algorithm.to_jwk(self.private_key.public_key()))
        return {**jwk, "kid": self.kid, "use": "sig", "alg": self.algorithm}

    def sign(self, payload: dict[str, Any], headers: dict[str, Any] | None = None) -> str:
        headers = {"kid": self.kid, **(headers or {})}
        return jwt.encode(payload, self.private_key, algorithm=self.algorithm, headers=headers)


def claims(issuer: str, audience: str = AUDIENCE, lifetime: int = 3600, **overrides: Any) -> dict[str, Any]:
    """Standard claims, valid now, for `issuer`; override any of them (None removes it)."""
    now = int(time.time())
    values = {"iss": issuer, "aud": audience, "iat": now, "nbf": now, "exp": now + lifetime, "jti": uuid.uuid4().hex}
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _segments(header: dict[str, Any], payload: dict[str, Any]) -> str:
    return f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(payload).encode())}"


def unsigned(payload: dict[str, Any], kid: str, alg: str = "none") -> str:
    """`alg: none`: no signature at all."""
    return _segments({"alg": alg, "typ": "JWT", "kid": kid}, payload) + "."


def hmac_signed(payload: dict[str, Any], secret: bytes, kid: str) -> str:
    """HS256 with `secret` (e.g. the provider's public key): made by hand, pyjwt refuses to sign it."""
    signing_input = _segments({"alg": "HS256", "typ": "JWT", "kid": kid}, payload)
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


def public_pem(jwk: dict[str, Any]) -> bytes:
    """The PEM of a published RSA key: what anyone can download from the JWKS."""
    key = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(jwk))
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
