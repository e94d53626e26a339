"""The tracking secret printed on the receipt: with the dossier code, it lets anyone holding the receipt
follow the dossier without signing in, while a guessed code alone reveals nothing.

Derived, not stored: HMAC-SHA256(key, code), so a retried submit or a reprinted receipt shows the same one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

SECRET_LENGTH = 10  # base32 characters: 50 bits


def tracking_secret(key: bytes, dossier_code: str) -> str:
    digest = hmac.new(key, dossier_code.encode(), hashlib.sha256).digest()
    raw = base64.b32encode(digest).decode()[:SECRET_LENGTH]
    return f"{raw[:5]}-{raw[5:]}"


def secret_matches(key: bytes, dossier_code: str, candidate: str) -> bool:
    normalized = candidate.strip().upper().replace(" ", "")
    if "-" not in normalized and len(normalized) == SECRET_LENGTH:
        normalized = f"{normalized[:5]}-{normalized[5:]}"
    return hmac.compare_digest(tracking_secret(key, dossier_code), normalized)
