"""Paying a dossier's fee through the API and the local payment simulator, for tests and benchmarks."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any

from tests.support.journeys import submit

RESIDENCE = "1.004222"  # Đăng ký thường trú: 10.000 đồng online (catalog), due at filing
WARD = "hcc-01-00235"  # a ward of its own (other tests count KPIs of theirs); receives commune-level procedures


def residence_procedure():
    from tests.support.catalog import catalog_procedure

    return catalog_procedure(RESIDENCE)


class Simulator:
    """The payment simulator's controls (infra/local/payment_simulator.py), over HTTP."""

    def __init__(self, base_url: str | None = None) -> None:
        self.base_url = base_url or os.environ["PAYMENT_PROVIDER_URL"]

    def request(self, method: str, path: str, body: bytes | None = None, content_type: str = "application/json"):
        """(status, parsed JSON or text) of one request; redirects are not followed."""
        request = urllib.request.Request(
            f"{self.base_url}{path}", data=body, method=method, headers={"content-type": content_type}
        )
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=10) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def _json(self, method: str, path: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        status, body = self.request(method, path, json.dumps(data).encode() if data is not None else None)
        assert status < 400, (status, body)
        return body

    def control(self, **settings: Any) -> dict[str, Any]:
        return self._json("POST", "/control", settings)

    def payment(self, provider_id: str) -> dict[str, Any]:
        return self._json("GET", f"/control/payments/{provider_id}")

    def plan(self, provider_id: str, **settings: Any) -> dict[str, Any]:
        return self._json("POST", f"/control/payments/{provider_id}", settings)

    def decide(self, provider_id: str, decision: str = "approve") -> int:
        """What the citizen does on the provider's page; the simulator then notifies and redirects back."""
        body = urllib.parse.urlencode({"decision": decision}).encode()
        return self.request("POST", f"/pay/{provider_id}", body, "application/x-www-form-urlencoded")[0]

    def outbox(self, provider_id: str) -> list[dict[str, str]]:
        return self.payment(provider_id)["outbox"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def owing_dossier(api, token: str, center: str = WARD) -> dict:
    return submit(api, token, center, procedure=residence_procedure())


def start(api, token: str, code: str, key: str | None = None):
    return api.run("StartPayment", {"input": {"code": code, "idempotencyKey": key or uuid.uuid4().hex}}, token=token)


def started_payment(api, token: str, code: str, key: str | None = None) -> dict:
    r = start(api, token, code, key)
    assert r.errors == [], r.errors
    result = r.data["startPayment"]
    assert result["__typename"] == "PaymentStarted", result
    return result["payment"]


def provider_id(payment: dict) -> str:
    return payment["nextUrl"].rsplit("/", 1)[-1]


def check(api, token: str, code: str, payment_id: str) -> dict:
    r = api.run("CheckPayment", {"input": {"code": code, "paymentId": payment_id}}, token=token)
    assert r.errors == [], r.errors
    return r.data["checkPayment"]


def deliver(api, message: dict[str, str], signature: str | None = None):
    """Post a notification to the portal as the provider would (or with another signature)."""
    return api.post(
        "/payments/notify",
        message["body"].encode(),
        {"content-type": "application/json", "x-signature": signature or message["signature"]},
    )


def notification_body(message: dict[str, str], **changes: Any) -> bytes:
    return json.dumps({**json.loads(message["body"]), **changes}, separators=(",", ":")).encode()
