"""The Dossiers table (single-table design): a dossier's head item and its timeline share a partition.

    pk = <dossier code>                    sk = "DOSSIER"        the dossier
    pk = <dossier code>                    sk = "EVENT#0001"...  its timeline, in order
    pk = "IDEMPOTENCY#<applicant>#<key>"   sk = "IDEMPOTENCY"    one submit request -> one dossier
    pk = "SEQUENCE#<agency>#<yymmdd>"      sk = "SEQUENCE"       the agency's daily dossier counter
    pk = "STATS#<scope>"                   sk = "MONTH#<yyyy-mm>" KPI counters of a center/province/nation
    pk = <dossier code>                    sk = "AUDIT#<at>#<n>"  one opening of one of its files (audit trail)

So tracking a dossier is one Query on its partition, and a submit is one transaction.
"""

from __future__ import annotations

from pynamodb.attributes import (
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from portal.config import settings
from portal.store import keys
from portal.store.tables import PortalModel, table_meta

DOSSIER_SK = keys.DOSSIER.sk
EVENT_SK_PREFIX = keys.EVENT.sk
IDEMPOTENCY_SK = keys.DOSSIER_REQUEST.sk
SEQUENCE_SK = keys.SEQUENCE.sk
STATS_PK_PREFIX = keys.STATS.pk_prefix
MONTH_SK_PREFIX = keys.STATS.sk
AUDIT_SK_PREFIX = keys.AUDIT.sk


def event_sk(seq: int) -> str:
    return f"{EVENT_SK_PREFIX}{seq:04d}"


class ApplicantIndex(GlobalSecondaryIndex):
    """A citizen's own dossiers, newest first."""

    class Meta:
        index_name = "applicant-index"
        projection = AllProjection()

    applicant_id = UnicodeAttribute(hash_key=True)
    received_at = UnicodeAttribute(range_key=True)


class CenterQueueIndex(GlobalSecondaryIndex):
    """A center's dossiers by status, then appointment date: the officers' work queue."""

    class Meta:
        index_name = "center-queue-index"
        projection = AllProjection()

    center_id = UnicodeAttribute(hash_key=True)
    queue_key = UnicodeAttribute(range_key=True)  # "<status>#<due date>#<code>"


class OpenIndex(GlobalSecondaryIndex):
    """A province's dossiers still in the agency's hands (received, processing) by appointment date: the
    officers' morning digest reads what is due soon or late in one Query per province (sparse: a dossier
    leaves it when it is finished or waits for the applicant)."""

    class Meta:
        index_name = "open-index"
        projection = AllProjection()

    province_code = UnicodeAttribute(hash_key=True)
    open_key = UnicodeAttribute(range_key=True)  # "<due date>#<center>#<code>"


class CenterUpdatedIndex(GlobalSecondaryIndex):
    """A center's dossiers in the order they last changed: agencies' systems sync from it."""

    class Meta:
        index_name = "center-updated-index"
        projection = AllProjection()

    center_id = UnicodeAttribute(hash_key=True)
    updated_at = UnicodeAttribute(range_key=True)


class ApplicantUpdatedIndex(GlobalSecondaryIndex):
    """A citizen's dossiers in the order they last changed: apps reading for them sync from it."""

    class Meta:
        index_name = "applicant-updated-index"
        projection = AllProjection()

    applicant_id = UnicodeAttribute(hash_key=True)
    updated_at = UnicodeAttribute(range_key=True)


class FilerIndex(GlobalSecondaryIndex):
    """The dossiers a person filed for others (as an authorized person), newest first. Sparse: only
    dossiers filed on someone's behalf carry `filer_id`."""

    class Meta:
        index_name = "filer-index"
        projection = AllProjection()

    filer_id = UnicodeAttribute(hash_key=True)
    received_at = UnicodeAttribute(range_key=True)


class FilerMap(MapAttribute):
    id_number = UnicodeAttribute()
    full_name = UnicodeAttribute()
    phone = UnicodeAttribute(default="")
    email = UnicodeAttribute(default="")


class ApplicantMap(MapAttribute):
    id_number = UnicodeAttribute()
    full_name = UnicodeAttribute()
    date_of_birth = UnicodeAttribute(null=True)
    address = UnicodeAttribute(default="")
    phone = UnicodeAttribute(default="")
    email = UnicodeAttribute(default="")


class AttachmentMap(MapAttribute):
    name = UnicodeAttribute()
    content_type = UnicodeAttribute()
    size_bytes = NumberAttribute()
    document = UnicodeAttribute(default="")
    document_id = UnicodeAttribute(default="")
    state = UnicodeAttribute(default="")
    sha256 = UnicodeAttribute(default="")
    verification_code = UnicodeAttribute(default="")


class SupplementItemMap(MapAttribute):
    """One item a supplement request asks for: a document of the procedure's list (no basis) or another."""

    what = UnicodeAttribute()
    legal_basis = UnicodeAttribute(default="")


class RatingMap(MapAttribute):
    score = NumberAttribute()
    comment = UnicodeAttribute(default="")
    at = UnicodeAttribute()


class RequestedExemptionMap(MapAttribute):
    code = UnicodeAttribute()
    description = UnicodeAttribute(default="")
    amount_vnd = NumberAttribute()
    proof_document_id = UnicodeAttribute(default="")
    decision = UnicodeAttribute()
    reason = UnicodeAttribute(default="")


class FeeMap(MapAttribute):
    amount_vnd = NumberAttribute()
    due = UnicodeAttribute()
    status = UnicodeAttribute()
    note = UnicodeAttribute(default="")
    exemption = RequestedExemptionMap(null=True)


class DossierItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=DOSSIER_SK)
    procedure_code = UnicodeAttribute()
    procedure_name = UnicodeAttribute()
    center_id = UnicodeAttribute()
    province_code = UnicodeAttribute()
    applicant_id = UnicodeAttribute()
    applicant = ApplicantMap()
    channel = UnicodeAttribute()
    status = UnicodeAttribute()
    queue_key = UnicodeAttribute()
    form_data = JSONAttribute(default=dict)
    attachments = ListAttribute(of=AttachmentMap, default=list)
    received_at = UnicodeAttribute()  # ISO 8601 with the +07:00 offset
    due_date = UnicodeAttribute(null=True)  # YYYY-MM-DD; absent until the officer sets an unknown time's date
    processing_days = NumberAttribute()  # the amount, in processing_unit
    processing_unit = UnicodeAttribute(default="working_days")  # a TimeUnit value, or "unknown"
    updated_at = UnicodeAttribute()
    completed_at = UnicodeAttribute(null=True)
    supplement_requests = NumberAttribute(default=0)
    extensions = NumberAttribute(default=0)
    result = AttachmentMap(null=True)
    rating = RatingMap(null=True)
    fee = FeeMap(null=True)
    digitized_at = UnicodeAttribute(null=True)
    version = VersionAttribute()
    open_key = UnicodeAttribute(null=True)
    filer_id = UnicodeAttribute(null=True)  # filed on the applicant's behalf: the filer (filer-index)
    filer = FilerMap(null=True)
    postmarked_on = UnicodeAttribute(null=True)  # YYYY-MM-DD, received by post
    bundle_id = UnicodeAttribute(null=True)  # portal.bundles: the interlinked filing it belongs to

    applicant_index = ApplicantIndex()
    center_queue_index = CenterQueueIndex()
    open_index = OpenIndex()
    center_updated_index = CenterUpdatedIndex()
    applicant_updated_index = ApplicantUpdatedIndex()
    filer_index = FilerIndex()


class EventItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    seq = NumberAttribute()
    at = UnicodeAttribute()
    action = UnicodeAttribute()
    status = UnicodeAttribute()
    actor = UnicodeAttribute()
    note = UnicodeAttribute(default="")
    due_date = UnicodeAttribute(null=True)
    asked = ListAttribute(of=SupplementItemMap, null=True)  # a supplement request's items


class IdempotencyItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=IDEMPOTENCY_SK)
    dossier_code = UnicodeAttribute()
    expires_at = TTLAttribute()


class SequenceItem(PortalModel):
    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=SEQUENCE_SK)
    value = NumberAttribute(default=0)
    expires_at = TTLAttribute(null=True)


class StatsItem(PortalModel):
    """One month of KPI counters for one scope (see portal.dossiers.counters); updated with ADD only."""

    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    received = NumberAttribute(default=0)
    online = NumberAttribute(default=0)
    finished = NumberAttribute(default=0)
    on_time = NumberAttribute(default=0)
    late = NumberAttribute(default=0)
    withdrawn = NumberAttribute(default=0)
    supplement_requests = NumberAttribute(default=0)
    extended = NumberAttribute(default=0)
    electronic_results = NumberAttribute(default=0)
    ratings = NumberAttribute(default=0)
    rating_sum = NumberAttribute(default=0)
    satisfied = NumberAttribute(default=0)
    fees_owed = NumberAttribute(default=0)
    fees_paid_online = NumberAttribute(default=0)
    digitized = NumberAttribute(default=0)
    in_person = NumberAttribute(default=0)
    post = NumberAttribute(default=0)


class AuditItem(PortalModel):
    """Someone opened one of the dossier's files (a download link was handed out)."""

    Meta = table_meta(settings().tables.dossiers)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    at = UnicodeAttribute()
    actor = UnicodeAttribute()
    actor_id = UnicodeAttribute(default="")
    document_id = UnicodeAttribute()
