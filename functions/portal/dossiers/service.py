"""Dossier verbs: submit, follow (owner, officer, or anyone holding the receipt), list one's own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from portal.centers.model import Center, check_center_id
from portal.clock import Clock
from portal.dossiers.codes import check_dossier_code, make_dossier_code
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
from portal.dossiers.tracking import secret_matches
from portal.errors import FieldProblem, InvalidInput, NotFound
from portal.identity.access import check_can_read_dossier, dossier_not_found
from portal.identity.principal import Citizen, Principal
from portal.pagination import Page
from portal.procedures.catalog import Catalog
from portal.procedures.forms import check_form
from portal.procedures.service import get_procedure
from portal.workdays.vietnam_calendar import calendar_around
from portal.workdays.working_days import due_date

REQUEST_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_ATTACHMENTS = 20
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})


class DossierRepository(Protocol):
    def next_sequence(self, agency_code: str, day: Any, now: datetime) -> int: ...
    def find_submitted(self, applicant_id: str, request_id: str) -> str | None: ...
    def create(self, dossier: Dossier, request_id: str, now: datetime) -> None: ...
    def get(self, code: str) -> Dossier | None: ...
    def by_applicant(self, applicant_id: str, first: int | None, after: str | None) -> Page[Dossier]: ...


class CenterLookup(Protocol):
    def get(self, center_id: str) -> Center | None: ...


@dataclass(frozen=True)
class SubmitRequest:
    request_id: str  # made by the client when the form opens; a retry sends the same one
    procedure_code: str
    center_id: str
    form_data: dict[str, Any]
    attachments: tuple[Attachment, ...] = ()
    phone: str = ""
    email: str = ""


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


def _applicant(citizen: Citizen, request: SubmitRequest) -> Applicant:
    """Prefilled from the verified identity; only the contact details come from the form."""
    return Applicant(
        id_number=citizen.id_number,
        full_name=citizen.full_name,
        date_of_birth=citizen.date_of_birth,
        address=citizen.address,
        phone=request.phone.strip() or citizen.phone,
        email=request.email.strip() or citizen.email,
    )


def submit_dossier(
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    clock: Clock,
    citizen: Citizen,
    request: SubmitRequest,
) -> Submission:
    """File a dossier online at any center that receives the procedure, wherever the applicant lives.

    Idempotent on (applicant, request_id): a retry returns the dossier the first attempt made.
    """
    if not REQUEST_ID.match(request.request_id):
        raise InvalidInput.for_field(
            "clientRequestId",
            "Mã yêu cầu phải gồm 8–64 ký tự chữ, số, - hoặc _.",
            "The client request id must be 8-64 letters, digits, - or _.",
        )
    existing = dossiers.find_submitted(citizen.id_number, request.request_id)
    if existing:
        return Submission(_must_get(dossiers, existing), duplicate=True)

    procedure = get_procedure(catalog, request.procedure_code)
    center = centers.get(check_center_id(request.center_id))
    if center is None:
        raise NotFound(f"Không tìm thấy trung tâm {request.center_id}.", f"Center {request.center_id} was not found.")
    if not center.receives(procedure.code):
        raise InvalidInput.for_field(
            "centerId",
            f"{center.name} không tiếp nhận thủ tục «{procedure.name}». Vui lòng chọn trung tâm khác.",
            f"{center.name} does not receive '{procedure.name_en}'. Please choose another center.",
        )
    form_data = check_form(procedure.form_fields, request.form_data)
    _check_attachments(request.attachments)

    now = clock.now()
    due = due_date(now, procedure.processing_days, calendar_around(now.year))
    sequence = dossiers.next_sequence(center.agency_code, now.date(), now)
    code = make_dossier_code(center.agency_code, now.date(), sequence)
    received = TimelineEvent(
        seq=1, at=now, action=RECEIVE, status=Status.RECEIVED, actor=ActorRole.SYSTEM, due_date=due
    )
    dossier = Dossier(
        code=code,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        center_id=center.id,
        applicant=_applicant(citizen, request),
        channel=Channel.ONLINE,
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
        dossiers.create(dossier, request.request_id, now)
    except DuplicateSubmission as duplicate:  # a concurrent retry won the race
        return Submission(_must_get(dossiers, duplicate.dossier_code), duplicate=True)
    return Submission(dossier, duplicate=False)


def _must_get(dossiers: DossierRepository, code: str) -> Dossier:
    dossier = dossiers.get(code)
    if dossier is None:  # the idempotency marker and the dossier are written in one transaction
        raise RuntimeError(f"dossier {code} is referenced but missing")
    return dossier


def get_dossier(dossiers: DossierRepository, principal: Principal, code: str) -> Dossier:
    """A dossier for its applicant or its center's officers."""
    code = check_dossier_code(code)
    dossier = dossiers.get(code)
    if dossier is None:
        raise dossier_not_found(code)
    check_can_read_dossier(principal, dossier)
    return dossier


def track_dossier(dossiers: DossierRepository, tracking_key: bytes, code: str, secret: str) -> Dossier:
    """A dossier for anyone holding its receipt (code + tracking secret). The caller shows only public fields."""
    code = check_dossier_code(code)
    if not secret_matches(tracking_key, code, secret):
        raise dossier_not_found(code)
    dossier = dossiers.get(code)
    if dossier is None:
        raise dossier_not_found(code)
    return dossier


def my_dossiers(dossiers: DossierRepository, citizen: Citizen, first: int | None, after: str | None) -> Page[Dossier]:
    return dossiers.by_applicant(citizen.id_number, first, after)
