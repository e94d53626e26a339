"""A bundle (hồ sơ liên thông): one filing of an interlinked group, one dossier per member.

A member whose predecessors have no result yet waits (no dossier: the competent agency has not received
anything, so there is no code nor due date); it starts when they all have one, and its due date counts
from then. The bundle's status is computed from its members, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from portal.dossiers.model import Dossier, Status


class MemberState(Enum):
    WAITING = "waiting"  # for the results of the members it needs
    STARTED = "started"  # its dossier was received by its agency
    CANCELLED = "cancelled"  # never started: a member it needs was refused, or the bundle was withdrawn


class BundleStatus(Enum):
    IN_PROGRESS = "in_progress"
    WAITING_FOR_APPLICANT = "waiting_for_applicant"  # a member asks for a supplement
    DONE = "done"
    PARTLY_REFUSED = "partly_refused"
    WITHDRAWN = "withdrawn"


FINISHED = frozenset({Status.RESULT_READY, Status.RETURNED, Status.REJECTED, Status.WITHDRAWN})
HAS_RESULT = frozenset({Status.RESULT_READY, Status.RETURNED})
UNDECIDED = frozenset({Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED})
STOPPED = frozenset({Status.REJECTED, Status.WITHDRAWN})


@dataclass(frozen=True)
class BundleMember:
    key: str
    procedure_code: str
    procedure_name: str
    center_id: str  # the competent agency's center it is (or will be) received by
    after: tuple[str, ...]
    state: MemberState = MemberState.WAITING
    dossier_code: str = ""
    started_at: datetime | None = None


@dataclass(frozen=True)
class Bundle:
    id: str
    code: str  # the group's procedure code (2.000986...)
    name: str
    applicant_id: str
    applicant_name: str
    center_id: str  # where the citizen filed (the lead agency's center)
    answers: dict[str, Any]
    electronic_documents: tuple[str, ...]
    members: tuple[BundleMember, ...]
    created_at: datetime
    updated_at: datetime
    withdrawn_at: datetime | None = None
    phone: str = ""
    email: str = ""
    version: int = 1

    def member(self, key: str) -> BundleMember:
        return next(m for m in self.members if m.key == key)


def ready_to_start(bundle: Bundle, dossiers: dict[str, Dossier]) -> list[BundleMember]:
    """Waiting members all of whose predecessors have a result (`dossiers` by code)."""
    if bundle.withdrawn_at is not None:
        return []

    def has_result(key: str) -> bool:
        m = bundle.member(key)
        d = dossiers.get(m.dossier_code)
        return m.state is MemberState.STARTED and d is not None and d.status in HAS_RESULT

    return [m for m in bundle.members if m.state is MemberState.WAITING and all(has_result(k) for k in m.after)]


def blocked(bundle: Bundle, dossiers: dict[str, Dossier]) -> list[BundleMember]:
    """Waiting members that can never start: a member they need (directly or not) was refused or withdrawn."""
    stopped = {
        m.key for m in bundle.members if m.dossier_code in dossiers and dossiers[m.dossier_code].status in STOPPED
    }
    changed = True
    while changed:
        changed = False
        for m in bundle.members:
            if m.key not in stopped and m.state is not MemberState.STARTED and stopped & set(m.after):
                stopped.add(m.key)
                changed = True
    return [m for m in bundle.members if m.key in stopped and m.state is MemberState.WAITING]


def bundle_status(bundle: Bundle, dossiers: dict[str, Dossier]) -> BundleStatus:
    """The bundle's status from its members' dossiers (`dossiers` by code)."""
    if bundle.withdrawn_at is not None:
        return BundleStatus.WITHDRAWN
    statuses = [dossiers[m.dossier_code].status for m in bundle.members if m.dossier_code in dossiers]
    if Status.SUPPLEMENT_REQUESTED in statuses:
        return BundleStatus.WAITING_FOR_APPLICANT
    never = {m.key for m in blocked(bundle, dossiers)}
    waiting = [m for m in bundle.members if m.state is MemberState.WAITING and m.key not in never]
    if waiting or any(s not in FINISHED for s in statuses):
        return BundleStatus.IN_PROGRESS
    if any(s in STOPPED for s in statuses):
        return BundleStatus.PARTLY_REFUSED
    return BundleStatus.DONE


def linked_results(bundle: Bundle, member: BundleMember, dossiers: dict[str, Dossier]) -> dict[str, str]:
    """What the member's dossier records of its predecessors' results, so nobody types them again: the
    predecessor's dossier code and its result (the signed result's verification code, else its file)."""
    data: dict[str, str] = {}
    for key in member.after:
        d = dossiers.get(bundle.member(key).dossier_code)
        if d is None:
            continue
        data[f"linked_{key}_dossier_code"] = d.code
        if d.result is not None:
            data[f"linked_{key}_result"] = d.result.verification_code or d.result.name
    return data
