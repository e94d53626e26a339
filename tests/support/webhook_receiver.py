"""A third party's webhook endpoint over real HTTP on 127.0.0.1: it verifies each delivery's signature on
its own (the code the developer page gives, not the portal's), refuses stale or forged ones, and can be
taken down (503) or made to redirect."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def verify_webhook(secret: str, headers: dict[str, str], body: bytes, now: float) -> bool:
    """Standard Webhooks v1, as a receiver writes it (see #/nha-phat-trien)."""
    msg_id, timestamp, signatures = headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"]
    if abs(now - int(timestamp)) > 300:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, s.removeprefix("v1,")) for s in signatures.split() if s.startswith("v1,"))


@dataclass
class Received:
    webhook_id: str
    body: dict[str, Any]
    at: float


class WebhookReceiver:
    def __init__(self, now: Callable[[], float]) -> None:
        self.secret = ""
        self.now = now
        self.down = False
        self.accepted: list[Received] = []
        self.refused = 0  # forged or stale
        self.outage_hits = 0
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hook"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                with receiver._lock:
                    receiver.hits[self.path] = receiver.hits.get(self.path, 0) + 1
                if self.path == "/redirect":
                    self.send_response(302)
                    self.send_header("location", "/hook")
                    self.end_headers()
                    return
                if receiver.down:
                    with receiver._lock:
                        receiver.outage_hits += 1
                    self.send_error(503)
                    return
                headers = {k.lower(): v for k, v in self.headers.items()}
                if not verify_webhook(receiver.secret, headers, body, receiver.now()):
                    with receiver._lock:
                        receiver.refused += 1
                    self.send_error(400)
                    return
                with receiver._arrived:
                    receiver.accepted.append(Received(headers["webhook-id"], json.loads(body), receiver.now()))
                    receiver._arrived.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.accepted) >= count, timeout)
            return list(self.accepted)

    def start(self) -> WebhookReceiver:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
