"""Marking notifications read; choosing channels."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import InvalidInputError
from portal.api.notifications.types import (
    MarkNotificationsReadInput,
    NotificationPreferences,
    NotificationPreferencesInput,
    NotificationPreferencesSaved,
    NotificationsMarked,
)
from portal.notifications import inbox

MarkNotificationsReadResult = Annotated[
    NotificationsMarked | InvalidInputError, strawberry.union("MarkNotificationsReadResult")
]
SetNotificationPreferencesResult = Annotated[
    NotificationPreferencesSaved | InvalidInputError, strawberry.union("SetNotificationPreferencesResult")
]


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(description="Mark notifications read (all of them when ids is empty).")
    def mark_notifications_read(
        self, info: Info[PortalContext, None], input: MarkNotificationsReadInput
    ) -> MarkNotificationsReadResult:
        ctx = info.context
        marked, unread = inbox.mark_read(ctx.services.notifications, ctx.principal, input.ids)
        return NotificationsMarked(marked=marked, unread_count=unread)

    @strawberry.mutation(description="Citizens: choose e-mail and/or SMS (the portal inbox is always on).")
    def set_notification_preferences(
        self, info: Info[PortalContext, None], input: NotificationPreferencesInput
    ) -> SetNotificationPreferencesResult:
        ctx = info.context
        chosen = inbox.set_preferences(ctx.services.notifications, ctx.principal, input.email, input.sms)
        return NotificationPreferencesSaved(preferences=NotificationPreferences.from_domain(chosen))
