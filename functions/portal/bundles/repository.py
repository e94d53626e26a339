"""What the bundle services need from storage (implemented by portal.store.bundles.BundleStore)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from portal.bundles.model import Bundle
from portal.dossiers.model import Dossier


class BundleRepository(Protocol):
    def find_submitted(self, applicant_id: str, request_id: str) -> str | None: ...
    def create(self, bundle: Bundle, started: list[Dossier], request_id: str, now: datetime) -> None: ...
    def save(self, bundle: Bundle, started: list[Dossier]) -> None: ...
    def get(self, bundle_id: str) -> Bundle | None: ...
    def by_applicant(self, applicant_id: str, limit: int) -> list[Bundle]: ...


class DuplicateBundle(Exception):
    """The same request (same applicant, same client request id) already made a bundle."""

    def __init__(self, bundle_id: str) -> None:
        super().__init__(bundle_id)
        self.bundle_id = bundle_id
