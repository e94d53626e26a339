"""Saving, resuming, listing and discarding a citizen's drafts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from portal.clock import Clock
from portal.dossiers.intake import REQUEST_ID
from portal.dossiers.model import Attachment
from portal.dossiers.repository import DossierRepository
from portal.drafts.model import Draft, check_draft_sizes, expiry, new_draft
from portal.drafts.repository import DraftRepository
from portal.errors import InvalidInput
from portal.identity.access import require_draft_owner
from portal.identity.principal import Citizen, Principal
from portal.procedures.catalog import Catalog
from portal.procedures.model import check_procedure_code
from portal.procedures.service import get_procedure


@dataclass(frozen=True)
class DraftInput:
    request_id: str
    procedure_code: str
    answers: Any
    phone: str = ""
    email: str = ""
    center_id: str = ""
    attachments: tuple[Attachment, ...] = ()


def save_draft(drafts: DraftRepository, catalog: Catalog, clock: Clock, citizen: Citizen, given: DraftInput) -> Draft:
    if not REQUEST_ID.match(given.request_id):
        raise InvalidInput.for_field(
            "clientRequestId",
            "Mã yêu cầu phải gồm 8–64 ký tự chữ, số, - hoặc _.",
            "The client request id must be 8-64 letters, digits, - or _.",
        )
    procedure = get_procedure(catalog, given.procedure_code)
    answers = check_draft_sizes(given.answers, given.phone, given.email, given.attachments)
    form = catalog.online_form(procedure)  # a generic form's fields too
    known = {f.name for f in (form.fields if form else procedure.form_fields)}
    now = clock.now()
    draft = Draft(
        owner=citizen.id_number,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        request_id=given.request_id,
        answers={k: v for k, v in answers.items() if k in known},  # a field the form dropped is forgotten
        phone=given.phone.strip(),
        email=given.email.strip(),
        center_id=given.center_id.strip()[:64],
        attachments=given.attachments,
        updated_at=now,
        expires_at=expiry(now),
    )
    drafts.save(draft)
    return draft


def _with_outcome(dossiers: DossierRepository, draft: Draft) -> Draft:
    return replace(draft, dossier_code=dossiers.find_submitted(draft.owner, draft.request_id))


def get_draft(
    drafts: DraftRepository,
    dossiers: DossierRepository,
    catalog: Catalog,
    clock: Clock,
    citizen: Citizen,
    procedure_code: str,
) -> Draft:
    """The draft of this procedure, with the dossier its request made if it was submitted; or a new one
    (not saved until the first answer is)."""
    draft = drafts.get(citizen.id_number, check_procedure_code(procedure_code, "procedureCode"))
    if draft is None or draft.expired(clock.now()):
        procedure = get_procedure(catalog, procedure_code)
        return new_draft(citizen.id_number, procedure.code, procedure.name)
    return _with_outcome(dossiers, draft)


def my_drafts(drafts: DraftRepository, dossiers: DossierRepository, clock: Clock, citizen: Citizen) -> list[Draft]:
    """Drafts still to be submitted, the most recently changed first; a submitted one is cleared away."""
    now, pending = clock.now(), []
    for draft in drafts.of_owner(citizen.id_number):
        if draft.expired(now):
            continue
        draft = _with_outcome(dossiers, draft)
        if draft.dossier_code:
            drafts.delete(draft.owner, draft.procedure_code)
        else:
            pending.append(draft)
    return sorted(pending, key=lambda d: d.updated_at or clock.now(), reverse=True)


def discard_draft(drafts: DraftRepository, citizen: Citizen, procedure_code: str) -> None:
    drafts.delete(citizen.id_number, check_procedure_code(procedure_code, "procedureCode"))


@dataclass(frozen=True)
class DraftService:
    """Drafts of their own filings, for signed-in citizens (or an app filing for them): each verb checks
    who asks, then the rules above."""

    drafts: DraftRepository
    dossiers: DossierRepository
    catalog: Catalog
    clock: Clock

    def save(self, principal: Principal, given: DraftInput) -> Draft:
        return save_draft(self.drafts, self.catalog, self.clock, require_draft_owner(principal), given)

    def get(self, principal: Principal, procedure_code: str) -> Draft:
        citizen = require_draft_owner(principal)
        return get_draft(self.drafts, self.dossiers, self.catalog, self.clock, citizen, procedure_code)

    def mine(self, principal: Principal) -> list[Draft]:
        return my_drafts(self.drafts, self.dossiers, self.clock, require_draft_owner(principal))

    def discard(self, principal: Principal, procedure_code: str) -> None:
        discard_draft(self.drafts, require_draft_owner(principal), procedure_code)
