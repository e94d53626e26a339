"""Third-party apps in tests: register a client as an admin, get tokens from the local issuer's token
endpoint (OAuth 2 client credentials over HTTP), call the API with them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.testclient import TestClient

from tests.support.graphql_client import GraphQLClient

BEN_THANH = "hcc-79-26743"


@dataclass
class Registered:
    client_id: str
    secret: str
    client: dict[str, Any]


class Apps:
    """The local server's app (API + dev issuer) seen from one client address."""

    def __init__(self, app: Any, people: Any, address: str = "198.51.100.20") -> None:
        self.api = GraphQLClient(app, address=address)
        self._http = TestClient(app, raise_server_exceptions=False, client=(address, 50000))
        self._people = people

    def register(self, **overrides: Any) -> Registered:
        values = {
            "name": "Hệ thống một cửa mẫu (mẫu)",
            "contactEmail": "tich-hop@example.vn",
            "scopes": ["center:dossiers"],
            "centerId": BEN_THANH,
            "expiresAt": "2027-03-01T00:00:00+07:00",
            **overrides,
        }
        r = self.api.run("RegisterClient", {"input": values}, token=self._people.admin())
        result = r.data["registerClient"]
        assert result["__typename"] == "ClientRegistered", r.body
        return Registered(result["client"]["clientId"], result["clientSecret"], result["client"])

    def token_response(self, client_id: str, secret: str, scope: str = ""):
        form = {"grant_type": "client_credentials", "scope": scope}
        return self._http.post("/dev-issuer/token", data=form, auth=(client_id, secret))

    def token(self, client_id: str, secret: str, scope: str = "") -> str:
        r = self.token_response(client_id, secret, scope)
        assert r.status_code == 200, r.text
        return r.json()["access_token"]
