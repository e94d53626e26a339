"""Reporting (citizens, or anyone with a confirmed e-mail), recording a hotline call, answering."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from portal.api.feedback.types import (
    FeedbackAnswered,
    FeedbackReport,
    FeedbackReported,
    ReportFeedbackInput,
    to_service_input,
)
from portal.api.graphql.context import PortalContext
from portal.api.graphql.errors import ConflictError, InvalidInputError, NotFoundError
from portal.feedback.model import FeedbackStatus

ReportFeedbackResult = Annotated[
    FeedbackReported | InvalidInputError | NotFoundError, strawberry.union("ReportFeedbackResult")
]
AnswerFeedbackResult = Annotated[
    FeedbackAnswered | InvalidInputError | NotFoundError | ConflictError, strawberry.union("AnswerFeedbackResult")
]


def _reported(report) -> FeedbackReported:
    return FeedbackReported(
        report=FeedbackReport.from_domain(report), needs_confirmation=report.status is FeedbackStatus.UNCONFIRMED
    )


@strawberry.type
class FeedbackMutations:
    @strawberry.mutation(description="Report (phản ánh, kiến nghị): signed in, or with an e-mail to confirm.")
    def report_feedback(self, info: Info[PortalContext, None], input: ReportFeedbackInput) -> ReportFeedbackResult:
        ctx = info.context
        report = ctx.services.feedback_service.report(ctx.principal, to_service_input(input), ctx.client_address)
        return _reported(report)

    @strawberry.mutation(description="An anonymous reporter confirms the code mailed to them.")
    def confirm_feedback(self, info: Info[PortalContext, None], id: str, code: str) -> ReportFeedbackResult:
        ctx = info.context
        return _reported(ctx.services.feedback_service.confirm(ctx.principal, id, code))

    @strawberry.mutation(description="Hotline operators: record a call as feedback on the caller's behalf.")
    def record_hotline_call(self, info: Info[PortalContext, None], input: ReportFeedbackInput) -> ReportFeedbackResult:
        ctx = info.context
        return _reported(ctx.services.feedback_service.record_call(ctx.principal, to_service_input(input)))

    @strawberry.mutation(description="Officers of the responsible center (or the province): answer a report.")
    def answer_feedback(
        self, info: Info[PortalContext, None], id: str, text: str, public_summary: str = ""
    ) -> AnswerFeedbackResult:
        ctx = info.context
        report = ctx.services.feedback_service.answer(ctx.principal, id, text, public_summary)
        return FeedbackAnswered(report=FeedbackReport.from_domain(report))
