"""The payment simulator as an engine of infra/local/stack.py: its keys, its server thread, its health."""

from __future__ import annotations

import json
import secrets
import threading
import time
import urllib.request
from pathlib import Path

import uvicorn

from infra.local.payment_simulator.app import create_simulator_app
from infra.local.payment_simulator.ledger import SimulatorState
from infra.local.ports import free_port


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
