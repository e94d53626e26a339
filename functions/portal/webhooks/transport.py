"""Sending one delivery: a POST to the pinned address (TLS checked against the URL's host name), no
redirect followed (a 3xx is a failure), a short timeout. Standard library only (http.client, ssl)."""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass

from portal.webhooks.address_guard import Target

TIMEOUT_SECONDS = 10
MAX_RESPONSE_BYTES = 4096  # what is read of the answer (it is not kept)
USER_AGENT = "CongDichVuCong-Webhooks/1"


@dataclass(frozen=True)
class Outcome:
    status: int  # 0: no answer
    error: str
    duration_ms: int


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the pinned address, verifies the certificate for the URL's host."""

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=ssl.create_default_context())
        self._address = target.address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def post(target: Target, body: str, headers: dict[str, str], timeout: float = TIMEOUT_SECONDS) -> Outcome:
    started = time.perf_counter()
    connection = (_PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection)(target, timeout)
    try:
        connection.request(
            "POST",
            target.path,
            body=body.encode(),
            headers={**headers, "content-type": "application/json", "user-agent": USER_AGENT},
        )
        response = connection.getresponse()
        response.read(MAX_RESPONSE_BYTES)
        status = response.status
        error = "" if 200 <= status < 300 else f"HTTP {status}"
        if 300 <= status < 400:
            error += " (redirects are not followed)"
    except (OSError, http.client.HTTPException) as failure:
        status, error = 0, type(failure).__name__
    finally:
        connection.close()
    return Outcome(status, error, int((time.perf_counter() - started) * 1000))
