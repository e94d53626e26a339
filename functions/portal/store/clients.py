"""Registered clients in the Integrations table <-> portal.clients.model."""

from __future__ import annotations

from datetime import datetime

from pynamodb.exceptions import PutError

from portal.clients.model import Client, ClientLimits, ClientSecret, Narrowing
from portal.errors import Conflict
from portal.identity.principal import Scope
from portal.store.integration_items import CLIENT_PK, CREDENTIAL_PK, ClientItem, CredentialItem, NarrowingMap, SecretMap


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _client(item: ClientItem) -> Client:
    return Client(
        client_id=item.sk,
        name=item.name,
        contact_email=item.contact_email,
        scopes=frozenset(Scope(s) for s in item.scopes),
        created_at=datetime.fromisoformat(item.created_at),
        expires_at=datetime.fromisoformat(item.expires_at),
        secrets=tuple(
            ClientSecret(s.secret_id, s.digest, s.salt, datetime.fromisoformat(s.created_at), _time(s.retires_at))
            for s in item.secrets
        ),
        center_id=item.center_id,
        procedures=frozenset(item.procedures or ()),
        ip_allow_list=tuple(item.ip_allow_list or ()),
        limits=ClientLimits(int(item.per_minute), int(item.per_day)),
        revoked_at=_time(item.revoked_at),
        version=int(item.version),
        expiry_warned_days=None if item.expiry_warned_days is None else int(item.expiry_warned_days),
        narrowings=tuple(
            Narrowing(datetime.fromisoformat(n.at), frozenset(n.before), frozenset(n.after))
            for n in item.narrowings or ()
        ),
    )


def _item(c: Client) -> ClientItem:
    item = ClientItem(
        pk=CLIENT_PK,
        sk=c.client_id,
        name=c.name,
        contact_email=c.contact_email,
        scopes={s.value for s in c.scopes},
        created_at=c.created_at.isoformat(),
        expires_at=c.expires_at.isoformat(),
        secrets=[
            SecretMap(
                secret_id=s.secret_id,
                digest=s.digest,
                salt=s.salt,
                created_at=s.created_at.isoformat(),
                retires_at=s.retires_at.isoformat() if s.retires_at else None,
            )
            for s in c.secrets
        ],
        center_id=c.center_id,
        procedures=set(c.procedures) or None,
        ip_allow_list=list(c.ip_allow_list),
        per_minute=c.limits.per_minute,
        per_day=c.limits.per_day,
        revoked_at=c.revoked_at.isoformat() if c.revoked_at else None,
        expiry_warned_days=c.expiry_warned_days,
        narrowings=[
            NarrowingMap(at=n.at.isoformat(), before=sorted(n.before), after=sorted(n.after)) for n in c.narrowings
        ],
    )
    if c.version:
        item.version = c.version  # pynamodb checks it is still the stored one, and adds one
    return item


class ClientStore:
    def get(self, client_id: str) -> Client | None:
        try:
            return _client(ClientItem.get(CLIENT_PK, client_id, consistent_read=True))
        except ClientItem.DoesNotExist:
            return None

    def save(self, client: Client) -> Client:
        item = _item(client)
        try:
            item.save()
        except PutError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                raise Conflict(
                    "Ứng dụng vừa được người khác cập nhật.", "The client was changed by someone else meanwhile."
                ) from error
            raise
        return _client(item)

    def all(self) -> list[Client]:
        return [_client(item) for item in ClientItem.query(CLIENT_PK)]

    def link_credential(self, credential_id: str, client_id: str) -> None:
        CredentialItem(pk=CREDENTIAL_PK, sk=credential_id, client_id=client_id).save()

    def credential_owner(self, credential_id: str) -> str | None:
        try:
            return CredentialItem.get(CREDENTIAL_PK, credential_id).client_id
        except CredentialItem.DoesNotExist:
            return None
