"""A dossier (hồ sơ) and its public timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from portal.dossiers.fee import DossierFee
from portal.workdays.time_limits import TimeLimit, TimeUnit


class Status(Enum):
    RECEIVED = "received"
    PROCESSING = "processing"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    RESULT_READY = "result_ready"
    RETURNED = "returned"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Channel(Enum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    POST = "post"


class Action(Enum):
    """What a timeline event records: every change of a dossier is one of these (its domain event)."""

    RECEIVE = "receive"  # the first event: filed online or received at the desk
    START_PROCESSING = "start_processing"
    REQUEST_SUPPLEMENT = "request_supplement"
    PROVIDE_SUPPLEMENT = "provide_supplement"
    MARK_RESULT_READY = "mark_result_ready"
    RETURN_RESULT = "return_result"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    EXTEND = "extend"  # apology and new appointment date (Circular 03/2025, form 04)
    # The receiving officer sets the appointment of a dossier whose procedure has no known processing time.
    SET_APPOINTMENT = "set_appointment"
    RATE = "rate"
    POST_MESSAGE = "post_message"  # a message of the thread between the applicant and the center
    # Fees (portal.payments): an officer sets a fee the catalog does not fix; a payment reaches a state
    # (PaymentState's values after "payment_"); a lead refunds.
    FEE_SET = "fee_set"
    PAYMENT_CREATED = "payment_created"
    PAYMENT_STARTED = "payment_started"
    PAYMENT_SUBMITTED = "payment_submitted"
    PAYMENT_SUCCESS = "payment_success"
    PAYMENT_FAILED = "payment_failed"
    PAYMENT_CANCELLED = "payment_cancelled"
    PAYMENT_EXPIRED = "payment_expired"
    PAYMENT_ERROR = "payment_error"
    PAYMENT_REFUNDED = "payment_refunded"
    # Files (portal.documents): a file put into the dossier, and the malware scanner's verdict on it.
    ATTACH_DOCUMENT = "attach_document"
    SCAN_DOCUMENT = "scan_document"
    # Fee exemptions (portal.dossiers.fee_exemptions): the applicant chooses one of the procedure's at filing,
    # with its proof; the officer accepts or refuses it (with the reason).
    EXEMPTION_REQUESTED = "exemption_requested"
    EXEMPTION_ACCEPTED = "exemption_accepted"
    EXEMPTION_REFUSED = "exemption_refused"


class ActorRole(Enum):
    APPLICANT = "applicant"
    OFFICER = "officer"
    SYSTEM = "system"


@dataclass(frozen=True)
class Applicant:
    id_number: str  # 12-digit personal identification number (số định danh cá nhân)
    full_name: str
    date_of_birth: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Filer:
    """Who filed the dossier for its applicant (người được ủy quyền): signed in with their own identity,
    the applicant's authorization (giấy ủy quyền) attached. Both follow the dossier."""

    id_number: str
    full_name: str
    phone: str = ""
    email: str = ""


# The channels of Decree 118/2025 whose papers the desk digitizes (online dossiers are electronic already).
PAPER_CHANNELS = frozenset({Channel.IN_PERSON, Channel.POST})


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    size_bytes: int
    document: str = ""  # which required document this file stands for
    document_id: str = ""  # the stored file (portal.documents); "" for the metadata-only attachments of old
    state: str = ""  # the stored file's scan state (pending, clean, rejected)
    sha256: str = ""
    verification_code: str = ""  # a signed result's code (portal.documents.seals), printed as a QR code


@dataclass(frozen=True)
class Rating:
    """The applicant's satisfaction with how the dossier was handled (1 to 5), given once."""

    score: int
    comment: str
    at: datetime

    @property
    def satisfied(self) -> bool:
        return self.score >= 4


