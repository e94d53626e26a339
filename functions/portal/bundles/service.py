"""Filing an interlinked group as one: one form, one submission, one dossier per member at its competent
agency; the members that wait start when their predecessors' results are ready (the dossier event stream
calls `start_ready_members`); withdrawing the bundle withdraws every member not yet decided."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from portal.bundles.definitions import BUNDLES, BundleDefinition
from portal.bundles.model import (
    UNDECIDED,
    Bundle,
    BundleMember,
    BundleStatus,
    MemberState,
    bundle_status,
)
from portal.bundles.questions import member_answers, questions
from portal.bundles.repository import BundleRepository, DuplicateBundle
from portal.centers.model import Center, check_center_id
from portal.centers.service import provincial_center_id
from portal.clock import Clock
from portal.dossiers.intake import REQUEST_ID
from portal.dossiers.model import Action, Applicant, Channel, Dossier
from portal.dossiers.opening import new_dossier
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.dossiers.workflow import act_on_dossier
from portal.errors import Conflict, InvalidInput, NotFound
from portal.identity.access import check_can_read_bundle, require_applicant
from portal.identity.principal import Citizen, Principal, Scope
from portal.input_limits import check_length, shown
from portal.procedures.catalog import Catalog
from portal.procedures.form_rules import check_answers
from portal.procedures.forms import check_form
from portal.procedures.model import Level, Procedure
from portal.procedures.required_documents import check_required_documents, required_documents

MAX_BUNDLES_LISTED = 50
BUNDLE_ID_LENGTH = 32


@dataclass(frozen=True)
class BundleRequest:
    request_id: str  # one for the whole bundle: a retry sends the same one and makes nothing twice
    bundle_code: str
    center_id: str  # where the citizen files: the lead agency's center (commune level)
    answers: dict[str, Any]
    electronic_documents: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class BundleView:
    """A bundle with its members' dossiers (by code), as its pages show it."""

    bundle: Bundle
    dossiers: dict[str, Dossier]
    duplicate: bool = False

    @property
    def status(self) -> BundleStatus:
        return bundle_status(self.bundle, self.dossiers)

    def dossier_of(self, member: BundleMember) -> Dossier | None:
        return self.dossiers.get(member.dossier_code)


def get_definition(code: str) -> BundleDefinition:
    check_length("bundleCode", code, "code")
    definition = BUNDLES.get(code.strip())
    if definition is None:
        raise NotFound(
            f"Không có nhóm thủ tục liên thông mã {shown(code)}.", f"No interlinked group has the code {shown(code)}."
        )
    return definition


def definition_procedures(catalog: Catalog, definition: BundleDefinition) -> dict[str, Procedure]:
    codes = [definition.code, *(m.procedure_code for m in definition.members)]
    found = catalog.details_many(codes)
    missing = [c for c in codes if c not in found]
    if missing:  # the definitions name catalog codes only (a contract test holds them to the catalog)
        raise RuntimeError(f"bundle {definition.code}: procedures {missing} are not in the catalog")
    return found


def _route(centers: CenterLookup, center: Center, procedure: Procedure) -> Center:
    """The competent center: the one filed at when it receives the member's level, else its province's."""
    if center.receives(procedure.summary()):
        return center
    if Level.PROVINCE in procedure.levels:
        provincial = centers.get(provincial_center_id(center.province_code))
        if provincial is not None and provincial.receives(procedure.summary()):
            return provincial
    raise InvalidInput.for_field(
        "centerId",
        f"{center.name} không tiếp nhận được thủ tục «{procedure.name}» của nhóm liên thông.",
        f"{center.name} cannot receive '{procedure.name_en or procedure.name}' of this group.",
    )


def _check_request(request: BundleRequest) -> None:
    check_length("phone", request.phone, "phone")
    check_length("email", request.email, "email")
    if not REQUEST_ID.match(request.request_id):
        raise InvalidInput.for_field(
            "clientRequestId",
            "Mã yêu cầu phải gồm 8–64 ký tự chữ, số, - hoặc _.",
            "The client request id must be 8-64 letters, digits, - or _.",
        )


