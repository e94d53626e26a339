"""Drafts about to be deleted: the citizen is told REMINDER_DAYS before (inbox, and e-mail or SMS as they
chose, to the contacts typed in the draft), once per expiry; drafts already past their expiry are deleted
here when DynamoDB's TTL has not done it yet (TTL may lag by days, and DynamoDB Local has none).

Once: the notice is keyed by the draft's procedure and expiry, so the deliveries' conditional puts send
nothing twice; the draft then records the expiry it was reminded of. A run that stops between the two
tells nobody twice when run again. A citizen who changes the draft after the reminder moves its expiry
30 days on: that new expiry gets its own reminder, since deleting it unannounced would be the worse
surprise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from portal.clock import VIETNAM, Clock
from portal.drafts.model import REMINDER_DAYS, Draft
from portal.drafts.repository import DraftRepository
from portal.notifications.model import Message, Notice, Recipient, RecipientKind
from portal.notifications.service import Notifier

DRAFT_REMINDER = "draft-reminder"  # the action of the notice (not a dossier event)


@dataclass
class ReminderReport:
    reminded: int = 0
    deleted: int = 0
    skipped: int = 0  # already reminded of this expiry, or changed meanwhile


def message(draft: Draft, portal_url: str) -> Message:
    assert draft.expires_at is not None
    day = draft.expires_at.astimezone(VIETNAM)
    link = f"{portal_url}/#/nop-ho-so/{draft.procedure_code}"
    return Message(
        subject_vi=f"Bản nháp «{draft.procedure_name}» sẽ bị xoá ngày {day:%d/%m/%Y}",
        body_vi=f"Bạn có một bản nháp hồ sơ «{draft.procedure_name}» chưa nộp. Bản nháp được giữ 30 ngày kể từ "
        f"lần sửa cuối và sẽ bị xoá vào {day:%H:%M} ngày {day:%d/%m/%Y}. Mở lại để hoàn thành và nộp hồ sơ; "
        "mỗi lần sửa, bản nháp được giữ thêm 30 ngày.",
        subject_en=f"Your draft '{draft.procedure_name}' will be deleted on {day:%Y-%m-%d}",
        body_en=f"You have an unsubmitted draft of '{draft.procedure_name}'. Drafts are kept 30 days after the "
        f"last change; this one will be deleted at {day:%H:%M} on {day:%Y-%m-%d} (Vietnam time). Open it to "
        "finish and submit; each change keeps it 30 more days.",
        sms=f"DVC: Ban nhap ho so cua ban se bi xoa ngay {day:%d/%m/%Y}. Tiep tuc: {link}",
        link=link,
    )


def notice(draft: Draft, portal_url: str) -> Notice:
    assert draft.expires_at is not None
    expiry_day = draft.expires_at.astimezone(VIETNAM).date().isoformat()
    return Notice(
        Recipient(RecipientKind.CITIZEN, draft.owner, email=draft.email, phone=draft.phone),
        f"draft-{draft.procedure_code}-{expiry_day}",
        0,
        DRAFT_REMINDER,
        draft.reminder_at,  # the same moment however often the job runs: the inbox entry's key stays one
        message(draft, portal_url),
    )


def remind_and_sweep(drafts: DraftRepository, notifier: Notifier, clock: Clock) -> ReminderReport:
    now = clock.now()
    report = ReminderReport()
    for draft in drafts.expiring_before(now + timedelta(days=REMINDER_DAYS)):
        if draft.expired(now):
            report.deleted += drafts.delete_expired(draft, now)
        elif draft.reminder_due(now):
            notifier.tell([notice(draft, notifier.portal_url)])
            if drafts.mark_reminded(draft):
                report.reminded += 1
            else:
                report.skipped += 1
        else:
            report.skipped += 1
    return report
