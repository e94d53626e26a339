"""KPIs of the service index: on-time, online and satisfaction rates, per center, province or nation."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.dossiers.counters import ONLINE_FULL_MARKS, SATISFACTION_TARGET, KpiCounts
from portal.kpis import service


@strawberry.type
class Kpis:
    scope: str
    from_month: str
    to_month: str
    received: int
    online: int
    finished: int
    on_time: int
    late: int
    withdrawn: int
    supplement_requests: int
    extended: int
    electronic_results: int
    ratings: int
    on_time_rate: float | None = strawberry.field(description="Results ready by the appointment date / results.")
    online_rate: float | None = strawberry.field(
        description=f"Filed online / every channel (full marks at {ONLINE_FULL_MARKS:.0%})."
    )
    satisfaction_rate: float | None = strawberry.field(
        description=f"Ratings of 4-5 / ratings (target {SATISFACTION_TARGET:.0%})."
    )
    average_rating: float | None
    meets_satisfaction_target: bool | None
    fees_owed: int = strawberry.field(default=0, description="Dossiers owing a fee (any channel).")
    fees_paid_online: int = 0
    online_payment_rate: float | None = strawberry.field(
        default=None, description="Fees paid online / fees owed (the service index's online payment)."
    )
    digitized: int = strawberry.field(
        default=0, description="Dossiers received in person whose every required document was scanned at the desk."
    )
    in_person: int = strawberry.field(default=0, description="Dossiers received at a center's desk.")
    post: int = strawberry.field(default=0, description="Dossiers that arrived at a center by post.")
    channel_unknown: int = strawberry.field(
        default=0, description="Not online, received before in person and post were counted apart."
    )
    in_person_rate: float | None = strawberry.field(default=None, description="Received in person / every channel.")
    post_rate: float | None = strawberry.field(default=None, description="Received by post / every channel.")

    @classmethod
    def of(cls, scope: str, from_month: str, to_month: str, k: KpiCounts) -> Kpis:
        rate = k.satisfaction_rate
        return cls(
            scope=scope,
            from_month=from_month,
            to_month=to_month,
            received=k.received,
            online=k.online,
            finished=k.finished,
            on_time=k.on_time,
            late=k.late,
            withdrawn=k.withdrawn,
            supplement_requests=k.supplement_requests,
            extended=k.extended,
            electronic_results=k.electronic_results,
            ratings=k.ratings,
            on_time_rate=k.on_time_rate,
            online_rate=k.online_rate,
            satisfaction_rate=rate,
            average_rating=k.average_rating,
            meets_satisfaction_target=None if rate is None else rate >= SATISFACTION_TARGET,
            fees_owed=k.fees_owed,
            fees_paid_online=k.fees_paid_online,
            online_payment_rate=k.online_payment_rate,
            digitized=k.digitized,
            in_person=k.in_person,
            post=k.post,
            channel_unknown=k.channel_unknown,
            in_person_rate=k.in_person_rate,
            post_rate=k.post_rate,
        )


@strawberry.type
class KpiQueries:
    @strawberry.field(description="Admins (any scope) and center leads (their center): KPIs over a range of months.")
    def kpis(
        self,
        info: Info[PortalContext, None],
        from_month: str,
        to_month: str,
        center_id: str | None = None,
        province_code: str | None = None,
    ) -> Kpis:
        ctx = info.context
        counts = service.kpis(ctx.services.stats, ctx.principal, center_id, province_code, from_month, to_month)
        scope = f"center:{center_id}" if center_id else f"province:{province_code}" if province_code else "national"
        return Kpis.of(scope, from_month, to_month, counts)
