"""The simulator's HTTP face: the provider API (bearer key), the payment page's routes, and the controls
tests and benchmarks use (delivery plan, outbox, clock, provider down, settlement differences)."""

from __future__ import annotations

import secrets
from datetime import datetime

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from infra.local.payment_simulator.ledger import DELIVERIES, VIETNAM, SimulatedPayment, SimulatorState
from infra.local.payment_simulator.page import payment_page


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
            return HTMLResponse(payment_page(p))
        decision = (await request.form()).get("decision")
        with state.lock:
            if p.state not in {"started", "submitted"}:
                return HTMLResponse(payment_page(p), status_code=409)
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
