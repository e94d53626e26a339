"""Drafts in the Dossiers table, one item per citizen and procedure, removed by TTL:

    pk = "DRAFT#<personal id number>"   sk = "PROCEDURE#<procedure code>"

A citizen's drafts are one Query on their partition. The items carry no `applicant_id`, so they stay
out of the applicant index that lists dossiers.
"""

from __future__ import annotations

from datetime import datetime

from pynamodb.attributes import JSONAttribute, ListAttribute, TTLAttribute, UnicodeAttribute

from portal.config import settings
from portal.dossiers.model import Attachment
from portal.drafts.model import Draft
from portal.store.dossier_items import AttachmentMap
from portal.store.tables import PortalModel, table_meta

DRAFT_PK_PREFIX = "DRAFT#"
PROCEDURE_SK_PREFIX = "PROCEDURE#"
MAX_DRAFTS_LISTED = 50


class DraftItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    procedure_code = UnicodeAttribute()
    procedure_name = UnicodeAttribute()
    request_id = UnicodeAttribute()
    answers = JSONAttribute(default=dict)
    phone = UnicodeAttribute(default="")
    email = UnicodeAttribute(default="")
    draft_center_id = UnicodeAttribute(default="")  # not `center_id`: that would put it in the officers' queue
    attachments = ListAttribute(of=AttachmentMap, default=list)
    updated_at = UnicodeAttribute()
    expires_at = TTLAttribute()


def _key(owner: str, procedure_code: str) -> tuple[str, str]:
    return f"{DRAFT_PK_PREFIX}{owner}", f"{PROCEDURE_SK_PREFIX}{procedure_code}"


def _to_domain(item: DraftItem) -> Draft:
    return Draft(
        owner=item.pk.removeprefix(DRAFT_PK_PREFIX),
        procedure_code=item.procedure_code,
        procedure_name=item.procedure_name,
        request_id=item.request_id,
        answers=item.answers or {},
        phone=item.phone,
        email=item.email,
        center_id=item.draft_center_id,
        attachments=tuple(
            Attachment(a.name, a.content_type, int(a.size_bytes), a.document, a.document_id, a.state, a.sha256)
            for a in item.attachments or []
        ),
        updated_at=datetime.fromisoformat(item.updated_at),
        expires_at=item.expires_at,
    )


class DraftStore:
    def save(self, draft: Draft) -> None:
        pk, sk = _key(draft.owner, draft.procedure_code)
        DraftItem(
            pk,
            sk,
            procedure_code=draft.procedure_code,
            procedure_name=draft.procedure_name,
            request_id=draft.request_id,
            answers=draft.answers,
            phone=draft.phone,
            email=draft.email,
            draft_center_id=draft.center_id,
            attachments=[
                AttachmentMap(
                    name=a.name,
                    content_type=a.content_type,
                    size_bytes=a.size_bytes,
                    document=a.document,
                    document_id=a.document_id,  # an uploaded or store-picked file: resumed without uploading again
                    state=a.state,
                    sha256=a.sha256,
                )
                for a in draft.attachments
            ],
            updated_at=draft.updated_at.isoformat(),
            expires_at=draft.expires_at,
        ).save()

    def get(self, owner: str, procedure_code: str) -> Draft | None:
        try:
            return _to_domain(DraftItem.get(*_key(owner, procedure_code), consistent_read=True))
        except DraftItem.DoesNotExist:
            return None

    def of_owner(self, owner: str) -> list[Draft]:
        pk, _ = _key(owner, "")
        items = DraftItem.query(pk, DraftItem.sk.startswith(PROCEDURE_SK_PREFIX), limit=MAX_DRAFTS_LISTED)
        return [_to_domain(i) for i in items]

    def delete(self, owner: str, procedure_code: str) -> None:
        DraftItem(*_key(owner, procedure_code)).delete()
