"""The client registry: admins register, rotate and revoke clients; the token endpoint authenticates
them; every request of a registered client is admitted (or not) against its registration.

Revocation takes effect within REGISTRY_CACHE_SECONDS: each container keeps what it read of a client
that long, so a busy client costs one GetItem a minute, not one per request.
"""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Protocol

from portal.clients import credentials
from portal.clients.issuer import ClientIssuer
from portal.clients.model import Client, ClientLimits, ClientSecret, Narrowing, Registration
from portal.clients.rules import MAX_PROCEDURES, check_in_service, check_registration, procedures_valid, refused
from portal.clock import Clock
from portal.errors import InvalidInput, NotFound
from portal.identity.access import require_admin, require_app
from portal.identity.principal import App, Principal

REGISTRY_CACHE_SECONDS = 60
MAX_OVERLAP = timedelta(days=30)
MAX_CLIENT_ID = 64


class ClientRepository(Protocol):
    def get(self, client_id: str) -> Client | None: ...
    def save(self, client: Client) -> Client:
        """Write `client` if nobody saved it since it was read (its version); return it with the new version."""
        ...

    def all(self) -> list[Client]: ...

    def link_credential(self, credential_id: str, client_id: str) -> None:
        """Remember that tokens naming `credential_id` (a rotated issuer secret) are `client_id`'s."""
        ...

    def credential_owner(self, credential_id: str) -> str | None: ...


def _not_found(client_id: str) -> NotFound:
    return NotFound(f"Không tìm thấy ứng dụng {client_id}.", f"Client {client_id} was not found.")


