"""Incremental sync for third-party clients: the dossiers in a client's view that changed since a time.

An agency's system (center:dossiers) syncs its center's dossiers; an app reading for a citizen
(dossiers:read) syncs that citizen's. A client limited to listed procedures gets only those. `since` is
inclusive: a client passes the last `updatedAt` it saw and skips what it already holds (same code and
version), so a change made in the same instant as the previous page's last one is never missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from portal.clients.model import Client
from portal.dossiers.model import Dossier
from portal.dossiers.repository import DossierRepository
from portal.errors import InvalidInput
from portal.identity.access import require_sync_reader
from portal.identity.principal import App, Principal
from portal.pagination import Page

MAX_LOOKBACK = timedelta(days=366 * 5)
PROCEDURE_NOT_LISTED = "procedure_not_listed"


@dataclass(frozen=True)
class DossierRemoval:
    code: str
    removed_at: datetime
    reason: str  # PROCEDURE_NOT_LISTED: the client's procedure list no longer has the dossier's


class Registrations(Protocol):
    def viewer(self, app: App) -> Client: ...


def _check_since(since: datetime, now: datetime, field: str) -> datetime:
    if since.tzinfo is None or since > now or now - since > MAX_LOOKBACK:
        raise InvalidInput.for_field(
            field,
            "Thời điểm phải có múi giờ, không ở tương lai và trong vòng 5 năm.",
            "The time must carry its offset, not lie in the future, and be within 5 years.",
        )
    return since.astimezone(now.tzinfo)


def dossier_changes(
    dossiers: DossierRepository,
    principal: Principal,
    since: datetime,
    now: datetime,
    first: int | None,
    after: str | None,
) -> Page[Dossier]:
    reach, app = require_sync_reader(principal)
    page = dossiers.updated_since(reach, _check_since(since, now, "updatedSince"), first, after)
    items = [d for d in page.items if app.reaches(d.procedure_code)]
    return Page(items=items, end_cursor=page.end_cursor)


def dossier_removals(
    dossiers: DossierRepository,
    registrations: Registrations,
    principal: Principal,
    since: datetime,
    now: datetime,
    first: int | None,
    after: str | None,
) -> Page[DossierRemoval]:
    """The dossiers that left the client's view at or after `since`: those of the procedures an admin took
    off its list then, filed before that (and not given back since). Nothing when no list was narrowed
    since: no read at all. Otherwise one Query on the reach's updated index (its whole history, paged by
    `first`/`after`: a narrowing is rare, and a client reads it once)."""
    reach, app = require_sync_reader(principal)
    since = _check_since(since, now, "removedSince")
    if not app.registered:
        return Page(items=[], end_cursor=None)
    narrowings = [n for n in registrations.viewer(app).narrowings if n.at >= since]
    if not narrowings:
        return Page(items=[], end_cursor=None)
    page = dossiers.updated_since(reach, now - MAX_LOOKBACK, first, after)
    removals = []
    for dossier in page.items:
        if app.reaches(dossier.procedure_code):
            continue
        removed_by = [n for n in narrowings if n.removes(dossier.procedure_code) and dossier.received_at < n.at]
        if removed_by:
            removals.append(DossierRemoval(dossier.code, removed_by[0].at, PROCEDURE_NOT_LISTED))
    return Page(items=removals, end_cursor=page.end_cursor)
