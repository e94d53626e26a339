"""Reading feedback: the answer queue (officers), one's own reports (citizens), the published answers and
the index (anyone)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from portal.api.feedback.types import FeedbackIndex, FeedbackReport, PublishedFeedback
from portal.api.graphql.context import PortalContext


@strawberry.type
class FeedbackQueries:
    @strawberry.field(description="Officers: their center's feedback to answer (the province's for its own center).")
    def feedback_queue(self, info: Info[PortalContext, None]) -> list[FeedbackReport]:
        ctx = info.context
        return [FeedbackReport.from_domain(r) for r in ctx.services.feedback_service.queue(ctx.principal)]

    @strawberry.field(description="Your own reports, the latest first.")
    def my_feedback(self, info: Info[PortalContext, None]) -> list[FeedbackReport]:
        ctx = info.context
        return [FeedbackReport.from_domain(r) for r in ctx.services.feedback_service.mine(ctx.principal)]

    @strawberry.field(description="Answers published with their reporters' consent, of one procedure or all.")
    def published_feedback(
        self, info: Info[PortalContext, None], procedure_code: str | None = None
    ) -> list[PublishedFeedback]:
        ctx = info.context
        answers = ctx.services.feedback_service.published(ctx.principal, procedure_code)
        return [PublishedFeedback.from_domain(a) for a in answers]

    @strawberry.field(description="Feedback received, answered on time and by category, for a month.")
    def feedback_index(
        self, info: Info[PortalContext, None], month: str, province_code: str | None = None
    ) -> FeedbackIndex:
        ctx = info.context
        return FeedbackIndex.from_domain(ctx.services.feedback_index.report(ctx.principal, month, province_code))
