"""Apps subscribe endpoints to dossier events and replay their delivery log."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import InvalidInputError, NotFoundError
from portal.api.webhooks.types import (
    ReplayWebhookDeliveriesInput,
    SubscribeWebhookInput,
    WebhookDeliveriesReplayed,
    WebhookSubscribed,
    WebhookSubscription,
)

SubscribeWebhookResult = Annotated[WebhookSubscribed | InvalidInputError, strawberry.union("SubscribeWebhookResult")]
ReplayWebhookDeliveriesResult = Annotated[
    WebhookDeliveriesReplayed | InvalidInputError | NotFoundError, strawberry.union("ReplayWebhookDeliveriesResult")
]


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(description="Apps: send signed dossier events to an https endpoint of yours.")
    def subscribe_webhook(
        self, info: Info[PortalContext, None], input: SubscribeWebhookInput
    ) -> SubscribeWebhookResult:
        ctx = info.context
        subscription, secret = ctx.services.webhooks.subscribe(ctx.principal, input.url, input.events)
        return WebhookSubscribed(subscription=WebhookSubscription.of(subscription), signing_secret=secret)

    @strawberry.mutation(description="Apps: send again what the log holds after a cursor (or all of it).")
    def replay_webhook_deliveries(
        self, info: Info[PortalContext, None], input: ReplayWebhookDeliveriesInput
    ) -> ReplayWebhookDeliveriesResult:
        ctx = info.context
        queued = ctx.services.webhooks.replay(ctx.principal, input.subscription_id, input.after)
        return WebhookDeliveriesReplayed(queued=queued)
