"""Telling people: a dossier event becomes notices (EVENT_HANDLERS), each notice an inbox entry and one
delivery per chosen channel, all written with conditional puts keyed by (code, seq, recipient, channel);
then the new deliveries are sent at once. Handling the same event twice writes and sends nothing new."""

from __future__ import annotations

from dataclasses import dataclass

from portal.clock import Clock
from portal.dossiers.model import Dossier, TimelineEvent
from portal.dossiers.repository import DossierRepository
from portal.notifications.handlers import notices_for
from portal.notifications.model import (
    Channel,
    Delivery,
    DeliveryState,
    InboxEntry,
    Notice,
    RecipientKind,
)
from portal.notifications.repository import NotificationRepository
from portal.notifications.worker import DeliveryWorker, SendReport

DIGEST = "digest"  # the action of the officers' morning digest (not a dossier event)


class UnknownEvent(Exception):
    """A stream record names an event that is not there: a poison record (retried, then the DLQ)."""


def read_event(dossiers: DossierRepository, code: str, seq: int) -> tuple[Dossier, TimelineEvent]:
    """The dossier and its event `seq`: one read (head and timeline share a partition)."""
    dossier = dossiers.get(code)
    event = next((e for e in dossier.timeline if e.seq == seq), None) if dossier else None
    if dossier is None or event is None:
        raise UnknownEvent(f"{code} has no event {seq}")
    return dossier, event


# An event is handled again only when its earlier handling did not finish (the consumer was killed, or it
# raised): a delivery it left created or `sending` was not sent, or its sending died with it. Taken over now
# rather than by the retry job minutes later (SENDING_TIMEOUT); the conditional save still lets one sender win.
LEFT_BY_A_DEAD_ATTEMPT = frozenset({DeliveryState.CREATED, DeliveryState.SENDING})

CENTER_CHANNELS = (Channel.INBOX,)  # officers get e-mail in the morning digest, not per event


@dataclass
class Notifier:
    dossiers: DossierRepository
    store: NotificationRepository
    worker: DeliveryWorker
    clock: Clock
    portal_url: str

    def handle_event(self, code: str, seq: int) -> SendReport:
        dossier, event = read_event(self.dossiers, code, seq)
        return self.notify_of(dossier, event)

    def notify_of(self, dossier: Dossier, event: TimelineEvent) -> SendReport:
        """The event already read (the stream consumer reads each dossier once for every subscriber)."""
        return self.tell(notices_for(dossier, event, self.portal_url))

    def tell(self, notices: list[Notice]) -> SendReport:
        to_send: list[Delivery] = []
        for notice in notices:
            for channel in self._channels(notice):
                if channel is Channel.INBOX:
                    self.store.add_to_inbox(_inbox_entry(notice))
                    continue
                delivery = _delivery(notice, channel, self.clock)
                if self.store.add_delivery(delivery):
                    to_send.append(delivery)
                else:  # a redelivered event: send only what an earlier attempt left unsent
                    existing = self.store.get_delivery(delivery.key)
                    if existing is not None and existing.state in LEFT_BY_A_DEAD_ATTEMPT:
                        to_send.append(existing)
        return self.worker.send(to_send)

    def _channels(self, notice: Notice) -> tuple[Channel, ...]:
        if notice.recipient.kind is RecipientKind.CENTER:
            if notice.action == DIGEST and notice.recipient.email:
                return (Channel.INBOX, Channel.EMAIL)
            return CENTER_CHANNELS
        return self.store.preferences(notice.recipient.id).channels(notice.recipient)


def _inbox_entry(notice: Notice) -> InboxEntry:
    m = notice.message
    return InboxEntry(
        recipient_key=notice.recipient.key,
        code=notice.code,
        seq=notice.seq,
        action=notice.action,
        at=notice.at,
        subject_vi=m.subject_vi,
        subject_en=m.subject_en,
        body_vi=m.body_vi,
        body_en=m.body_en,
        link=m.link,
    )


def _delivery(notice: Notice, channel: Channel, clock: Clock) -> Delivery:
    m = notice.message
    if channel is Channel.EMAIL:
        address, subject = notice.recipient.email, f"{m.subject_vi} / {m.subject_en}"
        body = f"{m.body_vi}\n\n{m.link}\n\n---\n\n{m.body_en}\n\n{m.link}\n"
    else:
        address, subject, body = notice.recipient.phone, "", m.sms
    return Delivery(
        code=notice.code,
        seq=notice.seq,
        recipient_key=notice.recipient.key,
        channel=channel,
        address=address,
        subject=subject,
        body=body,
        state=DeliveryState.CREATED,
        created_at=clock.now(),
    )
