"""GraphQL types of bundles (interlinked procedures filed as one: portal.bundles)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from portal.api.dossiers.types import Dossier
from portal.api.procedures.details import FormField, RequiredDocument, TimeLimit
from portal.bundles import model
from portal.bundles.definitions import BundleDefinition as DefinitionModel
from portal.bundles.service import BundleView
from portal.input_limits import LIMITS
from portal.procedures.model import Procedure

BundleStatus = strawberry.enum(
    model.BundleStatus, name="BundleStatus", description="Computed from the members' dossiers."
)
BundleMemberState = strawberry.enum(model.MemberState, name="BundleMemberState")


def form_field(f) -> FormField:
    return FormField.of(f)


@strawberry.type(description="A member procedure of an interlinked group, in the order the group runs.")
class BundleMemberDefinition:
    key: str
    procedure_code: str
    procedure_name: str
    agency: str
    processing_days: int | None = strawberry.field(
        description="Working days, counted from when it starts; null when in another unit (processingTime) or unknown."
    )
    processing_time: TimeLimit | None = strawberry.field(
        description="Its processing time with its unit; null when unknown (the receiving officer sets the date)."
    )
    after: list[str] = strawberry.field(description="Keys of the members whose result it needs first.")
    documents: list[RequiredDocument]
    why: str


@strawberry.type(description="An interlinked group (liên thông) filed with one form: its members and questions.")
class BundleDefinition:
    code: str
    name: str
    name_en: str
    members: list[BundleMemberDefinition]
    questions: list[FormField] = strawberry.field(description="Asked once for every member.")
    sources: list[str]
    left_out: str

    @staticmethod
    def of(definition: DefinitionModel, procedures: dict[str, Procedure], asked) -> BundleDefinition:
        group = procedures[definition.code]
        members = []
        for m in definition.members:
            p = procedures[m.procedure_code]
            docs = [
                RequiredDocument(name=d.name, name_en=d.name_en, originals=d.originals, copies=d.copies, note=d.note)
                for d in p.documents
            ]
            members.append(
                BundleMemberDefinition(
                    key=m.key,
                    procedure_code=p.code,
                    procedure_name=p.name,
                    agency=p.implementing_agency or p.agency,
                    processing_days=p.processing_days,
                    processing_time=TimeLimit.from_domain(p.time_limit) if p.time_limit else None,
                    after=list(m.after),
                    documents=docs,
                    why=m.why,
                )
            )
        return BundleDefinition(
            code=definition.code,
            name=group.name,
            name_en=group.name_en,
            members=members,
            questions=[form_field(f) for f in asked],
            sources=list(definition.sources),
            left_out=definition.left_out,
        )


@strawberry.type(description="One member of a bundle: its own dossier once it has started.")
class BundleMember:
    key: str
    procedure_code: str
    procedure_name: str
    center_id: str = strawberry.field(description="The competent agency's center that receives it.")
    after: list[str]
    state: BundleMemberState
    started_at: datetime | None
    dossier: Dossier | None = strawberry.field(description="Null while it waits for the results it needs.")


@strawberry.type(description="Interlinked procedures filed as one (hồ sơ liên thông).")
class Bundle:
    view: strawberry.Private[BundleView]

    @strawberry.field
    def id(self) -> str:
        return self.view.bundle.id

    @strawberry.field(description="The group's procedure code, e.g. 2.000986.")
    def code(self) -> str:
        return self.view.bundle.code

    @strawberry.field
    def name(self) -> str:
        return self.view.bundle.name

    @strawberry.field
    def status(self) -> BundleStatus:
        return self.view.status

    @strawberry.field
    def center_id(self) -> str:
        return self.view.bundle.center_id

    @strawberry.field
    def created_at(self) -> datetime:
        return self.view.bundle.created_at

    @strawberry.field
    def withdrawn_at(self) -> datetime | None:
        return self.view.bundle.withdrawn_at

    @strawberry.field(description="The answers given once for every member.")
    def answers(self) -> JSON:
        return self.view.bundle.answers

    @strawberry.field
    def members(self) -> list[BundleMember]:
        out = []
        for m in self.view.bundle.members:
            dossier = self.view.dossier_of(m)
            out.append(
                BundleMember(
                    key=m.key,
                    procedure_code=m.procedure_code,
                    procedure_name=m.procedure_name,
                    center_id=m.center_id,
                    after=list(m.after),
                    state=m.state,
                    started_at=m.started_at,
                    dossier=Dossier(dossier=dossier) if dossier else None,
                )
            )
        return out


@strawberry.type
class BundleSubmitted:
    bundle: Bundle
    duplicate: bool = strawberry.field(description="True when this request had already been received (a retry).")


@strawberry.type
class BundleUpdated:
    bundle: Bundle


@strawberry.input
class SubmitBundleInput:
    client_request_id: str = strawberry.field(
        description="One for the whole bundle, made when the form opens: a retry never makes a second set."
    )
    bundle_code: str = strawberry.field(description="The group's procedure code (bundleDefinition).")
    center_id: str = strawberry.field(description="The commune center filed at; other levels are routed.")
    answers: JSON = strawberry.field(
        description=f"The group's questions, by name: at most {LIMITS['formKeys']} keys of "
        f"{LIMITS['formKey']} characters."
    )
    electronic_documents: list[str] = strawberry.field(
        default_factory=list, description="Required documents the agencies hold electronically (e.g. Giấy chứng sinh)."
    )
    phone: str = strawberry.field(default="", description=f"At most {LIMITS['phone']} characters.")
    email: str = strawberry.field(default="", description=f"At most {LIMITS['email']} characters.")
