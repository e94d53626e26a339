"""Reading one's notifications (the bell) and choosing one's channels: verbs the API calls, each checking
who asks first (identity/access.py)."""

from __future__ import annotations

import re

from portal.errors import InvalidInput
from portal.identity.access import notification_recipient, require_applicant
from portal.identity.principal import Principal, Scope
from portal.notifications.model import InboxEntry, Preferences
from portal.notifications.repository import NotificationRepository
from portal.pagination import Page

MAX_IDS = 100
MAX_ID_LENGTH = 200
# An inbox entry's id (InboxEntry.id): "<when, ISO 8601>#<dossier code>#<event number>"
ENTRY_ID = re.compile(r"^\d{4}-\d{2}-\d{2}T[0-9:.+-]+#[A-Za-z0-9._-]+#\d{4,}$")


def my_notifications(
    store: NotificationRepository, principal: Principal, first: int | None, after: str | None
) -> tuple[Page[InboxEntry], int]:
    recipient = notification_recipient(principal)
    return store.inbox(recipient, first, after), store.unread_count(recipient)


def mark_read(store: NotificationRepository, principal: Principal, ids: list[str]) -> tuple[int, int]:
    """Marks the given notifications read (all of them when `ids` is empty): (how many changed, unread left)."""
    recipient = notification_recipient(principal, Scope.DOSSIERS_WRITE)
    if len(ids) > MAX_IDS:
        raise InvalidInput.for_field(
            "ids", f"Tối đa {MAX_IDS} thông báo mỗi lần.", f"At most {MAX_IDS} notifications at a time."
        )
    if any(len(i) > MAX_ID_LENGTH or not ENTRY_ID.match(i) for i in ids):  # "" never reaches the store
        raise InvalidInput.for_field(
            "ids", "Mã thông báo không hợp lệ.", "A notification id is not valid (as myNotifications gives it)."
        )
    changed = store.mark_read(recipient, ids)
    return changed, store.unread_count(recipient)


def preferences(store: NotificationRepository, principal: Principal) -> Preferences:
    citizen = require_applicant(principal, Scope.DOSSIERS_READ)
    return store.preferences(citizen.id_number)


def set_preferences(store: NotificationRepository, principal: Principal, email: bool, sms: bool) -> Preferences:
    citizen = require_applicant(principal, Scope.DOSSIERS_WRITE)
    chosen = Preferences(email=email, sms=sms)
    store.set_preferences(citizen.id_number, chosen)
    return chosen
