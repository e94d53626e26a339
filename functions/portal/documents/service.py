"""Files that travel: a short-lived upload policy for a key the portal chose, the object checked once
uploaded (size, type from its first bytes, SHA-256, malware scan), attached to its dossier with a timeline
event, served only as short-lived links to whoever may read that dossier, every opening on its audit trail.

The API never carries file bytes: the browser posts straight to storage (S3; SeaweedFS locally).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import replace

from portal.clock import Clock
from portal.documents import policy, structure
from portal.documents.model import Document, Purpose, State, UploadRequest, UploadTicket, Verdict
from portal.documents.policy import rejection_message
from portal.documents.reading import DOCUMENT_ID, Reading, document_not_found
from portal.documents.repository import DocumentRepository, ObjectStorage, Scanner
from portal.documents.seals import Sealer
from portal.dossiers import files
from portal.dossiers.access import check_can_add_file
from portal.dossiers.counters import delta
from portal.dossiers.following import get_dossier
from portal.dossiers.model import ActorRole, Attachment, Dossier
from portal.dossiers.on_behalf import AUTHORIZATION_DOCUMENT
from portal.dossiers.repository import DossierRepository
from portal.errors import Conflict, InvalidInput
from portal.identity.access import principal_ref, require_applicant, require_signed_in
from portal.identity.principal import Principal, Scope
from portal.procedures.catalog import Catalog
from portal.procedures.document_slots import slot_key
from portal.procedures.service import get_procedure

INCOMING = "incoming/"  # uploads land here; storage forgets what is never completed (lifecycle rule)
STORED = "documents/"  # checked files only


class Documents(Reading):
    """Uploading, checking and attaching files (reading them: portal.documents.reading)."""

    def __init__(
        self,
        documents: DocumentRepository,
        objects: ObjectStorage,
        scanner: Scanner,
        dossiers: DossierRepository,
        catalog: Catalog,
        clock: Clock,
        sealer: Sealer | None = None,
    ) -> None:
        self.sealer = sealer
        self.documents = documents
        self.objects = objects
        self.scanner = scanner
        self.dossiers = dossiers
        self.catalog = catalog
        self.clock = clock

    # --- upload -------------------------------------------------------------------------------------------
    def request_upload(self, principal: Principal, request: UploadRequest) -> UploadTicket:
        policy.check_upload_request(request.file_name, request.content_type, request.size_bytes)
        if request.dossier_code:
            dossier = get_dossier(self.dossiers, principal, request.dossier_code)
            check_can_add_file(principal, dossier, request.purpose.value)
            if dossier.status not in files.OPEN_FOR_FILES:
                raise Conflict("Hồ sơ không còn nhận thêm tệp.", "This dossier no longer takes files.")
            policy.check_dossier_total([a.size_bytes for a in dossier.attachments] + [request.size_bytes])
            owner, procedure_code = dossier.applicant.id_number, dossier.procedure_code
            slot = self._check_slot(procedure_code, request.slot, required=request.purpose is Purpose.DESK_SCAN)
        else:
            if request.purpose is not Purpose.FILING:
                raise InvalidInput.for_field(
                    "dossierCode", "Cần mã hồ sơ nhận tệp.", "The dossier the file goes into is required."
                )
            citizen = require_applicant(principal, Scope.DOSSIERS_WRITE)
            owner, procedure_code = citizen.id_number, get_procedure(self.catalog, request.procedure_code).code
            slot = self._check_slot(procedure_code, request.slot, required=False, extra=(AUTHORIZATION_DOCUMENT,))
        now = self.clock.now()
        document_id = secrets.token_hex(16)
        document = Document(
            id=document_id,
            owner_id=owner,
            purpose=request.purpose,
            slot=slot,
            procedure_code=procedure_code,
            file_name=request.file_name.strip(),
            declared_type=request.content_type,
            key=f"{STORED}{document_id}",
            state=State.PENDING,
            created_at=now,
            requested_by=principal_ref(principal),
            dossier_code=request.dossier_code,
        )
        self.documents.create(document, expires_at=now + policy.PENDING_RETENTION)
        url, fields = self.objects.presigned_post(
            f"{INCOMING}{document_id}", request.content_type, policy.MAX_FILE_BYTES, policy.UPLOAD_WINDOW
        )
        return UploadTicket(document, url, fields, now + policy.UPLOAD_WINDOW, policy.MAX_FILE_BYTES)

    def _check_slot(self, procedure_code: str, slot: str, required: bool, extra: tuple[str, ...] = ()) -> str:
        """`extra`: slots of any filing (the authorization of a dossier filed on someone's behalf)."""
        documents = get_procedure(self.catalog, procedure_code).documents
        names = [slot_key(d.name) for d in documents] + [d.name for d in documents] + list(extra)
        slot = slot.strip()
        if (slot or required) and slot not in names:
            raise InvalidInput.for_field(
                "slot",
                "Thành phần hồ sơ không thuộc thủ tục này.",
                "This is not one of the procedure's required documents.",
            )
        return slot

    def complete_upload(self, principal: Principal, document_id: str) -> Document:
        """Check the uploaded object and keep it (pending until the scanner's verdict, clean, or rejected
        with the reason); a file for an existing dossier is attached to it. Completing twice is harmless."""
        require_signed_in(principal)
        document = self._requested_by(principal, document_id)
        if not document.uploaded:
            document = self._check_object(document)
        if document.state is State.REJECTED:
            message, message_en = rejection_message(document.reason)
            raise InvalidInput.for_field("file", message, message_en)
        if document.dossier_code and document.dossier_code not in document.dossiers:
            document = self._attach(document)
        return document

    def _check_object(self, document: Document) -> Document:
        incoming = f"{INCOMING}{document.id}"
        size = self.objects.size_of(incoming)
        if size is None:
            raise InvalidInput.for_field(
                "file",
                "Chưa nhận được tệp, hoặc phiên tải lên đã hết hạn. Vui lòng tải lên lại.",
                "The file has not arrived, or the upload expired. Please upload it again.",
            )
        now = self.clock.now()
        checked = replace(document, uploaded_at=now, size_bytes=size)
        if size == 0 or size > policy.MAX_FILE_BYTES:
            self.objects.delete(incoming)
            return self._keep(replace(checked, state=State.REJECTED, reason="empty" if size == 0 else "too_large"))
        body = self.objects.read(incoming, policy.MAX_FILE_BYTES)
        checked = replace(checked, sha256=hashlib.sha256(body).hexdigest(), content_type=policy.sniff(body) or "")
        if not checked.content_type or not structure.well_formed(checked.content_type, body):  # polyglots too
            self.objects.delete(incoming)
            return self._keep(replace(checked, state=State.REJECTED, reason="type"))
        self.objects.move(incoming, document.key)
        verdict = self.scanner.scan(document.key, body)
        return self._keep(self._judged(checked, verdict))

    def _judged(self, document: Document, verdict: Verdict | None) -> Document:
        if verdict is None:
            return document  # pending: an asynchronous scanner reports through record_verdict
        if verdict.clean:
            return replace(document, state=State.CLEAN)
        self.objects.delete(document.key)  # never served
        reason = "unreadable" if verdict.reason == "unreadable" else f"malware: {verdict.reason}"[:200]
        return replace(document, state=State.REJECTED, reason=reason)

    def _keep(self, document: Document) -> Document:
        self.documents.save(document)
        return document

    def _attach(self, document: Document) -> Document:
        dossier = self.dossiers.get(document.dossier_code)
        if dossier is None:
            raise document_not_found(document.id)
        if not any(a.document_id == document.id for a in (*dossier.attachments, dossier.result) if a):
            attachment = self.attachment(document)
            now = self.clock.now()
            if document.purpose is Purpose.RESULT:
                attachment = self._sealed(attachment, dossier)
                updated, event = files.attach_result(dossier, attachment, now)
            else:
                # the real size and count, checked again here: the upload policy saw only the declared size,
                # and the dossier's version makes the check and the attachment one (record is conditional)
                policy.check_dossier_total([a.size_bytes for a in dossier.attachments] + [document.size_bytes])
                actor = ActorRole.OFFICER if document.purpose is Purpose.DESK_SCAN else ActorRole.APPLICANT
                updated, event = files.attach(dossier, attachment, actor, now, self._required(dossier))
            self.dossiers.record(updated, event, kpi=delta(dossier, updated, event))
        return self._keep(replace(document, dossiers=(*document.dossiers, dossier.code)))

    def _sealed(self, attachment: Attachment, dossier: Dossier) -> Attachment:
        """The result signed by the portal: its verification code goes on the dossier (and its QR code)."""
        if self.sealer is None:
            return attachment
        seal = self.sealer.seal(
            attachment.sha256, self.clock.now(), dossier.procedure_code, dossier.procedure_name, dossier.center_id
        )
        self.documents.save_seal(seal)
        return replace(attachment, verification_code=seal.code)

    def _required(self, dossier: Dossier) -> tuple[str, ...]:
        found = self.catalog.details(dossier.procedure_code)  # documents are details: read by key, cached
        return files.required_documents([d.name for d in found.documents]) if found else ()

    @staticmethod
    def attachment(document: Document, slot: str = "") -> Attachment:
        return Attachment(
            name=document.file_name,
            content_type=document.content_type,
            size_bytes=document.size_bytes,
            document=slot or document.slot,
            document_id=document.id,
            state=document.state.value,
            sha256=document.sha256,
        )

    # --- an asynchronous scanner's verdict (GuardDuty Malware Protection for S3, through EventBridge) ----
    def record_verdict(self, document_id: str, verdict: Verdict) -> Document | None:
        document = self.documents.get(document_id)
        if document is None or document.state is not State.PENDING or not document.uploaded:
            return document  # unknown, or judged already: a verdict delivered twice changes nothing
        document = self._keep(self._judged(document, verdict))
        for code in document.dossiers:
            dossier = self.dossiers.get(code)
            change = dossier and files.record_scan(
                dossier, document.id, document.state.value, document.reason, self.clock.now(), self._required(dossier)
            )
            if change:
                updated, event = change
                self.dossiers.record(updated, event, kpi=delta(dossier, updated, event))
        return document

    # --- filing with stored documents -----------------------------------------------------------------------
    def attachments_for(self, principal: Principal, refs: list[tuple[str, str]]) -> tuple[Attachment, ...]:
        """The attachments of a new dossier from the citizen's documents (just uploaded, or reused from
        their personal store: the same object, referenced, never copied)."""
        if not refs:
            return ()
        citizen = require_applicant(principal, Scope.DOSSIERS_WRITE)
        ids = [document_id for document_id, _ in refs]
        if len(set(ids)) != len(ids):
            raise InvalidInput.for_field("documents", "Một tệp được đính kèm hai lần.", "A file is attached twice.")
        found = self.documents.get_many([i for i in ids if DOCUMENT_ID.match(i)])
        attachments = []
        for i, (document_id, slot) in enumerate(refs):
            document = found.get(document_id)
            field = f"documents.{i}"
            if document is None or document.owner_id != citizen.id_number:
                raise InvalidInput.for_field(field, "Không tìm thấy tệp.", "The file was not found.")
            if not document.uploaded:
                raise InvalidInput.for_field(field, "Tệp chưa tải lên xong.", "The file has not finished uploading.")
            if document.state is State.REJECTED:
                raise InvalidInput.for_field(field, *rejection_message(document.reason))
            attachments.append(self.attachment(document, slot.strip()))
        if len({a.sha256 for a in attachments}) != len(attachments):
            raise InvalidInput.for_field(
                "documents", "Một tệp được đính kèm hai lần.", "The same file is attached twice."
            )
        policy.check_dossier_total([a.size_bytes for a in attachments])
        return tuple(attachments)

    def link(self, attachments: tuple[Attachment, ...], dossier_code: str) -> None:
        """Remember which dossier holds each document (its scan verdict updates them)."""
        found = self.documents.get_many([a.document_id for a in attachments if a.document_id])
        for document in found.values():
            if dossier_code not in document.dossiers:
                self.documents.save(replace(document, dossiers=(*document.dossiers, dossier_code)))

    def _requested_by(self, principal: Principal, document_id: str) -> Document:
        document = self.documents.get(document_id) if DOCUMENT_ID.match(document_id) else None
        if document is None or not document.requested_by or document.requested_by != principal_ref(principal):
            raise document_not_found(document_id)
        return document
