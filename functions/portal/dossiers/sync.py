"""Incremental sync for third-party clients: the dossiers in a client's view that changed since a time.

An agency's system (center:dossiers) syncs its center's dossiers; an app reading for a citizen
(dossiers:read) syncs that citizen's. A client limited to listed procedures gets only those. `since` is
inclusive: a client passes the last `updatedAt` it saw and skips what it already holds (same code and
version), so a change made in the same instant as the previous page's last one is never missed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from portal.dossiers.model import Dossier
from portal.dossiers.repository import DossierRepository
from portal.errors import InvalidInput
from portal.identity.access import require_sync_reader
from portal.identity.principal import Principal
from portal.pagination import Page

MAX_LOOKBACK = timedelta(days=366 * 5)


def dossier_changes(
    dossiers: DossierRepository,
    principal: Principal,
    since: datetime,
    now: datetime,
    first: int | None,
    after: str | None,
) -> Page[Dossier]:
    reach, app = require_sync_reader(principal)
    if since.tzinfo is None or since > now or now - since > MAX_LOOKBACK:
        raise InvalidInput.for_field(
            "updatedSince",
            "Thời điểm phải có múi giờ, không ở tương lai và trong vòng 5 năm.",
            "The time must carry its offset, not lie in the future, and be within 5 years.",
        )
    page = dossiers.updated_since(reach, since.astimezone(now.tzinfo), first, after)
    items = [d for d in page.items if app.reaches(d.procedure_code)]
    return Page(items=items, end_cursor=page.end_cursor)
