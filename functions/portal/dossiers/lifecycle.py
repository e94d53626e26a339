"""The dossier state machine: one table of allowed transitions and one function that applies them."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from enum import Enum

from portal.dossiers.model import ActorRole, Dossier, Status, TimelineEvent
from portal.errors import Conflict
from portal.workdays.working_days import WorkCalendar, counting_start


class Action(Enum):
    START_PROCESSING = "start_processing"
    REQUEST_SUPPLEMENT = "request_supplement"
    PROVIDE_SUPPLEMENT = "provide_supplement"
    MARK_RESULT_READY = "mark_result_ready"
    RETURN_RESULT = "return_result"
    REJECT = "reject"
    WITHDRAW = "withdraw"


RECEIVE = "receive"  # the action of the first timeline event

# (status now, action) -> (status after, who may do it)
TRANSITIONS: dict[tuple[Status, Action], tuple[Status, ActorRole]] = {
    (Status.RECEIVED, Action.START_PROCESSING): (Status.PROCESSING, ActorRole.OFFICER),
    (Status.RECEIVED, Action.REQUEST_SUPPLEMENT): (Status.SUPPLEMENT_REQUESTED, ActorRole.OFFICER),
    (Status.RECEIVED, Action.REJECT): (Status.REJECTED, ActorRole.OFFICER),
    (Status.RECEIVED, Action.WITHDRAW): (Status.WITHDRAWN, ActorRole.APPLICANT),
    (Status.PROCESSING, Action.REQUEST_SUPPLEMENT): (Status.SUPPLEMENT_REQUESTED, ActorRole.OFFICER),
    (Status.PROCESSING, Action.MARK_RESULT_READY): (Status.RESULT_READY, ActorRole.OFFICER),
    (Status.PROCESSING, Action.REJECT): (Status.REJECTED, ActorRole.OFFICER),
    (Status.PROCESSING, Action.WITHDRAW): (Status.WITHDRAWN, ActorRole.APPLICANT),
    (Status.SUPPLEMENT_REQUESTED, Action.PROVIDE_SUPPLEMENT): (Status.PROCESSING, ActorRole.APPLICANT),
    (Status.SUPPLEMENT_REQUESTED, Action.REJECT): (Status.REJECTED, ActorRole.OFFICER),
    (Status.SUPPLEMENT_REQUESTED, Action.WITHDRAW): (Status.WITHDRAWN, ActorRole.APPLICANT),
    (Status.RESULT_READY, Action.RETURN_RESULT): (Status.RETURNED, ActorRole.OFFICER),
}

# Only one supplement request is allowed, listing everything needed (Decree 118/2025).
MAX_SUPPLEMENT_REQUESTS = 1


def apply(
    dossier: Dossier, action: Action, actor: ActorRole, at: datetime, calendar: WorkCalendar, note: str = ""
) -> tuple[Dossier, TimelineEvent]:
    """The dossier after `action`, and the timeline event recording it. Raises Conflict if not allowed."""
    allowed = TRANSITIONS.get((dossier.status, action))
    if allowed is None:
        raise Conflict(
            f"Không thể thực hiện «{action.value}» khi hồ sơ đang ở trạng thái «{dossier.status.value}».",
            f"Cannot {action.value} a dossier that is {dossier.status.value}.",
        )
    new_status, role = allowed
    if actor is not role:
        raise Conflict(
            f"Thao tác «{action.value}» chỉ dành cho {role.value}.",
            f"Only the {role.value} may {action.value}.",
        )
    changes: dict = {"status": new_status, "updated_at": at, "version": dossier.version + 1}
    if action is Action.REQUEST_SUPPLEMENT:
        if dossier.supplement_requests >= MAX_SUPPLEMENT_REQUESTS:
            raise Conflict(
                "Hồ sơ chỉ được yêu cầu bổ sung một lần, nêu đầy đủ các nội dung cần bổ sung.",
                "A supplement may be requested only once, listing everything needed.",
            )
        changes["supplement_requests"] = dossier.supplement_requests + 1
    if action is Action.PROVIDE_SUPPLEMENT:
        # The applicant's time does not count: the days left when the request was made run again from now.
        paused_at = _last_event_at(dossier, Action.REQUEST_SUPPLEMENT)
        started = counting_start(dossier.received_at, calendar)
        used = calendar.working_days_between(started, paused_at.date()) if paused_at else 0
        remaining = max(dossier.processing_days - used, 0)
        changes["due_date"] = calendar.add_working_days(counting_start(at, calendar), remaining)
    if new_status in {Status.RESULT_READY, Status.REJECTED, Status.WITHDRAWN} and dossier.completed_at is None:
        changes["completed_at"] = at
    updated = replace(dossier, **changes)
    event = TimelineEvent(
        seq=len(dossier.timeline) + 1,
        at=at,
        action=action.value,
        status=new_status,
        actor=actor,
        note=note,
        due_date=updated.due_date,
    )
    return replace(updated, timeline=(*dossier.timeline, event)), event


def _last_event_at(dossier: Dossier, action: Action) -> datetime | None:
    for event in reversed(dossier.timeline):
        if event.action == action.value:
            return event.at
    return None
