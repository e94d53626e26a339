"""The officers' working-morning digest: each center is told of its dossiers due within one working day
and of those already late (the agency must apologize and set a new date before the due date: Decree
118/2025), in its inbox and, when the center has an address, by e-mail. One digest per center and day:
running the job twice that morning tells nobody twice (the notice is keyed by the day)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from portal.clock import Clock
from portal.dossiers.model import Dossier
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.notifications.model import Message, Notice, Recipient, RecipientKind
from portal.notifications.service import DIGEST, Notifier
from portal.workdays.working_days import WorkCalendar

MAX_LISTED = 30  # per section of one e-mail; the link shows the rest


@dataclass(frozen=True)
class CenterDigest:
    center_id: str
    due_soon: tuple[Dossier, ...]
    late: tuple[Dossier, ...]


@dataclass
class DigestReport:
    day: date
    working_day: bool
    centers: list[CenterDigest] = field(default_factory=list)


def split(dossiers: Iterable[Dossier], today: date, calendar: WorkCalendar) -> dict[str, CenterDigest]:
    """By center: open dossiers due today or on the next working day, and those past their date."""
    horizon = calendar.next_working_day(today)
    soon: dict[str, list[Dossier]] = defaultdict(list)
    late: dict[str, list[Dossier]] = defaultdict(list)
    for d in dossiers:
        if d.due_date is None:  # waiting for the receiving officer to set its appointment: act now
            soon[d.center_id].append(d)
        elif d.due_date < today:
            late[d.center_id].append(d)
        elif d.due_date <= horizon:
            soon[d.center_id].append(d)
    order = lambda ds: tuple(sorted(ds, key=lambda d: (d.due_date or date.min, d.code)))  # noqa: E731
    return {c: CenterDigest(c, order(soon.get(c, [])), order(late.get(c, []))) for c in sorted({*soon, *late})}


def _due(d: Dossier) -> str:
    return f"{d.due_date:%d/%m/%Y}" if d.due_date else "chưa đặt ngày hẹn"


def _lines(dossiers: tuple[Dossier, ...]) -> str:
    shown = [f"- {d.code} ({_due(d)}): {d.procedure_name}" for d in dossiers[:MAX_LISTED]]
    if len(dossiers) > MAX_LISTED:
        shown.append(f"- … (+{len(dossiers) - MAX_LISTED})")
    return "\n".join(shown) or "-"


def message(digest: CenterDigest, today: date, portal_url: str) -> Message:
    link = f"{portal_url}/#/can-bo"
    soon, late = len(digest.due_soon), len(digest.late)
    return Message(
        subject_vi=f"Ngày {today:%d/%m/%Y}: {soon} hồ sơ đến hạn, {late} hồ sơ quá hạn",
        body_vi=f"Đến hạn trong một ngày làm việc ({soon}):\n{_lines(digest.due_soon)}\n\n"
        f"Quá hạn ({late}) - cần xin lỗi và hẹn lại:\n{_lines(digest.late)}",
        subject_en=f"{today.isoformat()}: {soon} dossiers due, {late} late",
        body_en=f"Due within one working day ({soon}):\n{_lines(digest.due_soon)}\n\n"
        f"Late ({late}) - apologize and set a new date:\n{_lines(digest.late)}",
        sms="",
        link=link,
    )


def send_morning_digest(
    dossiers: DossierRepository,
    centers: CenterLookup,
    notifier: Notifier,
    clock: Clock,
    calendar: WorkCalendar,
    province_codes: Iterable[str],
) -> DigestReport:
    now = clock.now()
    today = now.date()
    report = DigestReport(today, calendar.is_working_day(today))
    if not report.working_day:
        return report
    horizon = calendar.next_working_day(today)
    open_dossiers = [d for p in province_codes for d in dossiers.open_in_province(p, horizon)]
    notices = []
    for center_id, digest in split(open_dossiers, today, calendar).items():
        center = centers.get(center_id)
        recipient = Recipient(RecipientKind.CENTER, center_id, email=center.email if center else "")
        notices.append(
            Notice(
                recipient, f"digest-{today.isoformat()}", 0, DIGEST, now, message(digest, today, notifier.portal_url)
            )
        )
        report.centers.append(digest)
    notifier.tell(notices)
    return report
