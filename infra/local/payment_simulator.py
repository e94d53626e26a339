"""The payment provider, simulated: `make dev` and the tests talk to it exactly as the portal talks to the
national payment platform (infra/local/stack.py starts it; portal.payments.gateway is the client).

- API (bearer key): create a payment, read it, cancel it, refund it, the day's settlement report.
- A page where the citizen approves or declines (GET /pay/<id>), then returns to the portal.
- Notifications signed with HMAC-SHA256 (`X-Signature: sha256=<hex>`) sent to the payment's notify URL,
  delivered per payment as told: normally (submitted, then success/failed), twice, out of order, late,
  never, or held in the outbox for a test to deliver itself.
- Controls for tests (/control/...): the delivery plan, the outbox, the clock, "provider down" (503 on
  the API) and a seeded difference in the settlement report.

A small starlette app served by uvicorn in a thread of the process that starts it.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from infra.local.ports import free_port

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


def _page(p: SimulatedPayment) -> str:
    amount = f"{p.amount:,}".replace(",", ".")
    open_ = p.state in {"started", "submitted"}
    buttons = (
        '<button name="decision" value="approve" id="approve">Xác nhận thanh toán</button>'
        '<button name="decision" value="decline" id="decline">Từ chối</button>'
        if open_
        else f"<p id='closed'>Giao dịch đã kết thúc: {html.escape(p.state)}</p>"
    )
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng thanh toán (mô phỏng)</title>
<style>body{{font-family:sans-serif;margin:1rem;max-width:28rem}}button{{display:block;width:100%;
padding:.9rem;margin:.5rem 0;font-size:1rem}}#approve{{background:#0b6e4f;color:#fff}}</style></head>
<body><h1>Cổng thanh toán (mô phỏng)</h1><p>Payment simulator: nothing real is charged.</p>
<dl><dt>Nội dung</dt><dd>{html.escape(p.description)}</dd><dt>Số tiền</dt><dd id="amount">{amount} VND</dd>
<dt>Mã giao dịch</dt><dd>{html.escape(p.payment_id)}</dd></dl>
<form method="post" action="/pay/{html.escape(p.payment_id)}">{buttons}</form></body></html>"""


