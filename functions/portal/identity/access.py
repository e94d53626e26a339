"""Who may do what, as pure functions of the principal: signed in, an applicant, an officer of a center,
an admin, an app with a scope. The rules over one dossier are the dossier's own (portal.dossiers.access).

Services call these guards; resolvers never decide access themselves.
"""

from __future__ import annotations

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


def check_can_read_kpis(principal: Principal, center_id: str | None) -> None:
    """Admins see every scope; a center's lead sees that center's."""
    require_signed_in(principal)
    if isinstance(principal, Admin):
        return
    if isinstance(principal, Officer) and center_id == principal.center_id and principal.role is OfficerRole.LEAD:
        return
    raise Forbidden("Bạn không được xem chỉ số này.", "You may not see these figures.")


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


def principal_ref(principal: Principal) -> str:
    """Who asked for an upload, kept on the document: only the same principal may complete it."""
    if isinstance(principal, Officer):
        return f"officer:{principal.subject}"
    citizen = acting_citizen(principal, Scope.DOSSIERS_WRITE)
    if citizen is not None:
        return f"citizen:{citizen.id_number}"
    return ""


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
