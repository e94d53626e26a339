"""Feedback and recommendations (portal.feedback): citizens or anyone with a confirmed e-mail report; the
hotline (and a center's lead standing in) records calls; the responsible center's officers answer; the
published answers and the index are public."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from functools import cache

from portal.clock import SystemClock
from portal.feedback.model import Category, FeedbackChannel, FeedbackStatus, Report, Reporter, SubjectKind
from tests.support.authorization.common import (
    BEN_THANH,
    OFFICERS,
    Rule,
    public,
    refused_all_but,
)

REPORTERS = frozenset({"anonymous", "the applicant", "another citizen"})
CITIZENS = frozenset({"the applicant", "another citizen"})
CALL_TAKERS = frozenset({"the lead of the receiving center", "an officer of another center"})  # leads stand in
ANSWERERS = frozenset({"an officer of the receiving center", "the lead of the receiving center"})
TEXT = "Trung tâm yêu cầu giấy tờ ngoài danh mục thủ tục (kiểm thử phân quyền)."


@cache
def _report(status: FeedbackStatus) -> str:
    """A report routed to BEN_THANH, saved once per session straight to the store."""
    from portal.store.feedback import FeedbackStore

    now = SystemClock().now()
    report = Report(
        id=f"PA{now:%y%m%d}-{abs(hash((status, now))) % 16**8:08X}",
        category=Category.EXTRA_DOCUMENTS,
        subject=SubjectKind.CENTER,
        channel=FeedbackChannel.ONLINE,
        text=TEXT,
        reporter=Reporter("", "Người phản ánh (mẫu)", "nguoi-phan-anh@example.vn"),
        publish_consent=False,
        status=status,
        created_at=now,
        province_code="79",
        center_id=BEN_THANH,
        confirmation_hash="0" * 64,
    )
    if status is FeedbackStatus.OPEN:
        report = replace(report, received_at=now, due_on=(now + timedelta(days=14)).date())
    return FeedbackStore().save(report).id


def _input(**extra) -> dict:
    return {"input": {"category": "EXTRA_DOCUMENTS", "text": TEXT, "provinceCode": "79", **extra}}


RULES = [
    public("Query.publishedFeedback", "PublishedFeedback", lambda w: {"procedureCode": w.procedure.code}),
    public("Query.feedbackIndex", "FeedbackIndex", lambda w: {"month": "2026-03", "provinceCode": "79"}),
    # Anyone confirms the code mailed to them (a wrong code is BAD_USER_INPUT, never NOT_FOUND).
    public(
        "Mutation.confirmFeedback",
        "ConfirmFeedback",
        lambda w: {"id": _report(FeedbackStatus.UNCONFIRMED), "code": "x"},
    ),
    Rule(
        "Mutation.reportFeedback",
        "ReportFeedback",
        lambda w: _input(email="bao-cao@example.vn"),
        REPORTERS,
        refused_all_but(REPORTERS, "FORBIDDEN"),
    ),
    Rule(
        "Query.myFeedback",
        "MyFeedback",
        lambda w: {},
        CITIZENS,
        refused_all_but(CITIZENS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.recordHotlineCall",
        "RecordHotlineCall",
        lambda w: _input(fullName="Người gọi (mẫu)"),
        CALL_TAKERS,
        refused_all_but(CALL_TAKERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.feedbackQueue",
        "FeedbackQueue",
        lambda w: {},
        OFFICERS,
        refused_all_but(OFFICERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # The responsible center's officers answer (a too-short answer: BAD_USER_INPUT, nothing changes); for an
    # officer of another center the report does not exist.
    Rule(
        "Mutation.answerFeedback",
        "AnswerFeedback",
        lambda w: {"id": _report(FeedbackStatus.OPEN), "text": "x"},
        ANSWERERS,
        refused_all_but(ANSWERERS, "FORBIDDEN", anonymous="UNAUTHENTICATED", an_officer_of_another_center="NOT_FOUND"),
    ),
]
