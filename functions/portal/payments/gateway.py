"""The one payment adapter: the provider's HTTP API (the national payment platform's shape: create a
payment and get the page to send the citizen to, read its status, cancel, refund, the day's settlement
report). Locally the same client talks to infra/local/payment_simulator.py. Standard library only, so
urllib loads with the first call to the provider, off the cold start."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from portal.errors import EngineUnavailable
from portal.payments.model import CURRENCY, PaymentState
from portal.payments.reconciliation import Kind, SettlementLine
from portal.payments.repository import ProviderPayment

TIMEOUT_SECONDS = 5


class ProviderRefused(Exception):
    """The provider answered 4xx: the request itself is wrong (a bug or a misconfiguration, not an outage)."""


def _unavailable() -> EngineUnavailable:
    return EngineUnavailable(
        "Cổng thanh toán tạm thời không phản hồi. Vui lòng thử lại sau ít phút; bạn chưa bị trừ tiền.",
        "The payment provider is not answering. Please try again in a few minutes; nothing was charged.",
    )


class HttpPaymentProvider:
    def __init__(self, base_url: str, api_key: Callable[[], str]) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key  # read when needed: in AWS it comes from SSM (cached by powertools)

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        import urllib.error  # with the first payment call, not on the cold start of every request
        import urllib.request

        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 - the configured provider's https URL (http locally)
            f"{self.base_url}{path}",
            data=data,
            method=method,
            headers={"authorization": f"Bearer {self.api_key()}", "content-type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            if error.code >= 500:
                raise _unavailable() from error
            raise ProviderRefused(f"{method} {path}: {error.code}") from error
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise _unavailable() from error

    @staticmethod
    def _payment(data: dict[str, Any]) -> ProviderPayment:
        return ProviderPayment(
            provider_id=str(data["payment_id"]),
            reference=str(data["reference"]),
            amount_vnd=int(data["amount"]),
            currency=str(data["currency"]),
            state=PaymentState(data["state"]),
            next_url=str(data.get("next_url") or ""),
        )

    def create(
        self, reference: str, amount_vnd: int, description: str, return_url: str, notify_url: str, dossier_code: str
    ) -> ProviderPayment:
        body = {
            "reference": reference,
            "amount": amount_vnd,
            "currency": CURRENCY,
            "description": description,
            "return_url": return_url,
            "notify_url": notify_url,
            "metadata": {"dossier_code": dossier_code},
        }
        return self._payment(self._call("POST", "/v1/payments", body))

    def status(self, provider_id: str) -> ProviderPayment:
        return self._payment(self._call("GET", f"/v1/payments/{provider_id}"))

    def cancel(self, provider_id: str) -> ProviderPayment:
        return self._payment(self._call("POST", f"/v1/payments/{provider_id}/cancel", {}))

    def refund(self, provider_id: str, amount_vnd: int) -> str:
        return str(self._call("POST", f"/v1/payments/{provider_id}/refunds", {"amount": amount_vnd})["refund_id"])

    def settlement(self, day: date) -> list[SettlementLine]:
        data = self._call("GET", f"/v1/settlements/{day.isoformat()}")
        return [
            SettlementLine(
                str(x["reference"]), str(x["payment_id"]), Kind(x["kind"]), int(x["amount"]), str(x["state"])
            )
            for x in data["lines"]
        ]
