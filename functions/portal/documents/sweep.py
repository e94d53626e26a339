"""Uploads never completed, cleaned up: a file posted to storage whose completion never came (the tab was
closed, the phone lost its connection) stays under `incoming/`, never checked, never served. Once its
document's retention has passed (policy.PENDING_RETENTION, a day) the object is deleted, and so is its
document item if it was never completed. Nothing completed is touched: checked files live under
`documents/`.

In AWS a lifecycle rule on `incoming/` and the items' TTL do the same within about two days; this job
(hourly, `sweep-uploads` in portal.jobs.registry) makes it prompt, and makes it happen at all locally,
where SeaweedFS and DynamoDB Local apply neither.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.clock import Clock
from portal.documents import policy
from portal.documents.repository import DocumentRepository, ObjectStorage

INCOMING = "incoming/"
MAX_SWEPT = 1000  # a run's bound; the next run takes the rest


@dataclass(frozen=True)
class SweepReport:
    objects_deleted: int
    documents_forgotten: int


def sweep_abandoned_uploads(documents: DocumentRepository, objects: ObjectStorage, clock: Clock) -> SweepReport:
    cutoff = clock.now() - policy.PENDING_RETENTION
    deleted = forgotten = 0
    for key in objects.keys_older_than(INCOMING, cutoff, MAX_SWEPT):
        document_id = key.removeprefix(INCOMING)
        document = documents.get(document_id)
        if document is not None and not document.uploaded:
            documents.delete(document_id)
            forgotten += 1
        objects.delete(key)
        deleted += 1
    return SweepReport(deleted, forgotten)
