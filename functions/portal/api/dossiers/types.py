"""GraphQL types of dossiers: the full view (applicant, officers) and the public tracking view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from portal.api.centers.types import Center
from portal.api.dossiers.parts import (
    AccessRecord,
    Applicant,
    Attachment,
    Channel,
    DossierMessage,
    DossierStatus,
    Filer,
    Rating,
    TimelineEvent,
    attachment_view,
)
from portal.api.graphql.context import PortalContext
from portal.api.graphql.pagination import PageInfo
from portal.api.procedures.details import TimeLimit
from portal.api.procedures.types import Procedure
from portal.dossiers import model
from portal.dossiers.messages import thread
from portal.dossiers.model import Action, dossier_subject
from portal.dossiers.tracking import tracking_secret
from portal.errors import Conflict


@strawberry.interface(description="What anyone following a dossier may see.")
class DossierSummary:
    dossier: strawberry.Private[model.Dossier]

    @strawberry.field
    def code(self) -> str:
        return self.dossier.code

    @strawberry.field
    def status(self) -> DossierStatus:
        return self.dossier.status

    @strawberry.field
    def procedure_code(self) -> str:
        return self.dossier.procedure_code

    @strawberry.field
    def procedure_name(self) -> str:
        return self.dossier.procedure_name

    @strawberry.field(description="The procedure as the catalog describes it now.")
    def procedure(self, info: Info[PortalContext, None]) -> Procedure | None:
        found = info.context.services.catalog.index().get(self.dossier.procedure_code)
        return Procedure.from_summary(found) if found else None

    @strawberry.field
    def center_id(self) -> str:
        return self.dossier.center_id

    @strawberry.field(description="The receiving center (batched: one BatchGetItem for a whole page).")
    async def center(self, info: Info[PortalContext, None]) -> Center | None:
        found = await info.context.loaders.centers.load(self.dossier.center_id)
        return Center.from_domain(found) if found else None

    @strawberry.field
    def channel(self) -> Channel:
        return self.dossier.channel

    @strawberry.field
    def received_at(self) -> datetime:
        return self.dossier.received_at

    @strawberry.field(
        description="Appointment date for the result. Fails for a dossier whose appointment the receiving "
        "officer has not set yet.",
        deprecation_reason="Use appointmentDate (null until the receiving officer sets it); since 2026-12-07.",
    )
    def due_date(self) -> date:
        if self.dossier.due_date is None:
            raise Conflict(
                "Ngày hẹn trả kết quả sẽ do cán bộ tiếp nhận đặt.", "The receiving officer will set the appointment."
            )
        return self.dossier.due_date

    @strawberry.field(
        description="Appointment date for the result, counted in the unit of the processing time (see "
        "processingTime); null while the receiving officer has not set it (the procedure's time is unknown)."
    )
    def appointment_date(self) -> date | None:
        return self.dossier.due_date

    @strawberry.field(
        description="The processing time the dossier was received with, in its unit; null when the procedure's "
        "time is unknown (the receiving officer sets the appointment)."
    )
    def processing_time(self) -> TimeLimit | None:
        limit = self.dossier.time_limit
        return TimeLimit.from_domain(limit) if limit else None

    @strawberry.field
    def completed_at(self) -> datetime | None:
        return self.dossier.completed_at

    @strawberry.field(description="Past its appointment date without a result, or the result came late.")
    def late(self, info: Info[PortalContext, None]) -> bool:
        return self.dossier.is_late(info.context.services.clock.now())

    @strawberry.field
    def supplement_requests(self) -> int:
        return self.dossier.supplement_requests

    @strawberry.field(description="1 once the agency apologized and set a new appointment date (at most once).")
    def deadline_extensions(self) -> int:
        return self.dossier.extensions

    @strawberry.field(description="The electronic result, once ready.")
    def result(self) -> Attachment | None:
        return attachment_view(self.dossier.result) if self.dossier.result else None

    @strawberry.field
    def timeline(self) -> list[TimelineEvent]:
        """Without the message thread: messages are read by the applicant and the center only (messages)."""
        return [TimelineEvent.from_domain(e) for e in self.dossier.timeline if e.action is not Action.POST_MESSAGE]


@strawberry.type(description="A dossier as its applicant and the officers of its center see it.")
class Dossier(DossierSummary):
    @strawberry.field
    def applicant(self) -> Applicant:
        a = self.dossier.applicant
        return Applicant(
            id_number=a.id_number,
            full_name=a.full_name,
            date_of_birth=a.date_of_birth,
            address=a.address,
            phone=a.phone,
            email=a.email,
        )

    @strawberry.field
    def form_data(self) -> JSON:
        return self.dossier.form_data

    @strawberry.field(description="The bundle (interlinked filing) it is a member of; null when filed alone.")
    def bundle_id(self) -> str | None:
        return self.dossier.bundle_id or None

    @strawberry.field(description="Whom the dossier is about (e.g. the child's name): tells dossiers apart.")
    def subject(self) -> str:
        return dossier_subject(self.dossier)

    @strawberry.field(description="The applicant has supplemented and the dossier awaits the officers' decision.")
    def supplement_received(self) -> bool:
        # A supplement is asked once; supplied, the dossier is back in processing until a decision.
        return self.dossier.status is model.Status.PROCESSING and self.dossier.supplement_requests > 0

    @strawberry.field
    def attachments(self) -> list[Attachment]:
        return [attachment_view(a) for a in self.dossier.attachments]

    @strawberry.field
    def rating(self) -> Rating | None:
        r = self.dossier.rating
        return Rating(score=r.score, comment=r.comment, at=r.at) if r else None

    @strawberry.field(description="The thread between the applicant and the center, oldest first.")
    def messages(self) -> list[DossierMessage]:
        return [DossierMessage.from_domain(e) for e in thread(self.dossier)]

    @strawberry.field(description="Every file of the dossier handed out, when and to whom (audit trail).")
    def access_log(self) -> list[AccessRecord]:
        return [AccessRecord(at=r.at, actor=r.actor, document_id=r.document_id) for r in self.dossier.access_log]

    @strawberry.field(description="Received in person: when every required document had a clean scanned file.")
    def digitized_at(self) -> datetime | None:
        return self.dossier.digitized_at

    @strawberry.field(
        description="Filed on the applicant's behalf by an authorized person (with the authorization attached); "
        "null when the applicant filed."
    )
    def filer(self) -> Filer | None:
        f = self.dossier.filer
        return Filer(id_number=f.id_number, full_name=f.full_name, phone=f.phone, email=f.email) if f else None

    @strawberry.field(description="Arrived by post: the envelope's postmark (the due date counts from receipt).")
    def postmarked_on(self) -> date | None:
        return self.dossier.postmarked_on

    @strawberry.field(description="Increases with every change; shows whether what you see is current.")
    def version(self) -> int:
        return self.dossier.version

    @strawberry.field(description="When it last changed: pass the last one you saw as dossierChanges' updatedSince.")
    def updated_at(self) -> datetime:
        return self.dossier.updated_at

    @strawberry.field(description="Printed on the receipt: with the code, lets anyone holding it follow the dossier.")
    def tracking_secret(self, info: Info[PortalContext, None]) -> str:
        return tracking_secret(info.context.services.tracking_key(), self.dossier.code)


@strawberry.type(description="A dossier as anyone holding its receipt sees it: no personal data.")
class DossierTracking(DossierSummary):
    @strawberry.field(
        description="States and dates in the standard wording: an officer's free text (notes, what a supplement "
        "request asks for) is left out."
    )
    def timeline(self) -> list[TimelineEvent]:
        return [
            replace(TimelineEvent.from_domain(e), note="", supplement_items=[])
            for e in self.dossier.timeline
            if e.action is not Action.POST_MESSAGE  # the thread is the applicant's and the center's only
        ]


@strawberry.type
class DossierEdge:
    node: Dossier


@strawberry.type
class DossierConnection:
    edges: list[DossierEdge]
    page_info: PageInfo
