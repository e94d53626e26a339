"""GraphQL types of webhooks: subscriptions and the delivery log."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portal.api.graphql.pagination import PageInfo
from portal.webhooks.model import Delivery, Subscription


@strawberry.type(description="An endpoint of yours that receives signed dossier events.")
class WebhookSubscription:
    subscription_id: str
    url: str
    events: list[str]
    created_at: datetime
    failing_since: datetime | None = strawberry.field(description="Failing without a success since then.")
    disabled_at: datetime | None = strawberry.field(
        description="Disabled after a day of failures; replaying the log enables it again."
    )

    @classmethod
    def of(cls, s: Subscription) -> WebhookSubscription:
        return cls(
            subscription_id=s.subscription_id,
            url=s.url,
            events=sorted(e.value for e in s.events),
            created_at=s.created_at,
            failing_since=s.failing_since,
            disabled_at=s.disabled_at,
        )


@strawberry.type
class WebhookAttempt:
    at: datetime
    status: int = strawberry.field(description="The HTTP status answered; 0 when there was no answer.")
    error: str
    duration_ms: int


@strawberry.type(description="One event sent (or being sent) to one subscription, kept 7 days.")
class WebhookDelivery:
    delivery_id: str = strawberry.field(description="The webhook-id header: the same for a retry or a replay.")
    event_type: str
    code: str
    seq: int
    payload: str = strawberry.field(description="The exact JSON body signed and sent.")
    created_at: datetime
    state: str = strawberry.field(description="pending, delivered or failed.")
    attempts: list[WebhookAttempt] = strawberry.field(description="Every attempt (a list: costly on a long page).")
    attempt_count: int
    last_attempt: WebhookAttempt | None
    next_attempt_at: datetime | None

    @classmethod
    def of(cls, d: Delivery) -> WebhookDelivery:
        attempts = [
            WebhookAttempt(at=a.at, status=a.status, error=a.error, duration_ms=a.duration_ms) for a in d.attempts
        ]
        return cls(
            delivery_id=d.delivery_id,
            event_type=d.event_type.value,
            code=d.code,
            seq=d.seq,
            payload=d.payload,
            created_at=d.created_at,
            state=d.state.value,
            attempts=attempts,
            attempt_count=len(attempts),
            last_attempt=attempts[-1] if attempts else None,
            next_attempt_at=d.next_attempt_at,
        )


@strawberry.type
class WebhookDeliveryEdge:
    cursor: str = strawberry.field(description="This delivery's place in the log: pass to replay after it.")
    node: WebhookDelivery


@strawberry.type
class WebhookDeliveryConnection:
    edges: list[WebhookDeliveryEdge]
    page_info: PageInfo


@strawberry.type(description="The subscription and its signing secret, shown this once.")
class WebhookSubscribed:
    subscription: WebhookSubscription
    signing_secret: str


@strawberry.type
class WebhookDeliveriesReplayed:
    queued: int = strawberry.field(description="Deliveries queued again (at most 1,000 per replay).")


@strawberry.input
class SubscribeWebhookInput:
    url: str = strawberry.field(description="https://... on a public address.")
    events: list[str] = strawberry.field(description="dossier.received, dossier.status_changed, ...")


@strawberry.input
class ReplayWebhookDeliveriesInput:
    subscription_id: str
    after: str | None = strawberry.field(
        default=None, description="A delivery's cursor: replay what came after it (none: the whole log)."
    )
