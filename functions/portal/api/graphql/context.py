"""What every resolver receives as `info.context`: who is asking, the services, per-request loaders."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from starlette.responses import Response
from strawberry.dataloader import DataLoader

from portal.bootstrap import Services
from portal.centers.model import Center
from portal.errors import NotAuthenticated, PortalError
from portal.identity.principal import Anonymous, App, Principal, principal_from_claims
from portal.observability import logger
from portal.procedures.model import Procedure
from portal.store.availability import engine_unavailable


@dataclass
class Loaders:
    """Per-request batching: a page of 50 dossiers loads its centers in one BatchGetItem."""

    centers: DataLoader[str, Center | None]
    procedure_details: DataLoader[str, Procedure | None]  # a page of search results: one BatchGetItem
    # codes whose details could not be read in this request (DynamoDB did not answer): a search still
    # answers from the shipped index, and says which procedures lack their details (Procedure.detailsUnavailable)
    details_unavailable: set[str] = field(default_factory=set)

    @classmethod
    def for_request(cls, services: Services) -> Loaders:
        unavailable: set[str] = set()

        async def load_centers(ids: list[str]) -> list[Center | None]:
            found = services.centers.get_many(ids)
            return [found.get(i) for i in ids]

        async def load_procedures(codes: list[str]) -> list[Procedure | None]:
            try:
                found = services.catalog.details_many(codes)
            except Exception as error:
                if not engine_unavailable(error):
                    raise
                logger.warning("procedure details unavailable: answered from the index", extra={"codes": len(codes)})
                unavailable.update(codes)
                return [None] * len(codes)
            return [found.get(c) for c in codes]

        return cls(
            centers=DataLoader(load_fn=load_centers),
            procedure_details=DataLoader(load_fn=load_procedures),
            details_unavailable=unavailable,
        )


@dataclass
class PortalContext:
    services: Services
    request_id: str
    authorization: str | None = None
    client_address: str | None = None  # for per-address rate limits (see api/http/client_address.py)
    response: Response | None = None  # strawberry's sub-response: status and headers of this answer
    query_cost: int = 0  # the operation's static cost (api/limits.py's QueryCost): what the rate limit weighs
    loaders: Loaders = field(init=False)
    _principal: Principal | None = field(init=False, default=None)
    _refusal: PortalError | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.loaders = Loaders.for_request(self.services)

    async def authenticate(self) -> None:
        """Verify the bearer token before resolvers run, in a worker thread: fetching the provider's JWKS
        must not block the event loop. A refusal is kept and raised by the first resolver that asks."""
        try:
            self._principal = await asyncio.to_thread(self._verify)
        except PortalError as refusal:
            self._refusal = refusal

    @property
    def principal(self) -> Principal:
        if self._refusal is not None:
            raise self._refusal
        if self._principal is None:  # a context made without authenticate() (e.g. in a unit test)
            self._principal = self._verify()
        return self._principal

    @property
    def known_principal(self) -> Principal | None:
        """Who is asking, or None when the token was refused: for counting requests, never for access."""
        return None if self._refusal is not None else self._principal

    def _verify(self) -> Principal:
        if not self.authorization:
            return Anonymous()
        scheme, _, token = self.authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotAuthenticated(
                "Tiêu đề Authorization phải là «Bearer <token>».", "The Authorization header must be 'Bearer <token>'."
            )
        if self.services.verifier is None:
            raise NotAuthenticated("Cổng chưa cấu hình hệ thống định danh.", "No identity provider is configured.")
        principal = principal_from_claims(self.services.verifier.verify(token.strip()))
        if isinstance(principal, App) and self.services.clients is not None:
            principal = self.services.clients.admit(principal, self.client_address)  # revoked, expired, address
        return principal
