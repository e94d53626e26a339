"""The payment provider, simulated: `make dev` and the tests talk to it exactly as the portal talks to the
national payment platform (infra/local/stack.py starts it; portal.payments.gateway is the client).

- API (bearer key): create a payment, read it, cancel it, refund it, the day's settlement report.
- A page where the citizen approves or declines (GET /pay/<id>), then returns to the portal.
- Notifications signed with HMAC-SHA256 (`X-Signature: sha256=<hex>`) sent to the payment's notify URL,
  delivered per payment as told: normally (submitted, then success/failed), twice, out of order, late,
  never, or held in the outbox for a test to deliver itself.
- Controls for tests (/control/...): the delivery plan, the outbox, the clock, "provider down" (503 on
  the API) and a seeded difference in the settlement report.

A small starlette app served by uvicorn in a thread of the process that starts it. One concept a module:
`ledger` (the simulated payments, their notifications and the settlement report), `page` (where the
citizen approves or declines), `app` (the HTTP API, the page's routes, the controls), `engine` (the
engine of infra/local/stack.py).
"""

from infra.local.payment_simulator.engine import PaymentSimulator

__all__ = ["PaymentSimulator"]
