"""Drafts in the Dossiers table, one item per citizen and procedure, removed by TTL:

    pk = "DRAFT#<personal id number>"   sk = "PROCEDURE#<procedure code>"

A citizen's drafts are one Query on their partition. The items carry no `applicant_id`, so they stay
out of the applicant index that lists dossiers. The `draft-expiry-index` (keys only) finds the drafts
about to expire for the reminder job: ten partitions (the last digit of the owner's number, so no one
partition takes every autosave of a day), sorted by expiry.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pynamodb.attributes import JSONAttribute, ListAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.exceptions import DeleteError, UpdateError
from pynamodb.indexes import GlobalSecondaryIndex, KeysOnlyProjection

from portal.config import settings
from portal.dossiers.model import Attachment
from portal.drafts.model import Draft
from portal.store import keys
from portal.store.dossier_items import AttachmentMap
from portal.store.tables import PortalModel, table_meta

DRAFT_PK_PREFIX = keys.DRAFT.pk_prefix
PROCEDURE_SK_PREFIX = keys.DRAFT.sk
MAX_DRAFTS_LISTED = 50
EXPIRY_SHARDS = tuple("0123456789")


def _shard(owner: str) -> str:
    return owner[-1] if owner[-1:] in EXPIRY_SHARDS else "0"


def _expiry_key(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class DraftExpiryIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "draft-expiry-index"
        projection = KeysOnlyProjection()

    draft_shard = UnicodeAttribute(hash_key=True)
    draft_expiry = UnicodeAttribute(range_key=True)  # the expiry in UTC, "YYYY-MM-DDTHH:MM:SSZ"


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
    draft_shard = UnicodeAttribute(null=True)
    draft_expiry = UnicodeAttribute(null=True)
    reminded_for = UnicodeAttribute(null=True)  # the expiry (ISO) the citizen was reminded of

    expiry_index = DraftExpiryIndex()


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
        reminded_for=datetime.fromisoformat(item.reminded_for) if item.reminded_for else None,
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
            draft_shard=_shard(draft.owner),
            draft_expiry=_expiry_key(draft.expires_at),
        ).save()  # a whole put: a change drops `reminded_for`, so the new expiry gets its own reminder

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

    def expiring_before(self, moment: datetime) -> list[Draft]:
        """Drafts whose expiry is before `moment` (expired ones TTL has not removed yet included)."""
        keys = [
            (hit.pk, hit.sk)
            for shard in EXPIRY_SHARDS
            for hit in DraftItem.expiry_index.query(shard, DraftItem.draft_expiry < _expiry_key(moment))
        ]
        return [_to_domain(item) for item in DraftItem.batch_get(keys)] if keys else []

    def mark_reminded(self, draft: Draft) -> bool:
        """Records the reminder of this expiry; False when the draft changed (or went) meanwhile."""
        item = DraftItem(*_key(draft.owner, draft.procedure_code))
        try:
            item.update(
                actions=[DraftItem.reminded_for.set(draft.expires_at.isoformat())],
                condition=DraftItem.draft_expiry == _expiry_key(draft.expires_at),
            )
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def delete_expired(self, draft: Draft, now: datetime) -> bool:
        """Deletes the draft if it is still past its expiry (not saved again meanwhile)."""
        item = DraftItem(*_key(draft.owner, draft.procedure_code))
        try:
            item.delete(condition=DraftItem.draft_expiry <= _expiry_key(now))
        except DeleteError as error:
            if _condition_failed(error):
                return False
            raise
        return True


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", "") == "ConditionalCheckFailedException"
