"""Persisted operations: in a stage that requires them (prod), only the contract's named operations run.

The registry (persisted_operations.json, written by `make schema` from graphql/operations) maps the
SHA-256 of each operation's exact text to it. A request sends either the text (the site does: the hash
of what it sends is registered) or only the hash, Apollo's way:
`{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}}`. An unknown text is refused
with PERSISTED_OPERATION_NOT_FOUND where they are required, and runs elsewhere (local, tests, staging).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from strawberry.extensions import SchemaExtension

from portal.errors import PortalError

REGISTRY_FILE = Path(__file__).with_name("persisted_operations.json")
MAX_HASH_LENGTH = 64


class PersistedOperationNotFound(PortalError):
    code = "PERSISTED_OPERATION_NOT_FOUND"


@cache
def registered() -> dict[str, str]:
    """hash -> operation text, read once per container."""
    entries = json.loads(REGISTRY_FILE.read_text(encoding="utf-8"))
    return {digest: entry["query"] for digest, entry in entries.items()}


def operation_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _requested_hash(extensions: object) -> str | None:
    persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
    digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    return digest.lower() if isinstance(digest, str) and len(digest) <= MAX_HASH_LENGTH else None


def _not_found() -> PersistedOperationNotFound:
    return PersistedOperationNotFound(
        "Thao tác chưa được đăng ký với cổng. Hãy dùng các thao tác có tên được công bố ở trang nhà phát triển.",
        "This operation is not registered. Use the named operations published on the developer page.",
    )


class PersistedOperations(SchemaExtension):
    def __init__(self, *, required: bool) -> None:
        self.required = required

    def on_operation(self) -> Iterator[None]:
        execution = self.execution_context
        digest = _requested_hash(execution.operation_extensions)
        if not execution.query:
            if digest is None or digest not in registered():
                raise _not_found()
            execution.query = registered()[digest]
        elif self.required and operation_hash(execution.query) not in registered():
            raise _not_found()
        yield
