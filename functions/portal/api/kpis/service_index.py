"""The public service index (Decision 766/QĐ-TTg): anyone may read it, nobody's personal data is in it."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.graphql.context import PortalContext
from portal.kpis import service_index
from portal.kpis.public_index import IndexReport

ServiceIndexGroup = strawberry.enum(
    service_index.IndexGroup,
    name="ServiceIndexGroup",
    description="The five groups of Decision 766: publicity (18 points), progress (20), digitization (22), "
    "online service (22), satisfaction (18).",
)


@strawberry.type
class ServiceIndexGroupScore:
    group: ServiceIndexGroup
    max_points: int
    indicator: float | None = strawberry.field(
        description="The measured rate (0-1); null when the counters cannot measure it this month."
    )
    points: float | None

    @classmethod
    def of(cls, g: service_index.GroupScore) -> ServiceIndexGroupScore:
        return cls(group=g.group, max_points=g.max_points, indicator=g.indicator, points=g.points)


@strawberry.type
class ServiceIndexFigures:
    scope: str = strawberry.field(description="national, province:<code> or commune:<code>.")
    code: str
    name: str
    month: str
    rank: int | None = strawberry.field(description="Among the provinces, or among the province's communes.")
    points: float | None = strawberry.field(description="Points earned in the groups that could be scored.")
    max_points: int = strawberry.field(description="The points of the groups that could be scored.")
    score: float | None = strawberry.field(description="points / maxPoints (0-1): what the ranking compares.")
    received: int
    online: int
    finished: int
    on_time: int
    late: int
    electronic_results: int
    ratings: int
    groups: list[ServiceIndexGroupScore]
    in_person: int = strawberry.field(default=0, description="Received at a center's desk.")
    post: int = strawberry.field(default=0, description="Arrived at a center by post.")
    online_rate: float | None = strawberry.field(
        default=None, description="Filed online / every channel: the online service group's indicator."
    )

    @classmethod
    def of(cls, f: service_index.IndexFigures) -> ServiceIndexFigures:
        c = f.counts
        return cls(
            scope=f.scope,
            code=f.code,
            name=f.name,
            month=f.month,
            rank=f.rank,
            points=f.points,
            max_points=f.max_points,
            score=f.score,
            received=c.received,
            online=c.online,
            finished=c.finished,
            on_time=c.on_time,
            late=c.late,
            electronic_results=c.electronic_results,
            ratings=c.ratings,
            groups=[ServiceIndexGroupScore.of(g) for g in f.groups],
            in_person=c.in_person,
            post=c.post,
            online_rate=c.online_rate,
        )


@strawberry.type
class ServiceIndexReport:
    month: str
    subject: ServiceIndexFigures = strawberry.field(description="The nation, the province or the commune asked for.")
    trend: list[ServiceIndexFigures] = strawberry.field(description="The subject's last 12 months, oldest first.")
    ranking: list[ServiceIndexFigures] = strawberry.field(
        description="The 34 provinces (national view) or the province's communes, best first."
    )

    @classmethod
    def of(cls, r: IndexReport) -> ServiceIndexReport:
        return cls(
            month=r.month,
            subject=ServiceIndexFigures.of(r.subject),
            trend=[ServiceIndexFigures.of(f) for f in r.trend],
            ranking=[ServiceIndexFigures.of(f) for f in r.ranking],
        )


@strawberry.type
class ServiceIndexQueries:
    @strawberry.field(
        description="Public: the service index of a month for the nation and its provinces, or for a province "
        "(or one of its communes) and its communes, with a 12-month trend. From KPI counters, cached a few minutes."
    )
    def service_index(
        self,
        info: Info[PortalContext, None],
        month: str,
        province_code: str | None = None,
        commune_code: str | None = None,
    ) -> ServiceIndexReport:
        ctx = info.context
        report = ctx.services.service_index.report(ctx.principal, month, province_code, commune_code)
        return ServiceIndexReport.of(report)
