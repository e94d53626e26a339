"""Client secrets: made at random, shown once, kept only as salted scrypt hashes (standard library).

A secret reads `<secret id>.<random>`: the id says which of a client's (at most two) secrets to check,
so a wrong secret costs one scrypt, not two.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

# RFC 7914's interactive parameters: about 16 MiB and a few tens of milliseconds per check.
SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES = 2**14, 8, 1, 32
MAX_SECRET_LENGTH = 128


def new_secret_id() -> str:
    return secrets.token_hex(4)


def new_secret(secret_id: str) -> str:
    return f"{secret_id}.{secrets.token_urlsafe(32)}"


def secret_id_of(secret: str) -> str:
    return secret.partition(".")[0]


def new_salt() -> str:
    return secrets.token_hex(16)


def digest(secret: str, salt: str) -> str:
    return hashlib.scrypt(
        secret.encode(), salt=bytes.fromhex(salt), n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES
    ).hex()


def matches(secret: str, salt: str, expected_digest: str) -> bool:
    if len(secret) > MAX_SECRET_LENGTH:
        return False
    return hmac.compare_digest(digest(secret, salt), expected_digest)
