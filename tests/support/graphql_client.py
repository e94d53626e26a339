"""Running the contract's named operations (graphql/operations/*.graphql) against the ASGI app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

OPERATIONS = Path(__file__).resolve().parents[2] / "graphql" / "operations"


def operation(name: str) -> str:
    return (OPERATIONS / f"{name}.graphql").read_text(encoding="utf-8")


@dataclass
class Response:
    status: int
    body: dict[str, Any]
    headers: dict[str, str]

    @property
    def data(self) -> dict[str, Any] | None:
        return self.body.get("data")

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.body.get("errors") or []

    @property
    def error_codes(self) -> list[str]:
        return [(e.get("extensions") or {}).get("code") for e in self.errors]

    def outcome(self, field: str) -> str:
        """A mutation's outcome: the top-level error code, else the `code` of its union error, else OK."""
        if self.errors:
            return self.error_codes[0]
        result = (self.data or {}).get(field)
        return (result.get("code") if isinstance(result, dict) else None) or "OK"


class GraphQLClient:
    def __init__(self, app: Any, address: str = "testclient") -> None:
        """`address` is the client's socket address as the app sees it (per-address rate limits)."""
        self._http = TestClient(app, raise_server_exceptions=False, client=(address, 50000))

    def query(self, document: str, variables: dict[str, Any] | None = None, token: str | None = None) -> Response:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        r = self._http.post("/graphql", json={"query": document, "variables": variables or {}}, headers=headers)
        return Response(r.status_code, r.json(), dict(r.headers))

    def post_graphql(self, body: dict[str, Any], token: str | None = None) -> Response:
        """Send `body` to /graphql as it is (e.g. an operation by its hash alone)."""
        headers = {"authorization": f"Bearer {token}"} if token else {}
        r = self._http.post("/graphql", json=body, headers=headers)
        return Response(r.status_code, r.json(), dict(r.headers))

    def run(self, name: str, variables: dict[str, Any] | None = None, token: str | None = None) -> Response:
        """Run the named operation from graphql/operations/<name>.graphql."""
        return self.query(operation(name), variables, token)

    def post(self, path: str, content: bytes, headers: dict[str, str] | None = None) -> Response:
        """A raw POST to another route of the app (e.g. the payment provider's notifications)."""
        r = self._http.post(path, content=content, headers=headers or {})
        return Response(r.status_code, r.json() if r.content else {}, dict(r.headers))
