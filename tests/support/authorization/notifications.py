"""Notifications: the inbox and a citizen's channel preferences."""

from __future__ import annotations

from tests.support.authorization.common import (
    FILERS,
    INBOX_READERS,
    INBOX_WRITERS,
    OWN_LIST,
    Rule,
    refused_all_but,
)

RULES = [
    # The bell: a citizen's own inbox (or through an app reading for them), an officer's center's inbox.
    Rule(
        "Query.myNotifications",
        "MyNotifications",
        lambda w: {"first": 5},
        INBOX_READERS,
        refused_all_but(INBOX_READERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.markNotificationsRead",
        "MarkNotificationsRead",
        lambda w: {"input": {"ids": []}},
        INBOX_WRITERS,
        refused_all_but(INBOX_WRITERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # Channels are a citizen's own choice (officers' notices go to their center's inbox).
    Rule(
        "Query.notificationPreferences",
        "NotificationPreferences",
        lambda w: {},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.setNotificationPreferences",
        "SetNotificationPreferences",
        lambda w: {"input": {"email": True, "sms": False}},
        FILERS,
        refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]
