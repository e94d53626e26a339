"""Reading one's notifications and channel preferences."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.api.notifications.types import (
    Notification,
    NotificationConnection,
    NotificationEdge,
    NotificationPreferences,
)
from portal.notifications import inbox


@strawberry.type
class NotificationQueries:
    @strawberry.field(description="Your notifications, newest first (citizens: your own; officers: your center's).")
    def my_notifications(
        self, info: Info[PortalContext, None], first: int | None = None, after: str | None = None
    ) -> NotificationConnection:
        ctx = info.context
        page, unread = inbox.my_notifications(ctx.services.notifications, ctx.principal, first, after)
        return NotificationConnection(
            edges=[NotificationEdge(node=Notification.from_domain(e)) for e in page.items],
            page_info=PageInfo.of(page.end_cursor),
            unread_count=unread,
        )

    @strawberry.field(description="Citizens: the channels you are told on besides the portal inbox.")
    def notification_preferences(self, info: Info[PortalContext, None]) -> NotificationPreferences:
        ctx = info.context
        return NotificationPreferences.from_domain(inbox.preferences(ctx.services.notifications, ctx.principal))
