"""The identity provider's JWKS endpoint over real HTTP. Tests publish and withdraw keys (rotation, ES256)
and read how often the portal fetched it."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class JwksEndpoint:
    def __init__(self, port: int, path: str, keys: list[dict[str, Any]]) -> None:
        self.path = path
        self._keys = list(keys)
        self._lock = threading.Lock()
        self.fetches = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                if self.path != endpoint.path:
                    self.send_error(404)
                    return
                body = json.dumps({"keys": endpoint.keys()}).encode()
                with endpoint._lock:
                    endpoint.fetches += 1
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def keys(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._keys)

    def publish(self, jwk: dict[str, Any]) -> None:
        with self._lock:
            self._keys.append(jwk)

    def withdraw(self, kid: str) -> None:
        with self._lock:
            self._keys = [k for k in self._keys if k.get("kid") != kid]

    def start(self) -> JwksEndpoint:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
