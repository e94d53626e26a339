"""Opening a dossier: filed online by a citizen, or received at a center's desk by an officer.

Both are idempotent on (applicant, client request id): a retry returns the dossier the first attempt
made. Centers receive regardless of the applicant's residence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from portal.centers.model import Center, check_center_id
from portal.clock import Clock
from portal.dossiers.codes import make_dossier_code
from portal.dossiers.lifecycle import RECEIVE
from portal.dossiers.model import (
    ActorRole,
    Applicant,
    Attachment,
    Channel,
    Dossier,
    DuplicateSubmission,
    Status,
    TimelineEvent,
)
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.errors import FieldProblem, Forbidden, InvalidInput, NotFound
from portal.identity.principal import PID_LENGTH, Citizen, Officer
from portal.kpis.counters import delta
from portal.procedures.catalog import Catalog
from portal.procedures.form_rules import check_answers
from portal.procedures.forms import check_form
from portal.procedures.required_documents import check_required_documents
from portal.procedures.service import get_procedure
from portal.workdays.vietnam_calendar import calendar_around
from portal.workdays.working_days import due_date

REQUEST_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_ATTACHMENTS = 20
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})


@dataclass(frozen=True)
class SubmitRequest:
    request_id: str  # made by the client when the form opens; a retry sends the same one
    procedure_code: str
    center_id: str
    form_data: dict[str, Any]
    attachments: tuple[Attachment, ...] = ()
    phone: str = ""
    email: str = ""
    electronic_documents: tuple[str, ...] = ()  # required documents the agency holds electronically


@dataclass(frozen=True)
class WalkInApplicant:
    """Typed by the desk officer from the applicant's papers: no electronic identity is demanded in person."""

    id_number: str
    full_name: str
    date_of_birth: date | None = None
    address: str = ""


@dataclass(frozen=True)
class Submission:
    dossier: Dossier
    duplicate: bool  # True when this request had already made the dossier (a retry)


def _check_attachments(attachments: tuple[Attachment, ...]) -> None:
    problems = []
    if len(attachments) > MAX_ATTACHMENTS:
        problems.append(
            FieldProblem("attachments", f"Tối đa {MAX_ATTACHMENTS} tệp.", f"At most {MAX_ATTACHMENTS} files.")
        )
    for i, a in enumerate(attachments):
        if a.content_type not in ATTACHMENT_TYPES:
            problems.append(
                FieldProblem(f"attachments.{i}", "Chỉ nhận tệp PDF, JPEG hoặc PNG.", "Only PDF, JPEG or PNG files.")
            )
        if not 0 < a.size_bytes <= MAX_ATTACHMENT_BYTES:
            problems.append(
                FieldProblem(f"attachments.{i}", "Tệp phải nhỏ hơn 20 MB.", "Each file must be under 20 MB.")
            )
    if problems:
        raise InvalidInput("Tệp đính kèm chưa hợp lệ.", "Some attachments are not valid.", tuple(problems))