@dataclass(frozen=True)
class SupplementItem:
    """One thing a supplement request asks for (portal.dossiers.supplement_rules): a document of the
    procedure's catalog list (`what` is its slot key, no basis needed), or something else with the legal
    basis that lets the agency ask for it."""

    what: str
    legal_basis: str = ""  # "" for a document of the procedure's list

    @property
    def listed(self) -> bool:
        return not self.legal_basis


@dataclass(frozen=True)
class TimelineEvent:
    seq: int  # 1, 2, 3... in the order things happened
    at: datetime
    action: Action
    status: Status  # status after the event
    actor: ActorRole
    note: str = ""
    due_date: date | None = None  # the appointment date in force after the event
    asked: tuple[SupplementItem, ...] = ()  # a supplement request: exactly what it asks for


@dataclass(frozen=True)
class AccessRecord:
    """One opening of a dossier's file (the audit trail: kept beside the timeline, never public)."""

    at: datetime
    actor: ActorRole
    actor_id: str  # the officer's or applicant's subject
    document_id: str


@dataclass(frozen=True)
class Dossier:
    code: str
    procedure_code: str
    procedure_name: str
    center_id: str
    province_code: str  # of the receiving center: KPIs are counted per center, province and nation
    applicant: Applicant
    channel: Channel
    status: Status
    form_data: dict[str, Any]
    attachments: tuple[Attachment, ...]
    received_at: datetime
    due_date: date | None  # None: the procedure's time is unknown and the officer has not set the appointment yet
    processing_days: int  # the amount of the processing time, in processing_unit
    updated_at: datetime
    completed_at: datetime | None = None
    supplement_requests: int = 0
    extensions: int = 0  # apologies with a new appointment date: at most one
    result: Attachment | None = None  # the electronic result
    rating: Rating | None = None
    fee: DossierFee | None = None  # what it owes (portal.dossiers.fee_rules); None: nothing
    digitized_at: datetime | None = None  # received in person: when every required document had a clean file
    filer: Filer | None = None  # filed by an authorized person for the applicant; None: by the applicant
    postmarked_on: date | None = None  # by post: the envelope's postmark (the due date counts from receipt)
    version: int = 1
    timeline: tuple[TimelineEvent, ...] = field(default=(), compare=False)
    access_log: tuple[AccessRecord, ...] = field(default=(), compare=False)  # every file opened, by whom
    bundle_id: str = ""  # the interlinked filing (portal.bundles) it is a member of; "" when filed alone
    processing_unit: TimeUnit | None = TimeUnit.WORKING_DAYS  # None: no source gives the procedure's time

    @property
    def time_limit(self) -> TimeLimit | None:
        """The processing time it was received with, in its unit; None when unknown."""
        return None if self.processing_unit is None else TimeLimit(self.processing_days, self.processing_unit)

    def is_late(self, now: datetime) -> bool:
        """Late once the appointment date has passed without a result (or the result came after it)."""
        if self.due_date is None:
            return False  # no appointment yet: nothing to be late against
        if self.completed_at is not None:
            return self.completed_at.date() > self.due_date
        if self.status is Status.SUPPLEMENT_REQUESTED:
            return False  # the applicant's time does not count against the agency
        return now.date() > self.due_date


def party_ids(dossier: Dossier) -> frozenset[str]:
    """The people a dossier belongs to: its applicant and, when filed on their behalf, the filer."""
    return frozenset({dossier.applicant.id_number} | ({dossier.filer.id_number} if dossier.filer else set()))


def dossier_subject(dossier: Dossier) -> str:
    """The person a dossier is about, as its form names them (the child, the deceased, the partner...),
    else the applicant: what tells several dossiers of one procedure apart."""
    for name, value in dossier.form_data.items():
        if name.endswith("full_name") and isinstance(value, str) and value.strip():
            return value.strip()
    return dossier.applicant.full_name


class DuplicateSubmission(Exception):
    """The same submit request (same applicant, same client request id) already made a dossier."""

    def __init__(self, dossier_code: str) -> None:
        super().__init__(dossier_code)
        self.dossier_code = dossier_code
