"""Opening a dossier: filed online by a citizen, or received at a center's desk by an officer.

Both are idempotent on (applicant, client request id): a retry returns the dossier the first attempt
made, to a caller who may read it; anyone else (an officer of another center, an app that may file but
not read) gets the refusal of any reused request id, which says nothing of the dossier. Centers receive
regardless of the applicant's residence. Every text is bounded (portal.input_limits) before any read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from portal.centers.model import Center, check_center_id
from portal.clock import Clock
from portal.dossiers import fee_exemptions as exemptions
from portal.dossiers import fee_rules
from portal.dossiers.access import can_read_dossier
from portal.dossiers.attachment_rules import MAX_ATTACHMENTS, check_attachment_lengths
from portal.dossiers.counters import delta
from portal.dossiers.model import (
    Applicant,
    Attachment,
    Channel,
    Dossier,
    DuplicateSubmission,
    Filer,
)
from portal.dossiers.on_behalf import (
    PersonRepresented,
    check_authorization_attached,
    check_desk_channel,
    check_represented,
    filer_of,
)
from portal.dossiers.online_filing import checked_filing
from portal.dossiers.opening import new_dossier
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.errors import Conflict, Forbidden, InvalidInput, NotFound
from portal.identity.principal import PID_LENGTH, Citizen, Officer, Principal
from portal.input_limits import check_length, shown
from portal.procedures.catalog import Catalog
from portal.procedures.model import DetailLevel
from portal.procedures.service import get_procedure

REQUEST_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


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
    exemption_code: str = ""  # one of the procedure's fee exemptions, chosen by the applicant
    exemption_proof: str = ""  # the stored document (one of the attachments) proving it


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


def _check_lengths(request: SubmitRequest) -> None:
    """Before anything is read or stored: DynamoDB's items hold 400 KB, and receipts are public."""
    check_length("phone", request.phone, "phone")
    check_length("email", request.email, "email")
    if len(request.attachments) > MAX_ATTACHMENTS:
        raise InvalidInput.for_field(
            "attachments", f"Tối đa {MAX_ATTACHMENTS} tệp.", f"At most {MAX_ATTACHMENTS} files."
        )
    for i, attachment in enumerate(request.attachments):
        check_attachment_lengths(f"attachments.{i}", attachment)


def _open(
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    clock: Clock,
    applicant: Applicant,
    channel: Channel,
    request: SubmitRequest,
    reader: Principal,
    filer: Filer | None = None,
    postmarked_on: date | None = None,
) -> Submission:
    _check_lengths(request)
    if not REQUEST_ID.match(request.request_id):
        raise InvalidInput.for_field(
            "clientRequestId",
            "Mã yêu cầu phải gồm 8–64 ký tự chữ, số, - hoặc _.",
            "The client request id must be 8-64 letters, digits, - or _.",
        )
    existing = dossiers.find_submitted(applicant.id_number, request.request_id)
    if existing:
        return _duplicate(dossiers, existing, reader)

    procedure = get_procedure(catalog, request.procedure_code)
    center = _receiving_center(centers, request.center_id)
    if not center.receives(procedure.summary()):
        raise InvalidInput.for_field(
            "centerId",
            f"{center.name} không tiếp nhận thủ tục «{procedure.name}». Vui lòng chọn trung tâm khác.",
            f"{center.name} does not receive '{procedure.name_en}'. Please choose another center.",
        )
    # Known only from the national list (no documents, no time): nothing to file against yet. A procedure
    # whose time alone is unknown is received: the receiving officer sets its appointment (opening.py).
    if procedure.detail_level is DetailLevel.LISTED:
        raise InvalidInput.for_field(
            "procedureCode",
            f"Thủ tục «{procedure.name}» chưa nhận hồ sơ qua Cổng; vui lòng xem trang chính thức của thủ tục.",
            f"'{procedure.name}' cannot be filed through the portal yet; see the procedure's official page.",
        )
    now = clock.now()
    form_data = checked_filing(
        catalog.online_form, procedure, channel, request.form_data, request.attachments,
        request.electronic_documents, applicant.id_number, now.date(),
    )  # fmt: skip
    if filer is not None:
        check_authorization_attached(a.document for a in request.attachments)
    fee = exemptions.requested_at_filing(
        procedure,
        fee_rules.fee_at_filing(procedure, channel),
        request.exemption_code,
        request.exemption_proof,
        request.attachments,
    )

    dossier = new_dossier(
        dossiers,
        procedure,
        center,
        applicant,
        channel,
        form_data,
        request.attachments,
        now,
        filer=filer,
        postmarked_on=postmarked_on,
        fee=fee,
    )
    try:
        dossiers.create(dossier, request.request_id, now, kpi=delta(None, dossier, dossier.timeline[0]))
    except DuplicateSubmission as duplicate:  # a concurrent retry won the race
        return _duplicate(dossiers, duplicate.dossier_code, reader)
    return Submission(dossier, duplicate=False)


