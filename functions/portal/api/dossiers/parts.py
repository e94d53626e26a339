"""The parts of a dossier's GraphQL view: its status and steps, timeline events, applicant and filer,
attachments and their openings, rating and messages (the views themselves: api/dossiers/types.py)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry

from portal.dossiers import lifecycle, model

DossierStatus = strawberry.enum(model.Status, name="DossierStatus")
# The steps of actOnDossier only (receiving, extending, rating and messages have mutations of their own).
DossierStep = Enum("DossierStep", {a.name: a.value for a in lifecycle.STEPS})
DossierAction = strawberry.enum(DossierStep, name="DossierAction")
Channel = strawberry.enum(model.Channel, name="Channel")
ActorRole = strawberry.enum(model.ActorRole, name="ActorRole")


@strawberry.type(description="One thing a supplement request asks for.")
class SupplementItem:
    what: str = strawberry.field(
        description="A document of the procedure's list (its slot: Procedure.documents[].slot), or another item."
    )
    legal_basis: str = strawberry.field(
        description="The legal basis that lets the agency ask for an item not on the list; empty for a document "
        "of the list."
    )
    listed: bool = strawberry.field(description="On the procedure's list of documents.")


@strawberry.type
class TimelineEvent:
    seq: int
    at: datetime
    action: str = strawberry.field(
        description="receive, start_processing, request_supplement, provide_supplement, "
        "mark_result_ready, return_result, reject or withdraw."
    )
    status: DossierStatus = strawberry.field(description="The status after this event.")
    actor: ActorRole
    note: str
    due_date: date | None = strawberry.field(description="The appointment date in force after this event.")
    supplement_items: list[SupplementItem] = strawberry.field(
        default_factory=list,
        description="A supplement request (request_supplement): exactly what it asks for, each a document of "
        "the procedure's list or another item with its legal basis; the note only explains. Empty otherwise.",
    )

    @classmethod
    def from_domain(cls, e: model.TimelineEvent) -> TimelineEvent:
        return cls(
            seq=e.seq,
            at=e.at,
            action=e.action.value,
            status=e.status,
            actor=e.actor,
            note=e.note,
            due_date=e.due_date,
            supplement_items=[SupplementItem(what=x.what, legal_basis=x.legal_basis, listed=x.listed) for x in e.asked],
        )


@strawberry.type
class Applicant:
    id_number: str
    full_name: str
    date_of_birth: date | None
    address: str
    phone: str
    email: str


@strawberry.type(description="The authorized person (người được ủy quyền) who filed the dossier for its applicant.")
class Filer:
    id_number: str
    full_name: str
    phone: str
    email: str


@strawberry.type
class Attachment:
    name: str
    content_type: str
    size_bytes: int
    document: str
    document_id: str = strawberry.field(description="The stored file (documentDownload); empty for old attachments.")
    state: str = strawberry.field(description="The file's scan state: pending, clean or rejected.")
    verification_code: str = strawberry.field(
        default="", description="A signed electronic result's code: #/xac-thuc/<code> verifies a presented file."
    )


@strawberry.type(description="One opening of one of the dossier's files.")
class AccessRecord:
    at: datetime
    actor: ActorRole
    document_id: str


@strawberry.type
class Rating:
    score: int
    comment: str
    at: datetime


def attachment_view(a: model.Attachment) -> Attachment:
    return Attachment(
        name=a.name,
        content_type=a.content_type,
        size_bytes=a.size_bytes,
        document=a.document,
        document_id=a.document_id,
        state=a.state,
        verification_code=a.verification_code,
    )


@strawberry.type(description="A message of a dossier's thread: sent once, never edited or deleted.")
class DossierMessage:
    seq: int = strawberry.field(description="Its number in the dossier's timeline (the audit trail).")
    at: datetime
    author: ActorRole
    text: str

    @classmethod
    def from_domain(cls, e: model.TimelineEvent) -> DossierMessage:
        return cls(seq=e.seq, at=e.at, author=e.actor, text=e.note)
