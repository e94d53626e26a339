"""Registered clients: the list (admins), and the calling client's own registration and usage."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.clients.types import Client, ClientLimits, ClientUsage, ViewerClient
from portal.api.graphql.context import PortalContext
from portal.clients import quota, rules


@strawberry.type
class ClientQueries:
    @strawberry.field(description="Admins: every registered third-party client, newest first.")
    def clients(self, info: Info[PortalContext, None]) -> list[Client]:
        ctx = info.context
        now = ctx.services.clock.now()
        return [Client.of(c, now) for c in ctx.services.clients.clients(ctx.principal)]

    @strawberry.field(description="A registered app: its own registration, limits and requests counted so far.")
    def viewer_client(self, info: Info[PortalContext, None]) -> ViewerClient:
        ctx = info.context
        services = ctx.services
        client = services.clients.viewer(ctx.principal)
        now = services.clock.now()
        used = [services.rate_counters.current(w.key) for w in quota.windows(client.client_id, client.limits, now)]
        return ViewerClient(
            client_id=client.client_id,
            name=client.name,
            scopes=sorted(s.value for s in client.scopes),
            center_id=client.center_id,
            procedures=sorted(client.procedures),
            expires_at=client.expires_at,
            expires_in_days=rules.expires_in_days(client, now),
            limits=ClientLimits(per_minute=client.limits.per_minute, per_day=client.limits.per_day),
            usage=ClientUsage(minute=used[0], day=used[1]),
        )
