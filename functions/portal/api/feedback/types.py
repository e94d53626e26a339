"""GraphQL types of feedback and recommendations (phản ánh, kiến nghị)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from portal.feedback import model, rules
from portal.feedback.input import FeedbackInput
from portal.kpis.feedback_index import FeedbackFigures as DomainFigures
from portal.kpis.feedback_index import FeedbackReport as DomainIndex

FeedbackCategory = strawberry.enum(model.Category, name="FeedbackCategory", description="What went wrong.")
FeedbackChannel = strawberry.enum(model.FeedbackChannel, name="FeedbackChannel")
FeedbackStatus = strawberry.enum(model.FeedbackStatus, name="FeedbackStatus")
FeedbackSubject = strawberry.enum(model.SubjectKind, name="FeedbackSubject")


@strawberry.type(description="An answer, by an officer named only by role.")
class FeedbackAnswer:
    text: str
    answered_at: datetime
    answered_by_role: str


@strawberry.type(description="A report, as its reporter and the answering officers see it.")
class FeedbackReport:
    id: str
    category: FeedbackCategory
    subject: FeedbackSubject
    channel: FeedbackChannel
    status: FeedbackStatus
    text: str
    publish_consent: bool
    procedure_code: str
    procedure_name: str
    dossier_code: str
    center_id: str = strawberry.field(description="The center that answers (empty: the province).")
    province_code: str
    officer_note: str
    reporter_name: str
    reporter_email: str
    reporter_phone: str
    created_at: datetime
    received_at: datetime | None = strawberry.field(description="Null until an anonymous reporter confirms.")
    due_on: date | None = strawberry.field(description="The last day the answer is on time.")
    escalated_at: datetime | None
    answer: FeedbackAnswer | None

    @classmethod
    def from_domain(cls, r: model.Report) -> FeedbackReport:
        a = r.answer
        return cls(
            id=r.id,
            category=r.category,
            subject=r.subject,
            channel=r.channel,
            status=r.status,
            text=r.text,
            publish_consent=r.publish_consent,
            procedure_code=r.procedure_code,
            procedure_name=r.procedure_name,
            dossier_code=r.dossier_code,
            center_id=r.center_id,
            province_code=r.province_code,
            officer_note=r.officer_note,
            reporter_name=r.reporter.full_name,
            reporter_email=r.reporter.email,
            reporter_phone=r.reporter.phone,
            created_at=r.created_at,
            received_at=r.received_at,
            due_on=r.due_on,
            escalated_at=r.escalated_at,
            answer=FeedbackAnswer(text=a.text, answered_at=a.answered_at, answered_by_role=a.answered_by_role)
            if a
            else None,
        )


@strawberry.type(description="A published answer: no reporter, dossier or officer's name.")
class PublishedFeedback:
    id: str
    category: FeedbackCategory
    procedure_code: str
    procedure_name: str
    center_id: str
    province_code: str
    summary: str = strawberry.field(description="The question, retold by the officer without personal data.")
    answer: str
    answered_by_role: str
    received_on: date
    answered_on: date
    on_time: bool

    @classmethod
    def from_domain(cls, p: model.PublishedAnswer) -> PublishedFeedback:
        return cls(**{name: getattr(p, name) for name in cls.__annotations__})


@strawberry.input
class ReportFeedbackInput:
    category: FeedbackCategory
    text: str = strawberry.field(description="What happened (10 to 4,000 characters).")
    publish_consent: bool = strawberry.field(
        default=False, description="The answer may be published, without personal data."
    )
    procedure_code: str = ""
    dossier_code: str = strawberry.field(default="", description="Your own dossier (signed in), or the caller's.")
    center_id: str = ""
    province_code: str = strawberry.field(default="", description="When neither a dossier nor a center is named.")
    about_officer: bool = False
    officer_note: str = strawberry.field(default="", description="Which officer (desk, time): private.")
    email: str = strawberry.field(default="", description="Anonymous reporters: the code is mailed here.")
    full_name: str = ""
    phone: str = ""


@strawberry.type
class FeedbackReported:
    report: FeedbackReport
    needs_confirmation: bool = strawberry.field(description="A code was mailed: confirm it to be received.")


@strawberry.type
class FeedbackAnswered:
    report: FeedbackReport


@strawberry.type
class CategoryCount:
    category: FeedbackCategory
    count: int


@strawberry.type(description="One scope's feedback for a month, each figure with the reports behind it.")
class FeedbackFigures:
    scope: str
    code: str
    name: str
    received: int
    online: int
    hotline: int
    answered: int = strawberry.field(description="Answers given this month (the on-time rate's denominator).")
    on_time: int
    late: int
    escalated: int
    on_time_rate: float | None = strawberry.field(description="Answered by the due date / answered.")
    by_category: list[CategoryCount]

    @classmethod
    def from_domain(cls, f: DomainFigures) -> FeedbackFigures:
        c = f.counts
        return cls(
            scope=f.scope,
            code=f.code,
            name=f.name,
            received=c.received,
            online=c.online,
            hotline=c.hotline,
            answered=c.answered,
            on_time=c.on_time,
            late=c.late,
            escalated=c.escalated,
            on_time_rate=c.on_time_rate,
            by_category=[
                CategoryCount(category=cat, count=c.by_category[cat.value])
                for cat in model.Category
                if c.by_category.get(cat.value)
            ],
        )


@strawberry.type(description=f"Feedback in the service index (answer due in {rules.ANSWER_WORKING_DAYS} working days).")
class FeedbackIndex:
    month: str
    subject: FeedbackFigures
    rows: list[FeedbackFigures] = strawberry.field(description="The provinces, or the province's centers with any.")

    @classmethod
    def from_domain(cls, r: DomainIndex) -> FeedbackIndex:
        return cls(
            month=r.month,
            subject=FeedbackFigures.from_domain(r.subject),
            rows=[FeedbackFigures.from_domain(x) for x in r.rows],
        )


def to_service_input(i: ReportFeedbackInput) -> FeedbackInput:
    return FeedbackInput(
        category=i.category.value,
        text=i.text,
        publish_consent=i.publish_consent,
        procedure_code=i.procedure_code,
        dossier_code=i.dossier_code,
        center_id=i.center_id,
        province_code=i.province_code,
        about_officer=i.about_officer,
        officer_note=i.officer_note,
        email=i.email,
        full_name=i.full_name,
        phone=i.phone,
    )
