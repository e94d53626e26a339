"""The Integrations table: third-party clients, their webhook subscriptions and deliveries.

    pk = "CLIENT"                           sk = <client id>                   a registered client
    pk = "SUBSCRIPTIONS#<center|applicant>#<id>"  sk = <subscription id>      whose dossiers it follows
    pk = "DELIVERIES#<subscription id>"     sk = "LOG#<created>#<code>#<seq>"  the delivery log (TTL 7 days)
    pk = "DELIVERIES#<subscription id>"     sk = "EVENT#<code>#<seq>"          one event -> one delivery
    pk = "QUEUE"                            sk = "<due epoch>#<delivery>"      the local worker's queue
    pk = "CLIENT_CREDENTIAL"                sk = <issuer client id>            a rotated Cognito credential's client

Clients are few (one partition, read in one Query); a dossier event finds its subscriptions with one
Query per audience (its center's, its applicant's).
"""

from __future__ import annotations

from pynamodb.attributes import (
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    VersionAttribute,
)

from portal.config import settings
from portal.store import keys
from portal.store.tables import PortalModel, table_meta

CLIENT_PK = keys.CLIENT.pk_prefix
CREDENTIAL_PK = keys.CLIENT_CREDENTIAL.pk_prefix


class SecretMap(MapAttribute):
    secret_id = UnicodeAttribute()
    digest = UnicodeAttribute()
    salt = UnicodeAttribute()
    created_at = UnicodeAttribute()
    retires_at = UnicodeAttribute(null=True)


class NarrowingMap(MapAttribute):
    at = UnicodeAttribute()
    before = ListAttribute(default=list)
    after = ListAttribute(default=list)


class ClientItem(PortalModel):
    Meta = table_meta(settings().tables.integrations)

    pk = UnicodeAttribute(hash_key=True, default=CLIENT_PK)
    sk = UnicodeAttribute(range_key=True)  # client id
    name = UnicodeAttribute()
    contact_email = UnicodeAttribute()
    scopes = UnicodeSetAttribute()
    created_at = UnicodeAttribute()
    expires_at = UnicodeAttribute()
    secrets = ListAttribute(of=SecretMap, default=list)
    center_id = UnicodeAttribute(null=True)
    procedures = UnicodeSetAttribute(null=True)
    ip_allow_list = ListAttribute(default=list)
    per_minute = NumberAttribute()
    per_day = NumberAttribute()
    revoked_at = UnicodeAttribute(null=True)
    version = VersionAttribute()
    expiry_warned_days = NumberAttribute(null=True)
    narrowings = ListAttribute(of=NarrowingMap, default=list)


class CredentialItem(PortalModel):
    """A client's rotated credential at the external issuer (Cognito app client id) -> the client."""

    Meta = table_meta(settings().tables.integrations)

    pk = UnicodeAttribute(hash_key=True, default=CREDENTIAL_PK)
    sk = UnicodeAttribute(range_key=True)  # the issuer's client id
    client_id = UnicodeAttribute()


class SubscriptionItem(PortalModel):
    Meta = table_meta(settings().tables.integrations)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    client_id = UnicodeAttribute()
    url = UnicodeAttribute()
    events = UnicodeSetAttribute()
    created_at = UnicodeAttribute()
    procedures = UnicodeSetAttribute(null=True)
    failing_since = UnicodeAttribute(null=True)
    disabled_at = UnicodeAttribute(null=True)
    contact_email = UnicodeAttribute(default="")


class AttemptMap(MapAttribute):
    at = UnicodeAttribute()
    status = NumberAttribute()  # HTTP status; 0 when there was no answer
    error = UnicodeAttribute(default="")
    duration_ms = NumberAttribute(default=0)


class DeliveryItem(PortalModel):
    Meta = table_meta(settings().tables.integrations)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    delivery_id = UnicodeAttribute()
    subscription_id = UnicodeAttribute()
    audience = UnicodeAttribute()  # "<center|applicant>#<id>": where its subscription is
    event_type = UnicodeAttribute()
    code = UnicodeAttribute()
    seq = NumberAttribute()
    payload = UnicodeAttribute()  # the exact JSON body sent (signed as is)
    created_at = UnicodeAttribute()
    state = UnicodeAttribute()
    attempts = ListAttribute(of=AttemptMap, default=list)
    next_attempt_at = UnicodeAttribute(null=True)
    expires_at = TTLAttribute()


class DeliveryMarkerItem(PortalModel):
    Meta = table_meta(settings().tables.integrations)

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    log_sk = UnicodeAttribute()
    expires_at = TTLAttribute()


class QueueItem(PortalModel):
    Meta = table_meta(settings().tables.integrations)

    pk = UnicodeAttribute(hash_key=True, default=keys.LOCAL_QUEUE.pk_prefix)
    sk = UnicodeAttribute(range_key=True)
    delivery_pk = UnicodeAttribute()
    delivery_sk = UnicodeAttribute()
    expires_at = TTLAttribute()
