"""Fixed-window request limits, per client (the token's subject or the app's client id) and per address.

Pure rules: which counters a request increments, by how much (a read by its cost), and what each one
allows. Mutations have their own, lower limits than reads. A limit of 0 turns that counter off.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from portal.identity.principal import Anonymous, App, Principal


class RequestKind(Enum):
    READ = "read"  # queries
    WRITE = "write"  # mutations


@dataclass(frozen=True)
class Limits:
    window_seconds: int = 60
    client_reads: int = 0
    client_writes: int = 0
    ip_reads: int = 0
    ip_writes: int = 0

    @property
    def enabled(self) -> bool:
        return any((self.client_reads, self.client_writes, self.ip_reads, self.ip_writes))

    def per_client(self, kind: RequestKind) -> int:
        return self.client_writes if kind is RequestKind.WRITE else self.client_reads

    def per_ip(self, kind: RequestKind) -> int:
        return self.ip_writes if kind is RequestKind.WRITE else self.ip_reads


@dataclass(frozen=True)
class Window:
    start: int  # epoch seconds
    end: int

    def seconds_left(self, now: float) -> int:
        return max(1, int(self.end - now + 0.999))


@dataclass(frozen=True)
class Counter:
    key: str
    limit: int


# A read weighs its static cost (api/query_cost.py) in units of this much: a request of ordinary size counts
# 1, the costliest a query may be (3000) counts 60, so a client sending costly queries in a loop is limited
# by the work it asks for, not by how many requests carry it. A write counts 1 (its own, lower limit).
COST_PER_UNIT = 50


def weight(kind: RequestKind, cost: int) -> int:
    if kind is RequestKind.WRITE:
        return 1
    return max(1, -(-cost // COST_PER_UNIT))


def window_at(epoch_seconds: float, window_seconds: int) -> Window:
    start = int(epoch_seconds) - int(epoch_seconds) % window_seconds
    return Window(start, start + window_seconds)


def client_of(principal: Principal | None) -> str | None:
    """Whose quota a request uses: an app's (all its users together) or a person's; None when unknown."""
    if principal is None or isinstance(principal, Anonymous):
        return None
    if isinstance(principal, App):
        return f"app:{principal.client_id}"
    return f"sub:{principal.subject}"


def counters_for(
    limits: Limits, kind: RequestKind, client: str | None, ip: str | None, window: Window
) -> list[Counter]:
    """The counters a request increments: its client's (when known) and its address's (when known)."""
    counters = []
    if client and limits.per_client(kind):
        counters.append(Counter(f"client#{client}#{kind.value}#{window.start}", limits.per_client(kind)))
    if ip and limits.per_ip(kind):
        counters.append(Counter(f"ip#{ip}#{kind.value}#{window.start}", limits.per_ip(kind)))
    return counters
