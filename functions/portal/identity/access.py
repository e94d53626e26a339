"""Who may do what: every authorization rule of the portal, in one module, as pure functions.

Services call these guards; resolvers never decide access themselves. A dossier the principal may not
see is reported as not found, so guessing codes reveals nothing.
"""

from __future__ import annotations

from portal.dossiers.lifecycle import Action
from portal.dossiers.model import ActorRole, Dossier, party_ids
from portal.errors import Forbidden, NotAuthenticated, NotFound
from portal.identity.principal import (
    Admin,
    Anonymous,
    App,
    Citizen,
    Officer,
    OfficerRole,
    Principal,
    Scope,
    acting_citizen,
)


def dossier_not_found(code: str) -> NotFound:
    return NotFound(f"Không tìm thấy hồ sơ {code}.", f"Dossier {code} was not found.")


def require_signed_in(principal: Principal) -> None:
    if isinstance(principal, Anonymous):
        raise NotAuthenticated(
            "Vui lòng đăng nhập bằng tài khoản định danh điện tử.", "Please sign in with your electronic identity."
        )


def require_applicant(principal: Principal, scope: Scope) -> Citizen:
    """The citizen who files or follows their own dossiers (directly or through a delegated app)."""
    require_signed_in(principal)
    citizen = acting_citizen(principal, scope)
    if citizen is None:
        raise Forbidden("Chỉ công dân mới thực hiện được thao tác này.", "Only a citizen can do this.")
    return citizen


def require_draft_owner(principal: Principal) -> Citizen:
    """Drafts belong to the citizen filing them (or to an app filing in their name), no one else."""
    return require_applicant(principal, Scope.DOSSIERS_WRITE)


def require_officer(
    principal: Principal, center_id: str | None = None, roles: frozenset[OfficerRole] | None = None
) -> Officer:
    require_signed_in(principal)
    if not isinstance(principal, Officer):
        raise Forbidden("Chỉ cán bộ trung tâm mới thực hiện được thao tác này.", "Only center officers can do this.")
    if center_id is not None and principal.center_id != center_id:
        raise Forbidden("Hồ sơ không thuộc trung tâm của bạn.", "This is not your center's dossier.")
    if roles is not None and principal.role not in roles and principal.role is not OfficerRole.LEAD:
        raise Forbidden("Vai trò của bạn không được thực hiện thao tác này.", "Your role cannot do this.")
    return principal


def require_admin(principal: Principal) -> Admin:
    require_signed_in(principal)
    if not isinstance(principal, Admin):
        raise Forbidden("Chỉ quản trị viên mới xem được nội dung này.", "Only administrators can see this.")
    return principal


def require_public_read(principal: Principal) -> None:
    """Public data: anyone, except an app whose token does not carry public:read."""
    if isinstance(principal, App) and not principal.has(Scope.PUBLIC_READ):
        raise Forbidden("Ứng dụng chưa được cấp quyền public:read.", "The app lacks the public:read scope.")


def can_read_dossier(principal: Principal, dossier: Dossier) -> bool:
    """The applicant, the authorized person who filed for them (portal.dossiers.on_behalf), an app either
    delegated to, and the officers of the receiving center."""
    if isinstance(principal, Officer):
        return principal.center_id == dossier.center_id
    if isinstance(principal, App) and not principal.reaches(dossier.procedure_code):
        return False  # a client limited to listed procedures sees no other
    if isinstance(principal, App) and principal.has(Scope.CENTER_DOSSIERS) and principal.center_id == dossier.center_id:
        return True  # an agency's system, for its center's dossiers
    citizen = acting_citizen(principal, Scope.DOSSIERS_READ)
    return citizen is not None and citizen.id_number in party_ids(dossier)


def check_can_read_dossier(principal: Principal, dossier: Dossier) -> None:
    if not can_read_dossier(principal, dossier):
        raise dossier_not_found(dossier.code)


# Which officers of the receiving center may take each action (a lead may take them all).
OFFICER_ROLES: dict[Action, frozenset[OfficerRole]] = {
    Action.START_PROCESSING: frozenset({OfficerRole.PROCESSING}),
    Action.REQUEST_SUPPLEMENT: frozenset({OfficerRole.PROCESSING}),
    Action.MARK_RESULT_READY: frozenset({OfficerRole.PROCESSING}),
    Action.REJECT: frozenset({OfficerRole.PROCESSING}),
    Action.RETURN_RESULT: frozenset({OfficerRole.RECEPTION}),
}
APPLICANT_ACTIONS = frozenset({Action.PROVIDE_SUPPLEMENT, Action.WITHDRAW})


