"""Feedback and recommendations (phản ánh, kiến nghị): what a person reports about a procedure, a dossier, a
center or an officer, who must answer it, by when, and what of it may be published.

Pure: no clock, no storage. The rules over it (routing, the deadline, lateness, what the public sees, the
counters each step moves) are in portal.feedback.rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import Enum


class Category(Enum):
    """What went wrong. The first five are what seed 001 (PM's dispatch 111/CĐ-TTg, July 2025) names at the
    centers after 1 July 2025; then the catalog itself, and recommendations on a regulation."""

    EXTRA_DOCUMENTS = "extra_documents"  # documents demanded beyond the catalog's list
    VNEID_FOR_PAPER = "vneid_for_paper"  # a VNeID account demanded to file on paper
    ADDRESS_CONFIRMATION = "address_confirmation"  # proof that an old (pre-2025) and a new address match
    BROKER = "broker"  # a paperwork broker ("cò") at or around the center
    LATE = "late"  # a dossier or an answer past its date
    RUDE = "rude"  # an officer's conduct
    WRONG_CATALOG = "wrong_catalog"  # the catalog's entry is wrong or out of date
    REGULATION = "regulation"  # a recommendation on the regulation itself
    OTHER = "other"


class SubjectKind(Enum):
    PROCEDURE = "procedure"
    DOSSIER = "dossier"
    CENTER = "center"
    OFFICER = "officer"  # never named in public: only the center and the officer's role are kept


class FeedbackChannel(Enum):
    ONLINE = "online"  # on the portal, by the reporter
    HOTLINE = "hotline"  # a call to the province's 24/7 hotline, recorded by its operator


class FeedbackStatus(Enum):
    UNCONFIRMED = "unconfirmed"  # an anonymous reporter has not yet typed the code mailed to them
    OPEN = "open"  # received, routed, not answered
    ESCALATED = "escalated"  # past its due date unanswered: the province answers for it now
    ANSWERED = "answered"


OPEN_STATUSES = frozenset({FeedbackStatus.OPEN, FeedbackStatus.ESCALATED})


@dataclass(frozen=True)
class Reporter:
    """Who reported: a signed-in citizen (id_number set), or someone who confirmed an e-mail address. Never
    shown in public; shown to the answering officers only."""

    id_number: str = ""
    full_name: str = ""
    email: str = ""
    phone: str = ""

    @property
    def key(self) -> str:
        """Whose reports these are, for the rate limit and their own list."""
        return f"pid:{self.id_number}" if self.id_number else f"email:{self.email.lower()}"


@dataclass(frozen=True)
class Answer:
    text: str
    public_summary: str  # the question retold by the officer without personal data (what the public sees)
    answered_at: datetime
    answered_by_role: str  # an OfficerRole's value: officers are named in public only by their role
    center_id: str  # the center whose officer answered


@dataclass(frozen=True)
class Report:
    id: str
    category: Category
    subject: SubjectKind
    channel: FeedbackChannel
    text: str
    reporter: Reporter
    publish_consent: bool  # the reporter agrees that the answer be published (without personal data)
    status: FeedbackStatus
    created_at: datetime
    province_code: str  # the province answerable for it (after the center, or when no center is known)
    center_id: str = ""  # the responsible center ("" when only the province is known)
    procedure_code: str = ""
    procedure_name: str = ""
    dossier_code: str = ""
    officer_note: str = ""  # which officer (desk, time): private, for the center's lead only
    received_at: datetime | None = None  # when it counts from: made, or confirmed by an anonymous reporter
    due_on: date | None = None
    escalated_at: datetime | None = None
    answer: Answer | None = None
    recorded_by: str = ""  # the hotline operator's subject, for calls
    confirmation_hash: str = ""  # anonymous reporters: the mailed code's hash until confirmed
    version: int = 0

    @property
    def answered(self) -> bool:
        return self.answer is not None

    @property
    def published(self) -> bool:
        return self.answer is not None and self.publish_consent


@dataclass(frozen=True)
class FeedbackCounts:
    """One month of one scope (center, province, nation): what the public index shows."""

    received: int = 0
    online: int = 0
    hotline: int = 0
    answered: int = 0
    on_time: int = 0
    late: int = 0
    escalated: int = 0
    by_category: dict[str, int] = field(default_factory=dict)

    def __add__(self, other: FeedbackCounts) -> FeedbackCounts:
        cats = dict(self.by_category)
        for k, v in other.by_category.items():
            cats[k] = cats.get(k, 0) + v
        plain = {
            f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self) if f.name != "by_category"
        }
        return FeedbackCounts(**plain, by_category=cats)

    @property
    def on_time_rate(self) -> float | None:
        return round(self.on_time / self.answered, 4) if self.answered else None


@dataclass(frozen=True)
class CountsDelta:
    month: str  # YYYY-MM
    scopes: tuple[str, ...]
    counts: FeedbackCounts


@dataclass(frozen=True)
class PublishedAnswer:
    """What anyone sees of an answered report whose reporter agreed: no reporter, no dossier code, no
    officer's name (only the answering officer's role), the question as the officer retold it."""

    id: str
    category: Category
    procedure_code: str
    procedure_name: str
    center_id: str
    province_code: str
    summary: str
    answer: str
    answered_by_role: str
    received_on: date
    answered_on: date
    on_time: bool
