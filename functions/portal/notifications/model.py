"""Notifications: what a person (or a center's officers) is told about a dossier, and how each telling
travels (a delivery per recipient and channel, with GOV.UK Notify's states)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class Channel(Enum):
    INBOX = "inbox"  # the portal's own list (the bell): always on, written at once
    EMAIL = "email"
    SMS = "sms"


class DeliveryState(Enum):
    """A delivery's states, as GOV.UK Notify names them."""

    CREATED = "created"
    SENDING = "sending"
    DELIVERED = "delivered"
    TEMPORARY_FAILURE = "temporary-failure"  # tried again later, with backoff
    PERMANENT_FAILURE = "permanent-failure"  # given up: listed for ops


class RecipientKind(Enum):
    CITIZEN = "citizen"
    CENTER = "center"  # the officers of a center share its inbox (officers are not listed anywhere else)


@dataclass(frozen=True)
class Recipient:
    kind: RecipientKind
    id: str  # the citizen's identification number, or the center's id
    email: str = ""
    phone: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.id}"


@dataclass(frozen=True)
class Message:
    """One template rendered: Vietnamese first, English second. SMS carry no personal data."""

    subject_vi: str
    body_vi: str
    subject_en: str
    body_en: str
    sms: str
    link: str


@dataclass(frozen=True)
class Notice:
    """One thing to tell one recipient: the dossier event (code, seq) it comes from and its message."""

    recipient: Recipient
    code: str  # the dossier code (or a digest's key)
    seq: int  # the timeline event's number (0 for a digest)
    action: str
    at: datetime
    message: Message


@dataclass(frozen=True)
class InboxEntry:
    recipient_key: str
    code: str
    seq: int
    action: str
    at: datetime
    subject_vi: str
    subject_en: str
    body_vi: str
    body_en: str
    link: str
    read: bool = False

    @property
    def id(self) -> str:
        return f"{self.at.isoformat()}#{self.code}#{self.seq:04d}"


@dataclass(frozen=True)
class Delivery:
    code: str
    seq: int
    recipient_key: str
    channel: Channel
    address: str  # e-mail address or phone number
    subject: str
    body: str
    state: DeliveryState
    created_at: datetime
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str = ""
    sent_at: datetime | None = None

    @property
    def key(self) -> str:
        return f"{self.code}#{self.seq:04d}#{self.recipient_key}#{self.channel.value}"


@dataclass(frozen=True)
class Preferences:
    """A citizen's channels besides the portal inbox (which is always on)."""

    email: bool = True
    sms: bool = False

    def channels(self, recipient: Recipient) -> tuple[Channel, ...]:
        chosen = [Channel.INBOX]
        if self.email and recipient.email:
            chosen.append(Channel.EMAIL)
        if self.sms and recipient.phone:
            chosen.append(Channel.SMS)
        return tuple(chosen)


class PermanentFailure(Exception):
    """The provider refused for good (4xx: bounced or invalid address, rejected content)."""


class TemporaryFailure(Exception):
    """The provider could not take it now (5xx, timeout, connection refused): try again later."""