def _is_applicant(principal: Principal, dossier: Dossier, scope: Scope) -> bool:
    """The applicant, or the authorized person who filed for them: both act on the dossier (supplement,
    withdraw, write, pay, rate) - the authorization covers following the procedure through."""
    citizen = acting_citizen(principal, scope)
    return citizen is not None and citizen.id_number in party_ids(dossier)


def check_can_act(principal: Principal, dossier: Dossier, action: Action) -> ActorRole:
    """The role in which `principal` takes `action` on `dossier`; whether the dossier's state allows
    it is the lifecycle's business."""
    check_can_read_dossier(principal, dossier)
    if isinstance(principal, Officer):
        if action in APPLICANT_ACTIONS:
            raise Forbidden("Thao tác này dành cho người nộp hồ sơ.", "Only the applicant can do this.")
        require_officer(principal, dossier.center_id, OFFICER_ROLES[action])
        return ActorRole.OFFICER
    if action not in APPLICANT_ACTIONS or not _is_applicant(principal, dossier, Scope.DOSSIERS_WRITE):
        raise Forbidden("Bạn không được thực hiện thao tác này.", "You may not do this.")
    return ActorRole.APPLICANT


def check_can_extend(principal: Principal, dossier: Dossier) -> Officer:
    """Only the center's lead signs the apology and new appointment date."""
    check_can_read_dossier(principal, dossier)
    return require_officer(principal, dossier.center_id, frozenset({OfficerRole.LEAD}))


def check_can_set_appointment(principal: Principal, dossier: Dossier) -> Officer:
    """The center's receiving officers (and its lead) set an appointment the catalog could not compute."""
    check_can_read_dossier(principal, dossier)
    return require_officer(principal, dossier.center_id, frozenset({OfficerRole.RECEPTION}))


def check_can_rate(principal: Principal, dossier: Dossier) -> None:
    check_can_read_dossier(principal, dossier)
    if not _is_applicant(principal, dossier, Scope.DOSSIERS_WRITE):
        raise Forbidden("Chỉ người nộp hồ sơ được đánh giá.", "Only the applicant can rate.")


def check_can_read_kpis(principal: Principal, center_id: str | None) -> None:
    """Admins see every scope; a center's lead sees that center's."""
    require_signed_in(principal)
    if isinstance(principal, Admin):
        return
    if isinstance(principal, Officer) and center_id == principal.center_id and principal.role is OfficerRole.LEAD:
        return
    raise Forbidden("Bạn không được xem chỉ số này.", "You may not see these figures.")


def check_can_post_message(principal: Principal, dossier: Dossier) -> ActorRole:
    """The dossier's thread: its applicant and any officer of the receiving center, nobody else."""
    check_can_read_dossier(principal, dossier)
    if isinstance(principal, Officer):
        return ActorRole.OFFICER
    if not _is_applicant(principal, dossier, Scope.DOSSIERS_WRITE):
        raise Forbidden("Bạn không được gửi tin nhắn cho hồ sơ này.", "You may not write in this thread.")
    return ActorRole.APPLICANT


def notification_recipient(principal: Principal, scope: Scope = Scope.DOSSIERS_READ) -> str:
    """Whose inbox the principal reads: a citizen's own (or through an app acting for them), or the
    shared inbox of an officer's center. Anyone else has none."""
    require_signed_in(principal)
    if isinstance(principal, Officer):
        return f"center:{principal.center_id}"
    citizen = acting_citizen(principal, scope)
    if citizen is None:
        raise Forbidden("Chỉ công dân và cán bộ có hộp thông báo.", "Only citizens and officers have an inbox.")
    return f"citizen:{citizen.id_number}"


# --- Fees and payments (portal.payments) ---------------------------------------------------------------


def check_can_pay(principal: Principal, dossier: Dossier) -> None:
    """The applicant pays (directly or through an app they let file for them); anyone else: not found."""
    check_can_read_dossier(principal, dossier)
    if not _is_applicant(principal, dossier, Scope.DOSSIERS_WRITE):
        raise Forbidden("Chỉ người nộp hồ sơ được thanh toán.", "Only the applicant can pay.")


