"""The rules of feedback: who answers, by when, when it is escalated, what each step counts, what the
public sees. Pure: the caller passes the time and the working-day calendar.

The deadline. Decree 20/2008/NĐ-CP on receiving and handling feedback and recommendations of individuals
and organizations on administrative regulations (amended by Decree 92/2017/NĐ-CP) sets the processing
times; a report about an agency's conduct (delays, harassment, documents beyond the regulation) is
forwarded to the agency competent to handle it within 05 working days of receipt, and answered within the
time the decree sets. The portal counts ANSWER_WORKING_DAYS working days from receipt (see
docs/capabilities/feedback.md for what was and was not verified of the article's text): one constant.
Days are counted like a dossier's (portal.workdays): from the day after receipt, after 15:00 from the
next working day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from portal.feedback.model import (
    OPEN_STATUSES,
    Category,
    CountsDelta,
    FeedbackChannel,
    FeedbackCounts,
    FeedbackStatus,
    PublishedAnswer,
    Report,
)
from portal.workdays.working_days import WorkCalendar, counting_start

ANSWER_WORKING_DAYS = 10
NATIONAL = "national"
MAX_PUBLISHED_LISTED = 50


def answer_due(received_at: datetime, calendar: WorkCalendar) -> date:
    """The last day the answer is on time."""
    return calendar.add_working_days(counting_start(received_at, calendar), ANSWER_WORKING_DAYS)


def responsible(dossier_center: str | None, named_center: str | None) -> str:
    """The center that answers: the dossier's, else the one named; "" when only the province is known."""
    return dossier_center or named_center or ""


def queues(report: Report) -> tuple[str, ...]:
    """Whose answer queues list it: the center's (or the province's when no center is known); the province's
    too once escalated."""
    own = f"center:{report.center_id}" if report.center_id else f"province:{report.province_code}"
    if report.status is FeedbackStatus.ESCALATED or report.escalated_at is not None:
        return tuple(dict.fromkeys((own, f"province:{report.province_code}")))
    return (own,)


def overdue(report: Report, today: date) -> bool:
    """Open, not escalated yet, and its due date has passed."""
    return (
        report.status is FeedbackStatus.OPEN
        and report.escalated_at is None
        and report.due_on is not None
        and today > report.due_on
    )


def escalate(report: Report, now: datetime) -> Report:
    return replace(report, status=FeedbackStatus.ESCALATED, escalated_at=now)


def on_time(report: Report) -> bool | None:
    if report.answer is None or report.due_on is None:
        return None
    return report.answer.answered_at.date() <= report.due_on


def scopes(report: Report) -> tuple[str, ...]:
    center = (f"center:{report.center_id}",) if report.center_id else ()
    return (*center, f"province:{report.province_code}", NATIONAL)


def received_delta(report: Report) -> CountsDelta:
    assert report.received_at is not None
    channel = {FeedbackChannel.ONLINE: "online", FeedbackChannel.HOTLINE: "hotline"}[report.channel]
    counts = FeedbackCounts(received=1, **{channel: 1}, by_category={report.category.value: 1})
    return CountsDelta(f"{report.received_at:%Y-%m}", scopes(report), counts)


def answered_delta(report: Report) -> CountsDelta:
    assert report.answer is not None
    timely = bool(on_time(report))
    counts = FeedbackCounts(answered=1, on_time=int(timely), late=int(not timely))
    return CountsDelta(f"{report.answer.answered_at:%Y-%m}", scopes(report), counts)


def escalated_delta(report: Report) -> CountsDelta:
    assert report.escalated_at is not None
    return CountsDelta(f"{report.escalated_at:%Y-%m}", scopes(report), FeedbackCounts(escalated=1))


def is_open(report: Report) -> bool:
    return report.status in OPEN_STATUSES


# The categories a citizen can report from a dossier's page in one tap (prefilled with the dossier).
FROM_DOSSIER = (Category.EXTRA_DOCUMENTS, Category.VNEID_FOR_PAPER, Category.ADDRESS_CONFIRMATION, Category.LATE)


def public_view(report: Report) -> PublishedAnswer:
    """The published answer: nothing of the reporter, the dossier or the officer but their role."""
    assert report.answer is not None and report.received_at is not None
    return PublishedAnswer(
        id=report.id,
        category=report.category,
        procedure_code=report.procedure_code,
        procedure_name=report.procedure_name,
        center_id=report.answer.center_id if not report.center_id else report.center_id,
        province_code=report.province_code,
        summary=report.answer.public_summary,
        answer=report.answer.text,
        answered_by_role=report.answer.answered_by_role,
        received_on=report.received_at.date(),
        answered_on=report.answer.answered_at.date(),
        on_time=bool(on_time(report)),
    )
