"""Reading the Dossiers table's stream: the records that are dossier events (an `EVENT#` item inserted,
the transactional outbox) and the (code, seq) each names. Every other record (a dossier's head item
modified, counters, markers) is not an event. template.yaml's FilterCriteria keeps only event inserts in
AWS; this check keeps the local poller, which reads every record, to the same ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EVENT_SK_PREFIX = "EVENT#"  # portal.store.dossier_items.EVENT_SK_PREFIX (the events package imports no store)


class PoisonRecord(Exception):
    """A record that claims to be an event but cannot be read: it will fail every retry (then the DLQ)."""


@dataclass(frozen=True)
class EventKey:
    code: str
    seq: int

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "seq": self.seq}


def event_key(record: dict[str, Any]) -> EventKey | None:
    """The event a stream record announces, or None when the record is not an event insert."""
    if record.get("eventName") != "INSERT":
        return None
    keys = record.get("dynamodb", {}).get("Keys", {})
    sk = keys.get("sk", {}).get("S", "")
    if not sk.startswith(EVENT_SK_PREFIX):
        return None
    code = keys.get("pk", {}).get("S", "")
    try:
        seq = int(sk.removeprefix(EVENT_SK_PREFIX))
    except ValueError as error:
        raise PoisonRecord(f"unreadable event key {sk!r}") from error
    if not code or seq < 1:
        raise PoisonRecord(f"unreadable event key {code!r} {sk!r}")
    return EventKey(code, seq)
