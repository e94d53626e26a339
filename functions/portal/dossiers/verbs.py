"""The verbs that open and change dossiers, as service objects the composition root builds once: each
takes the principal who asks and decides access itself (resolvers never do), then the rules of
portal.dossiers.intake and portal.dossiers.workflow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portal.clock import Clock
from portal.dossiers import intake, workflow
from portal.dossiers.intake import Submission, SubmitRequest, WalkInApplicant
from portal.dossiers.lifecycle import Action
from portal.dossiers.model import Attachment, Channel, Dossier
from portal.dossiers.on_behalf import PersonRepresented
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.dossiers.supplement_rules import SupplementRequest
from portal.identity.access import require_applicant, require_officer
from portal.identity.principal import OfficerRole, Principal, Scope
from portal.procedures.catalog import Catalog

RECEPTION = frozenset({OfficerRole.RECEPTION})


@dataclass(frozen=True)
class Intake:
    """Opening dossiers: filed online by the applicant (or for them, by an authorized person), or received
    at a center's desk by its reception officers. A retry with the same request id opens nothing new."""

    dossiers: DossierRepository
    centers: CenterLookup
    catalog: Catalog
    clock: Clock

    def submit(
        self, principal: Principal, request: SubmitRequest, represented: PersonRepresented | None = None
    ) -> Submission:
        citizen = require_applicant(principal, Scope.DOSSIERS_WRITE)
        stores = (self.dossiers, self.centers, self.catalog, self.clock)
        if represented is not None:
            return intake.submit_on_behalf(*stores, citizen, represented, request, principal=principal)
        return intake.submit_dossier(*stores, citizen, request, principal=principal)

    def receive(
        self,
        principal: Principal,
        walk_in: WalkInApplicant,
        request: SubmitRequest,
        channel: Channel = Channel.IN_PERSON,
        postmarked_on: date | None = None,
    ) -> Submission:
        officer = require_officer(principal, roles=RECEPTION)
        return intake.receive_in_person(
            self.dossiers,
            self.centers,
            self.catalog,
            self.clock,
            officer,
            walk_in,
            request,
            channel=channel,
            postmarked_on=postmarked_on,
        )


@dataclass(frozen=True)
class Workflow:
    """Changing a dossier after reception: officers process, decide and return it, the applicant
    supplements, withdraws or rates it, a center's lead extends its appointment once. A supplement request
    asks only for documents of the procedure's list in the catalog, or cites the basis of anything else."""

    dossiers: DossierRepository
    catalog: Catalog
    clock: Clock

    def act(
        self,
        principal: Principal,
        code: str,
        action: Action,
        note: str = "",
        result: Attachment | None = None,
        supplement: SupplementRequest | None = None,
    ) -> Dossier:
        return workflow.act_on_dossier(
            self.dossiers, self.clock, principal, code, action, note, result, supplement, self.catalog
        )

    def extend_deadline(self, principal: Principal, code: str, new_due: date, reason: str) -> Dossier:
        return workflow.extend_deadline(self.dossiers, self.clock, principal, code, new_due, reason)

    def set_appointment(self, principal: Principal, code: str, due: date, basis: str) -> Dossier:
        """A receiving officer sets the appointment of a dossier whose procedure gives no time it can count."""
        return workflow.set_appointment(self.dossiers, self.clock, principal, code, due, basis)

    def rate(self, principal: Principal, code: str, score: int, comment: str) -> Dossier:
        return workflow.rate_dossier(self.dossiers, self.clock, principal, code, score, comment)
