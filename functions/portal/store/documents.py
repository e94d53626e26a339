"""Documents in DynamoDB <-> portal.documents.model."""

from __future__ import annotations

from datetime import datetime

from portal.documents.model import Document, Purpose, State
from portal.documents.seals import Seal
from portal.pagination import Page
from portal.store.document_items import SEAL_PREFIX, DocumentItem, SealItem
from portal.store.paging import query_page


def _item(d: Document) -> DocumentItem:
    return DocumentItem(
        id=d.id,
        owner_id=d.owner_id,
        store_owner=d.owner_id if d.state is State.CLEAN else None,
        purpose=d.purpose.value,
        slot=d.slot,
        procedure_code=d.procedure_code,
        file_name=d.file_name,
        declared_type=d.declared_type,
        key=d.key,
        state=d.state.value,
        created_at=d.created_at.isoformat(),
        requested_by=d.requested_by,
        dossier_code=d.dossier_code,
        uploaded_at=d.uploaded_at.isoformat() if d.uploaded_at else None,
        content_type=d.content_type,
        size_bytes=d.size_bytes,
        sha256=d.sha256,
        reason=d.reason,
        dossiers=list(d.dossiers),
    )


def _document(item: DocumentItem) -> Document:
    return Document(
        id=item.id,
        owner_id=item.owner_id,
        purpose=Purpose(item.purpose),
        slot=item.slot,
        procedure_code=item.procedure_code,
        file_name=item.file_name,
        declared_type=item.declared_type,
        key=item.key,
        state=State(item.state),
        created_at=datetime.fromisoformat(item.created_at),
        requested_by=item.requested_by,
        dossier_code=item.dossier_code,
        uploaded_at=datetime.fromisoformat(item.uploaded_at) if item.uploaded_at else None,
        content_type=item.content_type,
        size_bytes=int(item.size_bytes),
        sha256=item.sha256,
        reason=item.reason,
        dossiers=tuple(item.dossiers or ()),
    )


class DocumentStore:
    def create(self, document: Document, expires_at: datetime) -> None:
        item = _item(document)
        item.expires_at = expires_at  # forgotten if the upload is never completed
        item.save(condition=DocumentItem.id.does_not_exist())

    def save(self, document: Document) -> None:
        item = _item(document)
        item.expires_at = None if document.uploaded else item.expires_at
        item.save()

    def get(self, document_id: str) -> Document | None:
        try:
            return _document(DocumentItem.get(document_id, consistent_read=True))
        except DocumentItem.DoesNotExist:
            return None

    def get_many(self, document_ids: list[str]) -> dict[str, Document]:
        ids = list(dict.fromkeys(document_ids))
        return {item.id: _document(item) for item in DocumentItem.batch_get(ids)} if ids else {}

    def delete(self, document_id: str) -> None:
        DocumentItem(id=document_id).delete()

    def save_seal(self, seal: Seal) -> None:
        SealItem(
            id=f"{SEAL_PREFIX}{seal.code}",
            sha256=seal.sha256,
            issued_at=seal.issued_at.isoformat(),
            procedure_code=seal.procedure_code,
            procedure_name=seal.procedure_name,
            center_id=seal.center_id,
            signature=seal.signature,
        ).save(condition=SealItem.id.does_not_exist())

    def get_seal(self, code: str) -> Seal | None:
        try:
            item = SealItem.get(f"{SEAL_PREFIX}{code}")
        except SealItem.DoesNotExist:
            return None
        return Seal(
            code=code,
            sha256=item.sha256,
            issued_at=datetime.fromisoformat(item.issued_at),
            procedure_code=item.procedure_code,
            procedure_name=item.procedure_name,
            center_id=item.center_id,
            signature=item.signature,
        )

    def stored_by(self, owner_id: str, first: int | None, after: str | None) -> Page[Document]:
        return query_page(
            lambda **kw: DocumentItem.store_index.query(owner_id, scan_index_forward=False, **kw),
            {"store_owner": owner_id},
            first,
            after,
            _document,
        )