def submit_bundle(
    bundles: BundleRepository,
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    clock: Clock,
    citizen: Citizen,
    request: BundleRequest,
) -> BundleView:
    """One submission: the bundle, and the dossiers of the members that need no other's result, in one
    transaction with the request id (a retry returns the same bundle and makes nothing twice)."""
    _check_request(request)
    existing = bundles.find_submitted(citizen.id_number, request.request_id)
    if existing:
        return replace(view_bundle(bundles, dossiers, existing), duplicate=True)
    definition = get_definition(request.bundle_code)
    procedures = definition_procedures(catalog, definition)
    group = procedures[definition.code]
    center = centers.get(check_center_id(request.center_id))
    if center is None:
        raise NotFound(
            f"Không tìm thấy trung tâm {shown(request.center_id)}.", f"Center {shown(request.center_id)} was not found."
        )
    now = clock.now()
    asked = questions(definition, procedures)
    answers = check_answers(asked, check_form(asked, request.answers), citizen.id_number, now.date())
    routed = {m.key: _route(centers, center, procedures[m.procedure_code]) for m in definition.members}
    for m in definition.members:
        procedure = procedures[m.procedure_code]
        from_results = [n for n, _ in required_documents(procedure) if m.from_earlier and n.startswith(m.from_earlier)]
        check_required_documents(procedure, from_results, request.electronic_documents)

    import uuid  # off the cold start: only a bundle filing needs it

    applicant = Applicant(
        citizen.id_number,
        citizen.full_name,
        citizen.date_of_birth,
        citizen.address,
        request.phone.strip() or citizen.phone,
        request.email.strip() or citizen.email,
    )
    bundle_id = uuid.uuid4().hex
    started: list[Dossier] = []
    members = []
    for m in definition.members:
        procedure = procedures[m.procedure_code]
        member = BundleMember(m.key, m.procedure_code, procedure.name, routed[m.key].id, m.after)
        if not m.after:
            data = member_answers(m, procedure, group, answers)
            dossier = new_dossier(
                dossiers, procedure, routed[m.key], applicant, Channel.ONLINE, data, (), now, bundle_id
            )
            started.append(dossier)
            member = replace(member, state=MemberState.STARTED, dossier_code=dossier.code, started_at=now)
        members.append(member)
    bundle = Bundle(
        id=bundle_id,
        code=definition.code,
        name=group.name,
        applicant_id=citizen.id_number,
        applicant_name=citizen.full_name,
        center_id=center.id,
        answers=answers,
        electronic_documents=tuple(request.electronic_documents),
        members=tuple(members),
        created_at=now,
        updated_at=now,
        phone=applicant.phone,
        email=applicant.email,
    )
    try:
        bundles.create(bundle, started, request.request_id, now)
    except DuplicateBundle as duplicate:  # a concurrent retry won the race
        return replace(view_bundle(bundles, dossiers, duplicate.bundle_id), duplicate=True)
    return BundleView(bundle, {d.code: d for d in started})


def view_bundle(bundles: BundleRepository, dossiers: DossierRepository, bundle_id: str) -> BundleView:
    bundle = bundles.get(bundle_id)
    if bundle is None:
        raise RuntimeError(f"bundle {bundle_id} is referenced but missing")
    found = (dossiers.get(m.dossier_code) for m in bundle.members if m.dossier_code)  # with their timelines
    return BundleView(bundle, {d.code: d for d in found if d is not None})


def get_bundle(
    bundles: BundleRepository, dossiers: DossierRepository, principal: Principal, bundle_id: str
) -> BundleView:
    """A bundle for its applicant (or an app reading for them); anyone else is told it does not exist."""
    bundle_id = check_length("id", bundle_id, "code").strip()
    bundle = bundles.get(bundle_id) if len(bundle_id) == BUNDLE_ID_LENGTH and bundle_id.isalnum() else None
    check_can_read_bundle(principal, bundle.applicant_id if bundle else None, bundle_id)
    return view_bundle(bundles, dossiers, bundle_id)


def my_bundles(bundles: BundleRepository, dossiers: DossierRepository, citizen: Citizen) -> list[BundleView]:
    found = bundles.by_applicant(citizen.id_number, MAX_BUNDLES_LISTED)
    codes = [m.dossier_code for b in found for m in b.members if m.dossier_code]
    by_code = dossiers.get_many(codes) if codes else {}
    return [BundleView(b, {c: d for c, d in by_code.items() if d.bundle_id == b.id}) for b in found]


def withdraw_bundle(
    bundles: BundleRepository, dossiers: DossierRepository, clock: Clock, principal: Principal, bundle_id: str
) -> BundleView:
    """The applicant withdraws the bundle: the waiting members never start, the members not yet decided
    are withdrawn (each with its own timeline event); the members already decided keep their result."""
    require_applicant(principal, Scope.DOSSIERS_WRITE)
    view = get_bundle(bundles, dossiers, principal, bundle_id)
    bundle = view.bundle
    if bundle.withdrawn_at is not None:
        raise Conflict("Hồ sơ liên thông này đã được rút.", "This bundle was already withdrawn.")
    now = clock.now()
    members = tuple(
        replace(m, state=MemberState.CANCELLED) if m.state is MemberState.WAITING else m for m in bundle.members
    )
    bundle = replace(bundle, members=members, withdrawn_at=now, updated_at=now, version=bundle.version + 1)
    bundles.save(bundle, [])  # first: the stream no longer starts a waiting member
    changed = dict(view.dossiers)
    for code, dossier in view.dossiers.items():
        if dossier.status in UNDECIDED:
            changed[code] = act_on_dossier(dossiers, clock, principal, code, Action.WITHDRAW)
    return BundleView(bundle, changed)
