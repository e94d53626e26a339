"""What the draft services need from storage (implemented by portal.store.drafts.DraftStore)."""

from __future__ import annotations

from typing import Protocol

from portal.drafts.model import Draft


class DraftRepository(Protocol):
    def save(self, draft: Draft) -> None: ...
    def get(self, owner: str, procedure_code: str) -> Draft | None: ...
    def of_owner(self, owner: str) -> list[Draft]: ...
    def delete(self, owner: str, procedure_code: str) -> None: ...
