"""Warnings before a registered client expires, e-mailed to its contact (the clients-housekeeping job):
once WARNING_DAYS[0] days ahead, again WARNING_DAYS[1] days ahead, each once (the client's record says
which was sent, written before the mail goes so two runs never both send). The client itself sees
`viewerClient.expiresInDays` over the same month."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Protocol

from portal.clients.model import Client
from portal.clock import Clock
from portal.errors import Conflict
from portal.observability import logger

WARNING_DAYS = (30, 7)


class EmailChannel(Protocol):
    def send(self, to: str, subject: str, body: str) -> str: ...


class ClientRecords(Protocol):
    def all(self) -> list[Client]: ...
    def save(self, client: Client) -> Client: ...


def warning_due(client: Client, now: datetime) -> int | None:
    """The warning (days ahead) to send now, if one is due and not yet sent."""
    if client.revoked_at is not None or client.expires_at <= now:
        return None
    due = [d for d in WARNING_DAYS if client.expires_at - now <= timedelta(days=d)]
    if not due:
        return None
    warning = min(due)
    sent = client.expiry_warned_days
    return warning if sent is None or warning < sent else None


def days_en(days: int) -> str:
    """A number of days in English: "1 day", "7 days" (Vietnamese has no plural: "1 ngày", "7 ngày")."""
    return "1 day" if days == 1 else f"{days} days"


def expiry_notice(client: Client, now: datetime, portal_url: str) -> tuple[str, str]:
    days = max(0, (client.expires_at - now).days)
    until = client.expires_at.isoformat()
    subject = f"Ứng dụng {client.name} hết hạn sau {days} ngày / Client expires in {days_en(days)}"
    body = (
        f"Đăng ký ứng dụng {client.name} (mã {client.client_id}) trên Cổng Dịch vụ công hết hạn lúc {until}, "
        f"còn {days} ngày. Sau thời điểm đó ứng dụng không lấy được thẻ truy cập và các yêu cầu bị từ chối. "
        "Vui lòng liên hệ quản trị viên của Cổng để gia hạn (đăng ký mới).\n"
        f"Hướng dẫn: {portal_url}/#/nha-phat-trien\n\n"
        f"The registration of {client.name} (client {client.client_id}) expires at {until}, in {days_en(days)}. "
        "After that it gets no token and its requests are refused. Ask the portal's administrators for a new "
        "registration.\n"
        f"Guide: {portal_url}/#/nha-phat-trien\n"
    )
    return subject, body


def warn_expiring(records: ClientRecords, email: EmailChannel, clock: Clock, portal_url: str) -> int:
    """Send the warnings due now; how many went."""
    now = clock.now()
    sent = 0
    for client in records.all():
        warning = warning_due(client, now)
        if warning is None:
            continue
        try:
            records.save(dataclasses.replace(client, expiry_warned_days=warning))
        except Conflict:
            continue  # changed meanwhile (another run, an admin): the next run looks again
        subject, body = expiry_notice(client, now, portal_url)
        try:
            email.send(client.contact_email, subject, body)
            sent += 1
        except Exception:  # recorded as sent: logged for the operators rather than sent twice
            logger.exception("client expiry warning not sent", extra={"client": client.client_id, "days": warning})
    return sent