def create_simulator_app(state: SimulatorState, base_url: str) -> Starlette:
    def authorized(request: Request) -> bool:
        return secrets.compare_digest(request.headers.get("authorization", ""), f"Bearer {state.api_key}")

    def api(handler):
        async def endpoint(request: Request) -> Response:
            if state.down:
                return JSONResponse({"error": "unavailable"}, status_code=503)
            if not authorized(request):
                return JSONResponse({"error": "unauthorized"}, status_code=401)
            return await handler(request)

        return endpoint

    def found(request: Request) -> SimulatedPayment | None:
        return state.payments.get(request.path_params["payment_id"])

    async def create(request: Request) -> Response:
        data = await request.json()
        with state.lock:
            existing = state.by_reference.get(data["reference"])
            if existing:  # the same reference is the same payment: a retried create never charges twice
                return JSONResponse(state.payments[existing].public(base_url), status_code=200)
            p = SimulatedPayment(
                payment_id="sim_" + secrets.token_hex(8),
                reference=str(data["reference"]),
                amount=int(data["amount"]),
                currency=str(data["currency"]),
                description=str(data.get("description", "")),
                return_url=str(data.get("return_url", "")),
                notify_url=str(data.get("notify_url", "")),
                metadata=dict(data.get("metadata") or {}),
                delivery=state.default_delivery,
            )
            state.payments[p.payment_id] = p
            state.by_reference[p.reference] = p.payment_id
        return JSONResponse(p.public(base_url), status_code=201)

    async def read(request: Request) -> Response:
        p = found(request)
        return JSONResponse(p.public(base_url)) if p else JSONResponse({"error": "not found"}, status_code=404)

    async def cancel(request: Request) -> Response:
        p = found(request)
        if p is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        with state.lock:
            if p.state in {"started", "submitted"}:
                p.state = "cancelled"
        return JSONResponse(p.public(base_url))

    async def refund(request: Request) -> Response:
        p = found(request)
        if p is None or p.state != "success":
            return JSONResponse({"error": "not refundable"}, status_code=409)
        data = await request.json()
        r = {"refund_id": "ref_" + secrets.token_hex(6), "amount": int(data["amount"]), "at": state.now().isoformat()}
        p.refunds.append(r)
        return JSONResponse(r, status_code=201)

    async def settlement(request: Request) -> Response:
        return JSONResponse({"lines": state.settlement(request.path_params["day"])})

    async def page(request: Request) -> Response:
        p = found(request)
        if p is None:
            return HTMLResponse("<p>Không tìm thấy giao dịch.</p>", status_code=404)
        if request.method == "GET":
            return HTMLResponse(_page(p))
        decision = (await request.form()).get("decision")
        with state.lock:
            if p.state not in {"started", "submitted"}:
                return HTMLResponse(_page(p), status_code=409)
            p.state = "success" if decision == "approve" else "failed"
            if p.state == "success":
                p.settled_at = state.now()
        state.notify(p, p.state)
        return RedirectResponse(p.return_url or "/", status_code=303)

    # --- controls for tests and benchmarks ---------------------------------------------------------------
    async def control_payment(request: Request) -> Response:
        p = state.payments.get(
            state.by_reference.get(request.path_params["payment_id"], request.path_params["payment_id"])
        )
        if p is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        if request.method == "GET":
            return JSONResponse(
                {**p.public(base_url), "outbox": p.outbox, "delivery": p.delivery, "notify_url": p.notify_url}
            )
        data = await request.json()
        if data.get("delivery") in DELIVERIES:
            p.delivery = data["delivery"]
        p.delay_seconds = float(data.get("delay_seconds", p.delay_seconds))
        if "amount" in data:  # the provider's record says another amount (tampering, or the provider's bug)
            p.amount = int(data["amount"])
        return JSONResponse({**p.public(base_url), "delivery": p.delivery})

    async def control(request: Request) -> Response:
        data = await request.json()
        if "down" in data:
            state.down = bool(data["down"])
        if data.get("delivery") in DELIVERIES:
            state.default_delivery = data["delivery"]
        if "now" in data:
            state.clock_offset = datetime.fromisoformat(data["now"]) - datetime.now(VIETNAM)
        if "settlement_adjustments" in data:
            state.settlement_adjustments = dict(data["settlement_adjustments"])
        if "extra_settlement" in data:
            state.extra_settlement = list(data["extra_settlement"])
        return JSONResponse(
            {
                "down": state.down,
                "delivery": state.default_delivery,
                "delivered": state.delivered,
                "failures": state.failures,
            }
        )

    async def health(_: Request) -> Response:
        return JSONResponse({"ok": True})

    return Starlette(
        routes=[
            Route("/health", health),
            Route("/v1/payments", api(create), methods=["POST"]),
            Route("/v1/payments/{payment_id}", api(read)),
            Route("/v1/payments/{payment_id}/cancel", api(cancel), methods=["POST"]),
            Route("/v1/payments/{payment_id}/refunds", api(refund), methods=["POST"]),
            Route("/v1/settlements/{day}", api(settlement)),
            Route("/pay/{payment_id}", page, methods=["GET", "POST"]),
            Route("/control", control, methods=["POST"]),
            Route("/control/payments/{payment_id}", control_payment, methods=["GET", "POST"]),
        ]
    )


def _keys(data_dir: Path | None) -> tuple[str, str]:
    """Made on first run under .local/ (make dev) or per process (tests); in AWS they live in SSM."""
    if data_dir is None:
        return secrets.token_urlsafe(24), secrets.token_urlsafe(32)
    path = data_dir / "keys.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"api_key": secrets.token_urlsafe(24), "webhook_secret": secrets.token_urlsafe(32)}))
        path.chmod(0o600)
    keys = json.loads(path.read_text())
    return keys["api_key"], keys["webhook_secret"]


class PaymentSimulator:
    """An engine of infra/local/stack.py: start, stop, healthy, environment."""

    name = "payment-simulator"

    def __init__(self, port: int | None = None, data_dir: Path | None = None) -> None:
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        api_key, webhook_secret = _keys(data_dir)
        self.state = SimulatorState(api_key, webhook_secret)
        self.notes: list[str] = []
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def environment(self) -> dict[str, str]:
        return {
            "PAYMENT_PROVIDER_URL": self.base_url,
            "PAYMENT_API_KEY": self.state.api_key,
            "PAYMENT_WEBHOOK_SECRET": self.state.webhook_secret.decode(),
        }

    def start(self, timeout: float = 60.0) -> PaymentSimulator:
        app = create_simulator_app(self.state, self.base_url)
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self._thread = threading.Thread(target=self._server.run, name=self.name, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError(f"{self.name} did not start on port {self.port}")
            time.sleep(0.02)
        self.notes = [f"{self.base_url}/pay/<id> approves or declines a payment (nothing real is charged)"]
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base_url}/health", timeout=2) as r:  # noqa: S310
                return r.status == 200
        except OSError:
            return False