class ClientRegistry:
    def __init__(
        self,
        store: ClientRepository,
        clock: Clock,
        cache_seconds: float = REGISTRY_CACHE_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
        issuer: ClientIssuer | None = None,
    ) -> None:
        self._issuer = issuer  # None: the portal's own (dev) issuer checks the hashed secrets
        self._monotonic = monotonic
        self._store = store
        self._clock = clock
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, Client | None]] = {}
        self._lock = threading.Lock()

    @property
    def issuer(self) -> ClientIssuer | None:
        return self._issuer

    @property
    def records(self) -> ClientRepository:
        return self._store

    def _new_secret(self, name: str, scopes: frozenset) -> tuple[ClientSecret, str]:
        """A secret of the portal's own issuer, or a new credential of the external one (its id is then
        the `client_id` its tokens carry)."""
        if self._issuer is None:
            secret_id = credentials.new_secret_id()
            plain = credentials.new_secret(secret_id)
        else:
            issued = self._issuer.create(name, scopes)
            secret_id, plain = issued.credential_id, issued.secret
        salt = credentials.new_salt()
        return ClientSecret(secret_id, credentials.digest(plain, salt), salt, self._clock.now()), plain

    def register(self, principal: Principal, registration: Registration) -> tuple[Client, str]:
        """A new client and its first secret (the only time the secret is shown)."""
        require_admin(principal)
        now = self._clock.now()
        scopes = check_registration(registration, now)
        secret, plain = self._new_secret(registration.name.strip(), scopes)
        client = Client(
            client_id=f"app-{uuid.uuid4().hex[:16]}" if self._issuer is None else secret.secret_id,
            name=registration.name.strip(),
            contact_email=registration.contact_email,
            scopes=scopes,
            created_at=now,
            expires_at=registration.expires_at,
            secrets=(secret,),
            center_id=registration.center_id,
            procedures=frozenset(registration.procedures),
            ip_allow_list=tuple(registration.ip_allow_list),
            limits=ClientLimits(registration.per_minute, registration.per_day),
        )
        return self._store.save(client), plain

    def rotate_secret(self, principal: Principal, client_id: str, overlap: timedelta) -> tuple[Client, str]:
        """A new secret; the newest previous one keeps working for `overlap`, any older one stops now."""
        require_admin(principal)
        if not timedelta(0) <= overlap <= MAX_OVERLAP:
            raise InvalidInput.for_field(
                "overlapHours", "Thời gian chuyển tiếp tối đa 30 ngày.", "The overlap is at most 30 days."
            )
        client = self._existing(client_id)
        now = self._clock.now()
        current = max((s for s in client.secrets if s.in_force(now)), key=lambda s: s.created_at, default=None)
        kept = () if current is None else (dataclasses.replace(current, retires_at=now + overlap),)
        secret, plain = self._new_secret(client.name, client.scopes)
        if self._issuer is not None:
            self._store.link_credential(secret.secret_id, client.client_id)
        saved = self._store.save(dataclasses.replace(client, secrets=(*kept, secret)))
        self._delete_credentials(s for s in client.secrets if current is None or s.secret_id != current.secret_id)
        self._forget(client_id)
        return saved, plain

    def revoke(self, principal: Principal, client_id: str) -> Client:
        require_admin(principal)
        client = self._existing(client_id)
        saved = self._store.save(dataclasses.replace(client, revoked_at=client.revoked_at or self._clock.now()))
        self._delete_credentials(client.secrets)
        self._forget(client_id)
        return saved

    def set_procedures(self, principal: Principal, client_id: str, procedures: tuple[str, ...]) -> Client:
        """Change the procedures a client reaches (empty: every one its scopes reach). Dossiers it no longer
        reaches are listed by dossierRemovals from now on."""
        require_admin(principal)
        if not procedures_valid(procedures):
            raise InvalidInput.for_field(
                "procedures",
                f"Tối đa {MAX_PROCEDURES} mã thủ tục hợp lệ.",
                f"At most {MAX_PROCEDURES} valid procedure codes.",
            )
        client = self._existing(client_id)
        after = frozenset(procedures)
        narrowing = Narrowing(self._clock.now(), client.procedures, after)
        narrowed = after and (not client.procedures or client.procedures - after)
        changes = {
            "procedures": after,
            "narrowings": (*client.narrowings, narrowing) if narrowed else client.narrowings,
        }
        saved = self._store.save(dataclasses.replace(client, **changes))
        self._forget(client_id)
        return saved

    def retire_secrets(self) -> int:
        """Drop the secrets whose overlap has ended (and their issuer credentials): how many went."""
        now = self._clock.now()
        retired = 0
        for client in self._store.all():
            ended = [s for s in client.secrets if not s.in_force(now)]
            if ended:
                kept = tuple(s for s in client.secrets if s.in_force(now))
                self._store.save(dataclasses.replace(client, secrets=kept))
                self._delete_credentials(ended)
                self._forget(client.client_id)
                retired += len(ended)
        return retired

    def _delete_credentials(self, secrets) -> None:
        if self._issuer is not None:
            for secret in secrets:
                self._issuer.delete(secret.secret_id)

    def clients(self, principal: Principal) -> list[Client]:
        require_admin(principal)
        return sorted(self._store.all(), key=lambda c: c.created_at, reverse=True)

    def authenticate(self, client_id: str, secret: str, address: str | None) -> Client:
        """The client whose secret this is (OAuth 2 client credentials), if it may call the portal now."""
        if not 1 <= len(client_id) <= MAX_CLIENT_ID:
            raise refused()
        client = check_in_service(self._store.get(client_id), self._clock.now(), address)
        wanted = credentials.secret_id_of(secret)
        now = self._clock.now()
        for candidate in client.secrets:
            usable = candidate.secret_id == wanted and candidate.in_force(now)
            if usable and credentials.matches(secret, candidate.salt, candidate.digest):
                return client
        raise refused()

    def lookup(self, client_id: str) -> Client | None:
        """The client as this container last read it (at most REGISTRY_CACHE_SECONDS ago)."""
        with self._lock:
            entry = self._cache.get(client_id)
        if entry is not None and self._monotonic() - entry[0] < self._cache_seconds:
            return entry[1]
        client = self._store.get(client_id)
        if client is None and self._issuer is not None:  # a token of a rotated credential
            owner = self._store.credential_owner(client_id)
            client = self._store.get(owner) if owner else None
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[client_id] = (self._monotonic(), client)
        return client

    def admit(self, app: App, address: str | None) -> App:
        """A request of `app` with a token of the client-credentials issuer: bound by its registration
        (scopes narrowed to those granted, its center and procedures), refused when unknown, revoked,
        expired or from another address. Other app tokens (a citizen's delegation through the national
        identity provider) carry no such claim and are served as before."""
        if not app.registered:
            return app
        now = self._clock.now()
        client = check_in_service(self.lookup(app.client_id), now, address)
        if self._issuer is not None:  # the token names the credential it was issued for: still in force?
            credential = next((s for s in client.secrets if s.secret_id == app.client_id), None)
            if credential is None or not credential.in_force(now):
                raise refused()
        return dataclasses.replace(
            app,
            client_id=client.client_id,
            scopes=app.scopes & client.scopes,
            registered=True,
            center_id=client.center_id,
            procedures=client.procedures,
        )

    def viewer(self, principal: Principal) -> Client:
        """The calling app's own registration (an app only)."""
        app = require_app(principal)
        client = self.lookup(app.client_id) if app.registered else None
        if client is None:
            raise _not_found(app.client_id)
        return client

    def _existing(self, client_id: str) -> Client:
        if not 1 <= len(client_id) <= MAX_CLIENT_ID:
            raise InvalidInput.for_field("clientId", "Mã ứng dụng không hợp lệ.", "The client id is not valid.")
        client = self._store.get(client_id)
        if client is None:
            raise _not_found(client_id)
        return client

    def _forget(self, client_id: str) -> None:
        with self._lock:
            self._cache.pop(client_id, None)
