"""The token issuer of registered clients, where it is not the portal itself.

Locally the dev issuer mints client-credentials tokens from the registry's own hashed secrets. In AWS
the issuer is a Cognito user pool (template.yaml's AppClientsUserPool): each of a client's secrets is a
Cognito app client (client-credentials grant, a secret Cognito generates, the client's scopes), so a
token's `client_id` names the secret it was issued for. Rotation makes a second app client; the older
one is deleted when its overlap ends (portal.jobs: clients-housekeeping), revocation deletes them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from portal.identity.principal import Scope


@dataclass(frozen=True)
class IssuedCredential:
    credential_id: str  # the issuer's client id: what the tokens carry as `client_id`
    secret: str  # shown once, never stored in clear


class ClientIssuer(Protocol):
    def create(self, name: str, scopes: frozenset[Scope]) -> IssuedCredential: ...

    def delete(self, credential_id: str) -> None:
        """Forget a credential (no new token from it); one already gone is not an error."""
        ...
