"""A local identity provider, so the same token verification path runs on a laptop as in AWS.

Its RSA key pair is generated on first use into .local/keys (ignored by git) and its JWKS is served by
the local server at /dev-issuer/jwks.json. Sample people it signs for are marked as samples.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
import uuid
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT = Path(__file__).resolve().parent.parent
KEY_DIR = ROOT / ".local" / "keys"
AUDIENCE = "portal"
TOKEN_SECONDS = 3600

# Sample identities (not real people).
SAMPLE_CITIZEN: dict[str, Any] = {
    "sub": "sample-citizen-1",
    "pid": "001090012345",
    "name": "Nguyễn Văn An (mẫu)",
    "birthdate": "1990-05-17",
    "address": {"formatted": "Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Thành phố Hà Nội"},
    "phone_number": "0912345678",
    "email": "an.nguyen@example.vn",
}
SAMPLE_OFFICER: dict[str, Any] = {"sub": "sample-officer-1", "name": "Trần Thị Bình (mẫu)", "roles": ["officer"]}
SAMPLE_ADMIN: dict[str, Any] = {"sub": "sample-admin-1", "name": "Lê Văn Cường (mẫu)", "roles": ["admin"]}


class DevIssuer:
    def __init__(self, issuer: str, key_dir: Path = KEY_DIR, kid: str | None = None) -> None:
        self.issuer = issuer
        key_file = key_dir / "issuer.pem"
        if not key_file.exists():
            key_dir.mkdir(parents=True, exist_ok=True)
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            key_file.write_bytes(
                key.private_bytes(
                    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
            )
            key_file.chmod(0o600)
        self._key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
        public_jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self._key.public_key()))
        self.kid = kid or _thumbprint(public_jwk)
        self._jwk = {**public_jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self._jwk]}

    def mint(self, claims: dict[str, Any], seconds: int = TOKEN_SECONDS, audience: str = AUDIENCE) -> str:
        now = int(time.time())
        payload = {
            "iss": self.issuer,
            "aud": audience,
            "iat": now,
            "nbf": now,
            "exp": now + seconds,
            "jti": str(uuid.uuid4()),
        }
        return self.sign({**payload, **claims})

    def sign(self, payload: dict[str, Any]) -> str:
        """Sign `payload` exactly as given (tests use it for tokens missing a required claim)."""
        return jwt.encode(payload, self._key, algorithm="RS256", headers={"kid": self.kid})

    def mint_for(self, role: str, center_id: str = "hcc-01", center_role: str = "lead", scope: str = "") -> str:
        if role == "citizen":
            return self.mint(SAMPLE_CITIZEN)
        if role == "officer":
            return self.mint({**SAMPLE_OFFICER, "center_id": center_id, "center_role": center_role})
        if role == "admin":
            return self.mint(SAMPLE_ADMIN)
        if role == "app":
            return self.mint({"sub": "sample-app", "client_id": "sample-app", "scope": scope or "public:read"})
        raise ValueError(f"unknown role {role!r}: citizen, officer, admin or app")


def _thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638 key thumbprint, used as the key id."""
    canonical = json.dumps({k: jwk[k] for k in ("e", "kty", "n")}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).decode().rstrip("=")
