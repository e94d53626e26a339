"""The dossier state machine: one table of allowed transitions and one function that applies them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from portal.dossiers import fee_rules
from portal.dossiers.model import (
    Action,
    ActorRole,
    Attachment,
    Dossier,
    Rating,
    Status,
    SupplementItem,
    TimelineEvent,
)
from portal.errors import Conflict, InvalidInput
from portal.input_limits import LIMITS, too_long
from portal.workdays.time_limits import resumed_due_on
from portal.workdays.working_days import WorkCalendar, counting_start

RECEIVE = Action.RECEIVE
EXTEND = Action.EXTEND
RATE = Action.RATE
SET_APPOINTMENT = Action.SET_APPOINTMENT

# Actions whose note the other side needs: what was supplemented, why it was refused. (A supplement request
# lists its items instead, portal.dossiers.supplement_rules; its note is optional explanations.)
NOTE_REQUIRED = frozenset({Action.PROVIDE_SUPPLEMENT, Action.REJECT})

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

# The steps officers and applicants take through actOnDossier (the other actions have their own verbs).
STEPS: tuple[Action, ...] = tuple(a for a in Action if any(a is step for _, step in TRANSITIONS))

# Only one supplement request is allowed, listing everything needed (Decree 118/2025).
MAX_SUPPLEMENT_REQUESTS = 1


def apply(
    dossier: Dossier,
    action: Action,
    actor: ActorRole,
    at: datetime,
    calendar: WorkCalendar,
    note: str = "",
    result: Attachment | None = None,
    asked: tuple[SupplementItem, ...] = (),
) -> tuple[Dossier, TimelineEvent]:
    """The dossier after `action`, and the timeline event recording it (with `asked`, what a supplement
    request asks for: checked against the procedure's list by portal.dossiers.supplement_rules). Raises
    Conflict if not allowed."""
    if action in NOTE_REQUIRED and not note.strip():
        raise InvalidInput.for_field(
            "note",
            "Cần ghi rõ nội dung (những gì đã bổ sung, hoặc lý do từ chối).",
            "A note is required (what was supplemented, or the reason for refusal).",
        )
    if action is Action.REQUEST_SUPPLEMENT and not asked:
        raise InvalidInput.for_field(
            "supplement",
            "Yêu cầu bổ sung phải liệt kê những gì cần bổ sung.",
            "A supplement request must list what is to be supplemented.",
        )
    if asked and action is not Action.REQUEST_SUPPLEMENT:
        raise InvalidInput.for_field(
            "supplement",
            "Chỉ yêu cầu bổ sung mới kèm danh sách những gì cần bổ sung.",
            "Only a supplement request lists what is to be supplemented.",
        )
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
    if fee_rules.blocks(dossier, action.value):
        raise Conflict("Hồ sơ đang chờ thanh toán phí, lệ phí.", "The dossier is waiting for its fee to be paid.")
    changes: dict = {"status": new_status, "updated_at": at, "version": dossier.version + 1}
    if action is Action.REQUEST_SUPPLEMENT:
        if dossier.supplement_requests >= MAX_SUPPLEMENT_REQUESTS:
            raise Conflict(
                "Hồ sơ chỉ được yêu cầu bổ sung một lần, nêu đầy đủ các nội dung cần bổ sung.",
                "A supplement may be requested only once, listing everything needed.",
            )
        changes["supplement_requests"] = dossier.supplement_requests + 1
    if action is Action.PROVIDE_SUPPLEMENT and dossier.time_limit is not None and dossier.due_date is not None:
        # The applicant's time does not count: the time left when the request was made runs again from
        # now, in the processing time's own unit. (An appointment the officer set is theirs to extend.)
        paused_at = _last_event_at(dossier, Action.REQUEST_SUPPLEMENT) or dossier.received_at
        resumed = resumed_due_on(dossier.received_at, paused_at, at, dossier.time_limit, calendar)
        if resumed is not None:
            changes["due_date"] = resumed
    if action is Action.MARK_RESULT_READY and result is not None:
        changes["result"] = result
    if new_status in {Status.RESULT_READY, Status.REJECTED, Status.WITHDRAWN} and dossier.completed_at is None:
        changes["completed_at"] = at
    updated = replace(dossier, **changes)
    event = TimelineEvent(
        seq=len(dossier.timeline) + 1,
        at=at,
        action=action,
        status=new_status,
        actor=actor,
        note=note,
        due_date=updated.due_date,
        asked=asked,
    )
    return replace(updated, timeline=(*dossier.timeline, event)), event


def _append(dossier: Dossier, event: TimelineEvent, **changes) -> tuple[Dossier, TimelineEvent]:
    updated = replace(dossier, updated_at=event.at, version=dossier.version + 1, **changes)
    return replace(updated, timeline=(*dossier.timeline, event)), event


def set_appointment(
    dossier: Dossier, due: date, basis: str, at: datetime, calendar: WorkCalendar
) -> tuple[Dossier, TimelineEvent]:
    """The receiving officer sets the appointment of a dossier whose procedure has no known processing
    time (none was computed at reception), once, on a working day from the day it counts as received;
    the basis (the legal time the officer applied) is recorded on the timeline."""
    if dossier.due_date is not None:
        raise Conflict(
            "Hồ sơ đã có ngày hẹn trả kết quả; thay đổi ngày hẹn theo thủ tục xin lỗi và hẹn lại.",
            "The dossier already has an appointment date; change it through the apology and new date.",
        )
    if dossier.status not in {Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED}:
        raise Conflict("Chỉ đặt ngày hẹn cho hồ sơ đang xử lý.", "Only a dossier in progress gets an appointment.")
    earliest = counting_start(dossier.received_at, calendar)
    if due < earliest or not calendar.is_working_day(due):
        raise InvalidInput.for_field(
            "dueDate",
            f"Ngày hẹn phải là ngày làm việc, từ ngày {earliest:%d/%m/%Y}.",
            f"The appointment must be a working day, from {earliest:%Y-%m-%d}.",
        )
    if not basis.strip():
        raise InvalidInput.for_field(
            "basis",
            "Cần ghi căn cứ của ngày hẹn (thời hạn giải quyết theo quy định).",
            "The basis of the appointment (the legal processing time) is required.",
        )
    if len(basis) > LIMITS["reason"]:
        raise too_long("basis", LIMITS["reason"])
    event = TimelineEvent(
        seq=len(dossier.timeline) + 1,
        at=at,
        action=SET_APPOINTMENT,
        status=dossier.status,
        actor=ActorRole.OFFICER,
        note=basis.strip(),
        due_date=due,
    )
    return _append(dossier, event, due_date=due)


def extend_deadline(
    dossier: Dossier, new_due: date, reason: str, at: datetime, calendar: WorkCalendar
) -> tuple[Dossier, TimelineEvent]:
    """A late dossier: the agency apologizes and sets a new appointment date, once, no later than one
    working day before the current one (Decree 118/2025)."""
    if dossier.status not in {Status.RECEIVED, Status.PROCESSING}:
        raise Conflict("Chỉ gia hạn được hồ sơ đang xử lý.", "Only a dossier in progress can be extended.")
    if dossier.due_date is None:
        raise Conflict(
            "Hồ sơ chưa có ngày hẹn: cán bộ tiếp nhận đặt ngày hẹn trước.",
            "The dossier has no appointment yet: the receiving officer sets it first.",
        )
    if dossier.extensions >= 1:
        raise Conflict("Ngày hẹn mới chỉ được đặt một lần.", "A new appointment date can be set only once.")
    last_day = dossier.due_date
    while not calendar.is_working_day(last_day := last_day - timedelta(days=1)):
        pass
    if at.date() > last_day:
        raise Conflict(
            f"Phải xin lỗi và hẹn lại chậm nhất ngày {last_day:%d/%m/%Y}, trước ngày hẹn một ngày làm việc.",
            f"The apology and new date were due by {last_day:%Y-%m-%d}, one working day before the appointment.",
        )
    if new_due <= dossier.due_date or not calendar.is_working_day(new_due):
        raise InvalidInput.for_field(
            "newDueDate",
            "Ngày hẹn mới phải là ngày làm việc sau ngày hẹn hiện tại.",
            "The new date must be a working day after the current appointment date.",
        )
    if not reason.strip():
        raise InvalidInput.for_field("reason", "Cần nêu lý do chậm trễ.", "The reason for the delay is required.")
    event = TimelineEvent(
        seq=len(dossier.timeline) + 1,
        at=at,
        action=EXTEND,
        status=dossier.status,
        actor=ActorRole.OFFICER,
        note=reason.strip(),
        due_date=new_due,
    )
    return _append(dossier, event, due_date=new_due, extensions=dossier.extensions + 1)


def rate(dossier: Dossier, score: int, comment: str, at: datetime) -> tuple[Dossier, TimelineEvent]:
    """The applicant rates a dossier once its handling is over."""
    if dossier.status not in {Status.RESULT_READY, Status.RETURNED, Status.REJECTED}:
        raise Conflict("Chỉ đánh giá được khi đã có kết quả.", "A dossier can be rated once it has a result.")
    if dossier.rating is not None:
        raise Conflict("Hồ sơ này đã được đánh giá.", "This dossier was already rated.")
    if not 1 <= score <= 5:
        raise InvalidInput.for_field("score", "Điểm đánh giá từ 1 đến 5.", "The score is from 1 to 5.")
    if len(comment) > LIMITS["comment"]:
        raise too_long("comment", LIMITS["comment"])
    event = TimelineEvent(
        seq=len(dossier.timeline) + 1,
        at=at,
        action=RATE,
        status=dossier.status,
        actor=ActorRole.APPLICANT,
        due_date=dossier.due_date,
    )
    return _append(dossier, event, rating=Rating(score, comment.strip(), at))


def _last_event_at(dossier: Dossier, action: Action) -> datetime | None:
    for event in reversed(dossier.timeline):
        if event.action is action:
            return event.at
    return None
