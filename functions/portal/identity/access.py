"""Who may do what: every authorization rule of the portal, in one module, as pure functions.

Services call these guards; resolvers never decide access themselves. A dossier the principal may not
see is reported as not found, so guessing codes reveals nothing.
"""

from __future__ import annotations

from portal.dossiers.model import Dossier
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
    """The applicant (or an app they delegated to) and the officers of the receiving center."""
    if isinstance(principal, Officer):
        return principal.center_id == dossier.center_id
    citizen = acting_citizen(principal, Scope.DOSSIERS_READ)
    return citizen is not None and citizen.id_number == dossier.applicant.id_number


def check_can_read_dossier(principal: Principal, dossier: Dossier) -> None:
    if not can_read_dossier(principal, dossier):
        raise dossier_not_found(dossier.code)