def _duplicate(dossiers: DossierRepository, code: str, reader: Principal) -> Submission:
    """The dossier this request id already made, for a caller who may read it; a refusal naming nothing
    for anyone else (access is checked before the answer, never after: the marker is keyed by an id
    number anyone can type and a request id apps choose)."""
    dossier = _must_get(dossiers, code)
    if not can_read_dossier(reader, dossier):
        raise request_id_used()
    return Submission(dossier, duplicate=True)


def request_id_used() -> Conflict:
    return Conflict(
        "Mã yêu cầu (clientRequestId) này đã được dùng. Hãy tạo mã mới cho hồ sơ mới.",
        "This clientRequestId was already used. Make a new one for a new dossier.",
    )


def _receiving_center(centers: CenterLookup, center_id: str) -> Center:
    center = centers.get(check_center_id(center_id))
    if center is None:
        raise NotFound(f"Không tìm thấy trung tâm {shown(center_id)}.", f"Center {shown(center_id)} was not found.")
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
    principal: Principal | None = None,
) -> Submission:
    """Filed online: the applicant's identity comes from the verified token; only contacts from the form.
    `principal` is who asks (the citizen, or an app acting for them): a retry is answered only if it may
    read the dossier."""
    applicant = Applicant(
        id_number=citizen.id_number,
        full_name=citizen.full_name,
        date_of_birth=citizen.date_of_birth,
        address=citizen.address,
        phone=request.phone.strip() or citizen.phone,
        email=request.email.strip() or citizen.email,
    )
    return _open(dossiers, centers, catalog, clock, applicant, Channel.ONLINE, request, principal or citizen)


def submit_on_behalf(
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    clock: Clock,
    citizen: Citizen,
    represented: PersonRepresented,
    request: SubmitRequest,
    principal: Principal | None = None,
) -> Submission:
    """Filed online by an authorized person (`citizen`, from the verified token) for `represented`, the
    applicant: the authorization document must be among the files; the form's contacts are the filer's."""
    applicant = check_represented(represented, citizen, clock.now().date())
    filer = filer_of(citizen, request.phone, request.email)
    return _open(
        dossiers, centers, catalog, clock, applicant, Channel.ONLINE, request, principal or citizen, filer=filer
    )


def receive_in_person(
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    clock: Clock,
    officer: Officer,
    walk_in: WalkInApplicant,
    request: SubmitRequest,
    channel: Channel = Channel.IN_PERSON,
    postmarked_on: date | None = None,
) -> Submission:
    """Received at the desk of the officer's own center (handed in, or arrived by post with its postmark);
    the attachments are the digitized papers."""
    check_length("applicant.idNumber", walk_in.id_number, "code")
    check_length("applicant.fullName", walk_in.full_name, "fullName")
    check_length("applicant.address", walk_in.address, "address")
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
    check_desk_channel(channel, postmarked_on, clock.now().date())
    applicant = Applicant(
        id_number=walk_in.id_number,
        full_name=walk_in.full_name.strip(),
        date_of_birth=walk_in.date_of_birth,
        address=walk_in.address.strip(),
        phone=request.phone.strip(),
        email=request.email.strip(),
    )
    return _open(dossiers, centers, catalog, clock, applicant, channel, request, officer, postmarked_on=postmarked_on)
