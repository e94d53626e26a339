"""The identity provider's JWKS endpoint over real HTTP, for tests and benchmarks."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from infra.dev_issuer import DevIssuer
from infra.local_env import DEV_ISSUER_PATH


def serve_jwks(issuer: DevIssuer, port: int) -> ThreadingHTTPServer:
    """Serve issuer.jwks() at http://127.0.0.1:<port>/dev-issuer/jwks.json in a daemon thread."""
    body = json.dumps(issuer.jwks()).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            if self.path != f"{DEV_ISSUER_PATH}/jwks.json":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
