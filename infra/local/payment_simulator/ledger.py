"""The simulator's book: the payments it holds, the signed notifications it sends (as told: normally,
twice, out of order, late, never, or held for a test), and the day's settlement report (with a seeded
difference when a test asks)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

VIETNAM = timezone(timedelta(hours=7))
DELIVERIES = {"normal", "twice", "out_of_order", "late", "never", "hold"}


def sign(secret: bytes, body: bytes) -> str:
    """The provider's signature of a notification (written apart from the portal's check, on purpose)."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


@dataclass
class SimulatedPayment:
    payment_id: str
    reference: str
    amount: int
    currency: str
    description: str
    return_url: str
    notify_url: str
    metadata: dict[str, Any]
    state: str = "started"
    settled_at: datetime | None = None
    refunds: list[dict[str, Any]] = field(default_factory=list)
    delivery: str = "normal"
    delay_seconds: float = 2.0
    outbox: list[dict[str, str]] = field(default_factory=list)

    def public(self, base_url: str) -> dict[str, Any]:
        return {
            "payment_id": self.payment_id,
            "reference": self.reference,
            "amount": self.amount,
            "currency": self.currency,
            "state": self.state,
            "next_url": f"{base_url}/pay/{self.payment_id}",
        }


class SimulatorState:
    def __init__(self, api_key: str, webhook_secret: str) -> None:
        self.api_key = api_key
        self.webhook_secret = webhook_secret.encode()
        self.payments: dict[str, SimulatedPayment] = {}
        self.by_reference: dict[str, str] = {}
        self.lock = threading.Lock()
        self.down = False
        self.default_delivery = "normal"
        self.clock_offset = timedelta()
        self.settlement_adjustments: dict[str, dict[str, Any]] = {}  # reference -> {"amount": n} or {"drop": True}
        self.extra_settlement: list[dict[str, Any]] = []
        self.delivered = 0
        self.failures: list[str] = []  # the last delivery failures (status or error), for tests and benchmarks

    def now(self) -> datetime:
        return datetime.now(VIETNAM) + self.clock_offset

    # --- notifications ---------------------------------------------------------------------------------
    def _notification(self, p: SimulatedPayment, state: str) -> dict[str, str]:
        body = json.dumps(
            {
                "event_id": secrets.token_hex(8),
                "payment_id": p.payment_id,
                "reference": p.reference,
                "dossier_code": p.metadata.get("dossier_code", ""),
                "amount": p.amount,
                "currency": p.currency,
                "state": state,
            },
            separators=(",", ":"),
        )
        return {"body": body, "signature": sign(self.webhook_secret, body.encode())}

    def _send(self, url: str, message: dict[str, str]) -> None:
        if not url:
            return
        request = urllib.request.Request(  # noqa: S310 - the portal's local notify URL
            url,
            data=message["body"].encode(),
            method="POST",
            headers={"content-type": "application/json", "x-signature": message["signature"]},
        )
        for _ in range(3):  # a provider retries a notification the portal did not take
            try:
                with urllib.request.urlopen(request, timeout=10):  # noqa: S310
                    self.delivered += 1
                    return
            except urllib.error.HTTPError as error:
                self.failures = [*self.failures[-9:], f"{url}: {error.code}"]
                if error.code < 500:
                    return  # refused for good (e.g. 400/401/404): retrying would not help
            except OSError as error:
                self.failures = [*self.failures[-9:], f"{url}: {error}"]
            time.sleep(0.2)

    def notify(self, p: SimulatedPayment, final_state: str) -> None:
        messages = [self._notification(p, "submitted"), self._notification(p, final_state)]
        p.outbox.extend(messages)
        plan = p.delivery
        if plan in {"never", "hold"}:
            return
        if plan == "out_of_order":
            messages.reverse()
        if plan == "twice":
            messages = [messages[0], messages[1], messages[1]]
        delay = p.delay_seconds if plan == "late" else 0.0

        def deliver() -> None:
            for message in messages:
                self._send(p.notify_url, message)

        threading.Timer(delay, deliver).start() if delay else threading.Thread(target=deliver, daemon=True).start()

    # --- settlement ---------------------------------------------------------------------------------------
    def settlement(self, day: str) -> list[dict[str, Any]]:
        lines = []
        for p in self.payments.values():
            if p.settled_at is not None and p.settled_at.date().isoformat() == day:
                lines.append(
                    {
                        "reference": p.reference,
                        "payment_id": p.payment_id,
                        "kind": "payment",
                        "amount": p.amount,
                        "state": "success",
                    }
                )
            for r in p.refunds:
                if r["at"][:10] == day:
                    lines.append(
                        {
                            "reference": p.reference,
                            "payment_id": p.payment_id,
                            "kind": "refund",
                            "amount": r["amount"],
                            "state": "success",
                        }
                    )
        adjusted = []
        for line in lines:
            change = self.settlement_adjustments.get(line["reference"])
            if change and change.get("drop"):
                continue
            adjusted.append({**line, **(change or {})})
        return adjusted + [x for x in self.extra_settlement if x.get("day") == day]
