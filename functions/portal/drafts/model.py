"""A filing not yet submitted: what the citizen has typed so far, saved as they type.

One draft per citizen and procedure, kept DRAFT_DAYS after its last change and then deleted (DynamoDB's
TTL; a reader also ignores a draft past its date, since TTL may lag). The draft carries the filing's
client request id from the moment the form first opens, so resuming on another device and submitting
there is still the same request: a dossier it already made is found, never made twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from portal.dossiers.model import Attachment
from portal.errors import FieldProblem, InvalidInput

DRAFT_DAYS = 30
REMINDER_DAYS = 3  # the citizen is reminded this many days before a draft expires (the draft-reminders job)
MAX_ANSWERS_BYTES = 32 * 1024  # a whole form as JSON; the longest field allowed is 5,000 characters
MAX_CONTACT_LENGTH = 254
MAX_DRAFT_ATTACHMENTS = 20


@dataclass(frozen=True)
class Draft:
    owner: str  # the citizen's personal identification number
    procedure_code: str
    procedure_name: str
    request_id: str
    answers: dict[str, Any]
    phone: str
    email: str
    center_id: str
    attachments: tuple[Attachment, ...]
    updated_at: datetime | None  # None: a new draft, not saved yet
    expires_at: datetime | None
    dossier_code: str | None = None  # set when its request has already made a dossier
    reminded_for: datetime | None = None  # the expiry the citizen was last reminded of (the draft-reminders job)

    @property
    def saved(self) -> bool:
        return self.updated_at is not None

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    def reminder_due(self, now: datetime) -> bool:
        """Within REMINDER_DAYS of its expiry, not expired, and not yet reminded of this expiry (a change since
        the last reminder moved the expiry: the new one gets its own reminder)."""
        return (
            self.expires_at is not None
            and self.reminder_at <= now < self.expires_at
            and self.reminded_for != self.expires_at
        )

    @property
    def reminder_at(self) -> datetime:
        assert self.expires_at is not None
        return self.expires_at - timedelta(days=REMINDER_DAYS)


def new_draft(owner: str, procedure_code: str, procedure_name: str) -> Draft:
    """A filing just opened: its request id is made here, once, and kept by every save after."""
    import uuid  # only when a form is opened: off the cold start

    return Draft(owner, procedure_code, procedure_name, uuid.uuid4().hex, {}, "", "", "", (), None, None)


def expiry(now: datetime) -> datetime:
    return now + timedelta(days=DRAFT_DAYS)


def check_draft_sizes(answers: Any, phone: str, email: str, attachments: tuple[Attachment, ...]) -> dict[str, Any]:
    """A draft holds anything typed so far (it is checked when submitted), within sizes."""
    problems = []
    if not isinstance(answers, dict):
        problems.append(FieldProblem("formData", "Dữ liệu đơn phải là một đối tượng.", "formData must be an object."))
    elif len(json.dumps(answers, ensure_ascii=False).encode()) > MAX_ANSWERS_BYTES:
        problems.append(
            FieldProblem("formData", "Bản nháp quá lớn (tối đa 32 KB).", "The draft is too large (at most 32 KB).")
        )
    for name, value in (("phone", phone), ("email", email)):
        if len(value) > MAX_CONTACT_LENGTH:
            problems.append(FieldProblem(name, "Quá dài.", "Too long."))
    if len(attachments) > MAX_DRAFT_ATTACHMENTS:
        problems.append(
            FieldProblem(
                "attachments", f"Tối đa {MAX_DRAFT_ATTACHMENTS} tệp.", f"At most {MAX_DRAFT_ATTACHMENTS} files."
            )
        )
    if problems:
        raise InvalidInput("Không lưu được bản nháp.", "The draft could not be saved.", tuple(problems))
    return answers
