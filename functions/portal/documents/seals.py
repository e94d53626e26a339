"""Electronic results signed by the portal, and their public verification.

When a result file is attached to a dossier the portal seals it: an Ed25519 signature over the file's
SHA-256, a short verification code, the issue time, the procedure and the center. The code (printed as a
QR code on the slip) opens `#/xac-thuc/<code>`, where anyone presenting a file learns whether it is the
one issued: its hash must match and the signature must hold. Nothing personal is in a seal.

The key: locally an Ed25519 key made on first run under .local/; in AWS a SecureString in SSM Parameter
Store (read and cached through powertools). `cryptography` is imported only when signing or verifying.
"""

from __future__ import annotations

import base64
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from portal.errors import InvalidInput

CODE = re.compile(r"^[A-Za-z0-9_-]{12}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Seal:
    code: str
    sha256: str
    issued_at: datetime
    procedure_code: str
    procedure_name: str
    center_id: str
    signature: str  # base64url

    def message(self) -> bytes:
        return "|".join(
            (
                "portal-result-v1",
                self.code,
                self.sha256,
                self.issued_at.isoformat(),
                self.procedure_code,
                self.center_id,
            )
        ).encode()


@dataclass(frozen=True)
class Verification:
    code: str
    found: bool
    signature_valid: bool = False
    matches: bool | None = None  # None when no file was presented
    issued_at: datetime | None = None
    procedure_name: str = ""
    center_id: str = ""


def check_code(code: str) -> str:
    if not CODE.match(code):
        raise InvalidInput.for_field("code", "Mã xác thực gồm 12 ký tự.", "A verification code is 12 characters.")
    return code


def check_sha256(value: str) -> str:
    value = value.strip().lower()
    if value and not SHA256.match(value):
        raise InvalidInput.for_field("sha256", "Mã băm SHA-256 gồm 64 ký tự hex.", "A SHA-256 is 64 hex characters.")
    return value


class Sealer:
    def __init__(self, private_key_pem: Callable[[], bytes]) -> None:
        self._pem = private_key_pem

    def _key(self):
        from cryptography.hazmat.primitives.serialization import load_pem_private_key

        return load_pem_private_key(self._pem(), password=None)

    def seal(self, sha256: str, issued_at: datetime, procedure_code: str, procedure_name: str, center_id: str) -> Seal:
        unsigned = Seal(secrets.token_urlsafe(9), sha256, issued_at, procedure_code, procedure_name, center_id, "")
        signature = self._key().sign(unsigned.message())
        return Seal(**{**unsigned.__dict__, "signature": base64.urlsafe_b64encode(signature).decode()})

    def verify(self, seal: Seal) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            self._key().public_key().verify(base64.urlsafe_b64decode(seal.signature), seal.message())
        except (InvalidSignature, ValueError):
            return False
        return True
