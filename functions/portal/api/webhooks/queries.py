"""A client's webhook subscriptions and their delivery log."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.api.webhooks.types import (
    WebhookDelivery,
    WebhookDeliveryConnection,
    WebhookDeliveryEdge,
    WebhookSubscription,
)


@strawberry.type
class WebhookQueries:
    @strawberry.field(description="Apps: your webhook subscriptions.")
    def webhook_subscriptions(self, info: Info[PortalContext, None]) -> list[WebhookSubscription]:
        ctx = info.context
        return [WebhookSubscription.of(s) for s in ctx.services.webhooks.subscriptions_of(ctx.principal)]

    @strawberry.field(description="Apps: a subscription's deliveries of the last 7 days, oldest first.")
    def webhook_deliveries(
        self, info: Info[PortalContext, None], subscription_id: str, first: int | None = None, after: str | None = None
    ) -> WebhookDeliveryConnection:
        ctx = info.context
        page = ctx.services.webhooks.delivery_log(ctx.principal, subscription_id, first, after)
        return WebhookDeliveryConnection(
            edges=[WebhookDeliveryEdge(cursor=d.cursor, node=WebhookDelivery.of(d)) for d in page.items],
            page_info=PageInfo.of(page.end_cursor),
        )
