"""Who may do what with a dossier: the dossier's own authorization rules, as pure functions over the
principal (portal.identity) and the dossier. Services call these guards; resolvers never decide access.
A dossier the principal may not see is reported as not found, so guessing codes reveals nothing.
"""

from __future__ import annotations

from portal.dossiers.lifecycle import Action
from portal.dossiers.model import ActorRole, Dossier, party_ids
from portal.errors import Forbidden, NotFound
from portal.identity.access import require_officer
from portal.identity.principal import (
    App,
    Officer,
    OfficerRole,
    Principal,
    Scope,
    acting_citizen,
)

APPLICANT_ACTIONS = frozenset({Action.PROVIDE_SUPPLEMENT, Action.WITHDRAW})


def dossier_not_found(code: str) -> NotFound:
    return NotFound(f"Không tìm thấy hồ sơ {code}.", f"Dossier {code} was not found.")


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


def check_can_post_message(principal: Principal, dossier: Dossier) -> ActorRole:
    """The dossier's thread: its applicant and any officer of the receiving center, nobody else."""
    check_can_read_dossier(principal, dossier)
    if isinstance(principal, Officer):
        return ActorRole.OFFICER
    if not _is_applicant(principal, dossier, Scope.DOSSIERS_WRITE):
        raise Forbidden("Bạn không được gửi tin nhắn cho hồ sơ này.", "You may not write in this thread.")
    return ActorRole.APPLICANT


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
