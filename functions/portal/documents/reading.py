"""Reading files: short-lived download links for whoever may read the dossier (each on its audit trail),
the citizen's personal store, and the public verification of a signed result."""

from __future__ import annotations

import re
from collections.abc import Callable

from portal.clock import Clock
from portal.documents import policy
from portal.documents.model import Document, Download, State
from portal.documents.repository import DocumentRepository, ObjectStorage
from portal.documents.seals import Sealer, Verification, check_code, check_sha256
from portal.dossiers.following import get_dossier
from portal.dossiers.model import AccessRecord, ActorRole, Attachment
from portal.dossiers.repository import DossierRepository
from portal.errors import Conflict, NotFound
from portal.identity.access import require_applicant, require_draft_owner, require_public_read
from portal.identity.principal import Officer, Principal, Scope
from portal.pagination import Page

DOCUMENT_ID = re.compile(r"^[0-9a-f]{32}$")


def document_not_found(document_id: str) -> NotFound:
    return NotFound(f"Không tìm thấy tệp {document_id[:40]}.", f"Document {document_id[:40]} was not found.")


class Reading:
    documents: DocumentRepository
    objects: ObjectStorage
    dossiers: DossierRepository
    clock: Clock
    sealer: Sealer | None
    attachment: Callable[[Document, str], Attachment]

    def download(self, principal: Principal, document_id: str, dossier_code: str = "") -> Download:
        """A link of a few minutes to a clean file: of a dossier the principal may read (recorded on its
        audit trail), or of the citizen's own store."""
        if dossier_code:
            dossier = get_dossier(self.dossiers, principal, dossier_code)
            held = {a.document_id for a in (*dossier.attachments, dossier.result) if a and a.document_id}
            if document_id not in held:
                raise document_not_found(document_id)
            document = self.documents.get(document_id)
        else:
            citizen = require_applicant(principal, Scope.DOSSIERS_READ)
            document = self.documents.get(document_id) if DOCUMENT_ID.match(document_id) else None
            if document is not None and document.owner_id != citizen.id_number:
                document = None
        if document is None:
            raise document_not_found(document_id)
        if document.state is not State.CLEAN:
            raise Conflict(
                "Tệp chưa được kiểm tra an toàn hoặc đã bị loại bỏ.", "The file is not checked yet, or was rejected."
            )
        now = self.clock.now()
        url = self.objects.presigned_get(
            document.key, document.file_name, document.content_type, policy.DOWNLOAD_WINDOW
        )
        if dossier_code:
            actor = ActorRole.OFFICER if isinstance(principal, Officer) else ActorRole.APPLICANT
            subject = getattr(principal, "subject", "") or getattr(principal, "client_id", "")
            self.dossiers.record_access(dossier_code, AccessRecord(now, actor, subject, document_id))
        return Download(url, now + policy.DOWNLOAD_WINDOW)

    def stored(self, principal: Principal, first: int | None, after: str | None) -> Page[Document]:
        """The citizen's personal store (Kho dữ liệu cá nhân): every clean document, newest first."""
        citizen = require_applicant(principal, Scope.DOSSIERS_READ)
        return self.documents.stored_by(citizen.id_number, first, after)

    def draft_files(self, principal: Principal, refs: list[tuple[str, str]]) -> tuple[Attachment, ...]:
        """The files a draft keeps by id (uploaded, or picked from the personal store), as the portal
        recorded them: only the citizen's own, uploaded and not rejected; anything else is left out (a
        draft holds what was typed so far; submitting checks every id again)."""
        citizen = require_draft_owner(principal)
        ids = [i for i, _ in refs if DOCUMENT_ID.match(i)]
        found = self.documents.get_many(ids) if ids else {}
        kept, seen = [], set()
        for document_id, slot in refs:
            document = found.get(document_id)
            if document is None or document_id in seen or document.owner_id != citizen.id_number:
                continue
            if document.uploaded and document.state is not State.REJECTED:
                seen.add(document_id)
                kept.append(self.attachment(document, slot.strip()))
        return tuple(kept)

    def verify(self, principal: Principal, code: str, sha256: str = "") -> Verification:
        """Public: is the presented file (its SHA-256) the result the portal issued under `code`?"""
        require_public_read(principal)
        code, sha256 = check_code(code), check_sha256(sha256)
        seal = self.documents.get_seal(code)
        if seal is None or self.sealer is None:
            return Verification(code=code, found=False)
        return Verification(
            code=code,
            found=True,
            signature_valid=self.sealer.verify(seal),
            matches=None if not sha256 else sha256 == seal.sha256,
            issued_at=seal.issued_at,
            procedure_name=seal.procedure_name,
            center_id=seal.center_id,
        )