def _open(
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    clock: Clock,
    applicant: Applicant,
    channel: Channel,
    request: SubmitRequest,
) -> Submission:
    if not REQUEST_ID.match(request.request_id):
        raise InvalidInput.for_field(
            "clientRequestId",
            "Mã yêu cầu phải gồm 8–64 ký tự chữ, số, - hoặc _.",
            "The client request id must be 8-64 letters, digits, - or _.",
        )
    existing = dossiers.find_submitted(applicant.id_number, request.request_id)
    if existing:
        return Submission(_must_get(dossiers, existing), duplicate=True)

    procedure = get_procedure(catalog, request.procedure_code)
    center = _receiving_center(centers, request.center_id)
    if not center.receives(procedure.code):
        raise InvalidInput.for_field(
            "centerId",
            f"{center.name} không tiếp nhận thủ tục «{procedure.name}». Vui lòng chọn trung tâm khác.",
            f"{center.name} does not receive '{procedure.name_en}'. Please choose another center.",
        )
    now = clock.now()
    form_data = check_form(procedure.form_fields, request.form_data)
    form_data = check_answers(procedure.form_fields, form_data, applicant.id_number, now.date())
    _check_attachments(request.attachments)
    if channel is Channel.ONLINE:  # at the desk, the officer sees the papers themselves
        check_required_documents(procedure, (a.document for a in request.attachments), request.electronic_documents)

    due = due_date(now, procedure.processing_days, calendar_around(now.year))
    code = make_dossier_code(
        center.agency_code, now.date(), dossiers.next_sequence(center.agency_code, now.date(), now)
    )
    received = TimelineEvent(
        seq=1, at=now, action=RECEIVE, status=Status.RECEIVED, actor=ActorRole.SYSTEM, due_date=due
    )
    dossier = Dossier(
        code=code,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        center_id=center.id,
        province_code=center.province_code,
        applicant=applicant,
        channel=channel,
        status=Status.RECEIVED,
        form_data=form_data,
        attachments=request.attachments,
        received_at=now,
        due_date=due,
        processing_days=procedure.processing_days,
        updated_at=now,
        timeline=(received,),
    )
    try:
        dossiers.create(dossier, request.request_id, now, kpi=delta(None, dossier, received))
    except DuplicateSubmission as duplicate:  # a concurrent retry won the race
        return Submission(_must_get(dossiers, duplicate.dossier_code), duplicate=True)
    return Submission(dossier, duplicate=False)


def _receiving_center(centers: CenterLookup, center_id: str) -> Center:
    center = centers.get(check_center_id(center_id))
    if center is None:
        raise NotFound(f"Không tìm thấy trung tâm {center_id}.", f"Center {center_id} was not found.")
    return center


def _must_get(dossiers: DossierRepository, code: str) -> Dossier:
    dossier = dossiers.get(code)
    if dossier is None:  # the idempotency marker and the dossier are written in one transaction
        raise RuntimeError(f"dossier {code} is referenced but missing")
    return dossier


def submit_dossier(
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    clock: Clock,
    citizen: Citizen,
    request: SubmitRequest,
) -> Submission:
    """Filed online: the applicant's identity comes from the verified token; only contacts from the form."""
    applicant = Applicant(
        id_number=citizen.id_number,
        full_name=citizen.full_name,
        date_of_birth=citizen.date_of_birth,
        address=citizen.address,
        phone=request.phone.strip() or citizen.phone,
        email=request.email.strip() or citizen.email,
    )
    return _open(dossiers, centers, catalog, clock, applicant, Channel.ONLINE, request)


def receive_in_person(
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    clock: Clock,
    officer: Officer,
    walk_in: WalkInApplicant,
    request: SubmitRequest,
) -> Submission:
    """Received at the desk of the officer's own center; the attachments are the digitized papers."""
    if request.center_id != officer.center_id:
        raise Forbidden(
            "Bạn chỉ tiếp nhận hồ sơ tại trung tâm của mình.", "You receive dossiers at your own center only."
        )
    if not (len(walk_in.id_number) == PID_LENGTH and walk_in.id_number.isdigit()):
        raise InvalidInput.for_field(
            "applicant.idNumber", "Số định danh cá nhân gồm 12 chữ số.", "The personal id number is 12 digits."
        )
    if not walk_in.full_name.strip():
        raise InvalidInput.for_field("applicant.fullName", "Cần nhập họ và tên.", "The full name is required.")
    applicant = Applicant(
        id_number=walk_in.id_number,
        full_name=walk_in.full_name.strip(),
        date_of_birth=walk_in.date_of_birth,
        address=walk_in.address.strip(),
        phone=request.phone.strip(),
        email=request.email.strip(),
    )
    return _open(dossiers, centers, catalog, clock, applicant, Channel.IN_PERSON, request)