def check_can_set_fee(principal: Principal, dossier: Dossier) -> Officer:
    """The officer who examines the dossier (or the lead) sets a fee the catalog does not fix."""
    check_can_read_dossier(principal, dossier)
    return require_officer(principal, dossier.center_id, frozenset({OfficerRole.PROCESSING}))


def check_can_decide_exemption(principal: Principal, dossier: Dossier) -> Officer:
    """Whoever may set the dossier's fee (its processing officer, or the lead) checks an exemption of it."""
    return check_can_set_fee(principal, dossier)


def check_can_refund(principal: Principal, dossier: Dossier) -> Officer:
    """Only the center's lead refunds."""
    check_can_read_dossier(principal, dossier)
    return require_officer(principal, dossier.center_id, frozenset({OfficerRole.LEAD}))


# --- Documents (portal.documents): who may put a file into a dossier, and whose a stored file is -------
def principal_ref(principal: Principal) -> str:
    """Who asked for an upload, kept on the document: only the same principal may complete it."""
    if isinstance(principal, Officer):
        return f"officer:{principal.subject}"
    citizen = acting_citizen(principal, Scope.DOSSIERS_WRITE)
    if citizen is not None:
        return f"citizen:{citizen.id_number}"
    return ""


def check_can_add_file(principal: Principal, dossier: Dossier, purpose: str) -> ActorRole:
    """Reception scans the paper documents (desk_scan), processing adds the result (result), the applicant
    answers a supplement request (supplement); each only on a dossier they may read."""
    check_can_read_dossier(principal, dossier)
    if isinstance(principal, Officer):
        roles = {"desk_scan": OfficerRole.RECEPTION, "result": OfficerRole.PROCESSING}
        if purpose not in roles:
            raise Forbidden("Thao tác này dành cho người nộp hồ sơ.", "Only the applicant can do this.")
        require_officer(principal, dossier.center_id, frozenset({roles[purpose]}))
        return ActorRole.OFFICER
    if purpose != "supplement" or not _is_applicant(principal, dossier, Scope.DOSSIERS_WRITE):
        raise Forbidden("Bạn không được thêm tệp vào hồ sơ này.", "You may not add files to this dossier.")
    return ActorRole.APPLICANT


def require_center_client(principal: Principal) -> App:
    """An agency's system (center:dossiers) syncing its center's dossiers."""
    require_signed_in(principal)
    if not (isinstance(principal, App) and principal.has(Scope.CENTER_DOSSIERS) and principal.center_id):
        raise Forbidden("Ứng dụng chưa được cấp quyền center:dossiers.", "The app lacks the center:dossiers scope.")
    return principal


def require_app(principal: Principal) -> App:
    """A registered third-party application, whatever its scopes."""
    require_signed_in(principal)
    if not (isinstance(principal, App) and principal.registered):
        raise Forbidden("Chỉ ứng dụng đã đăng ký mới xem được.", "Only registered applications can see this.")
    return principal


def sync_reach(principal: Principal) -> tuple[str, str] | None:
    """Whose dossiers a client syncs: ("center", id) for an agency's system, ("applicant", pid) for an app
    reading for a citizen; None for anyone else (checked by require_sync_reader)."""
    if isinstance(principal, App) and principal.has(Scope.CENTER_DOSSIERS) and principal.center_id:
        return ("center", principal.center_id)
    citizen = acting_citizen(principal, Scope.DOSSIERS_READ) if isinstance(principal, App) else None
    return ("applicant", citizen.id_number) if citizen is not None else None


def require_sync_reader(principal: Principal) -> tuple[tuple[str, str], App]:
    require_signed_in(principal)
    reach = sync_reach(principal)
    if reach is None or not isinstance(principal, App):
        raise Forbidden(
            "Ứng dụng cần phạm vi center:dossiers hoặc dossiers:read.",
            "The app needs the center:dossiers or dossiers:read scope.",
        )
    return reach, principal


def check_can_read_bundle(principal: Principal, applicant_id: str | None, bundle_id: str) -> None:
    """A bundle (portal.bundles) for its applicant, or an app reading for them; for anyone else (officers
    included: they see their own member's dossier) it does not exist."""
    require_signed_in(principal)
    citizen = acting_citizen(principal, Scope.DOSSIERS_READ)
    if applicant_id is None or citizen is None or citizen.id_number != applicant_id:
        raise NotFound(f"Không tìm thấy hồ sơ liên thông {bundle_id[:64]}.", f"Bundle {bundle_id[:64]} was not found.")
