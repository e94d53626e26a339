"""The apps' issuer in AWS: a Cognito user pool (moto: Cognito has no local engine). Registering a client
makes a Cognito app client (client credentials, generated secret, the registered scopes); the API takes
that pool's access tokens (no `aud`, scopes `<resource server>/<scope>`), really signed and fetched from a
real JWKS endpoint; rotation makes a second app client whose overlap ends by the housekeeping job, and
revocation deletes them all."""

from __future__ import annotations

import time
import uuid
from dataclasses import replace
from datetime import timedelta

import pytest

from tests.support.apps import BEN_THANH, Apps
from tests.support.signing import SigningKey

REGION = "ap-southeast-1"
POOL_ISSUER = "https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_apps"  # what the token says


@pytest.fixture
def cognito():
    from moto import mock_aws

    with mock_aws(config={"core": {"passthrough": {"urls": [r"http://127\.0\.0\.1.*"]}}}):
        import boto3

        client = boto3.client("cognito-idp", region_name=REGION)
        pool = client.create_user_pool(PoolName="portal-apps")["UserPool"]["Id"]
        client.create_resource_server(
            UserPoolId=pool,
            Identifier="portal",
            Name="portal",
            Scopes=[{"ScopeName": s, "ScopeDescription": s} for s in ("public:read", "center:dossiers")],
        )
        yield client, pool


@pytest.fixture
def pool_key(jwks_server):
    key = SigningKey.generate()
    jwks_server.publish(key.public_jwk())
    yield key
    jwks_server.withdraw(key.kid)


@pytest.fixture
def apps(cognito, services, issuer, people):
    from infra.local_server import create_local_app
    from portal.clients.cognito import CognitoClientIssuer
    from portal.clients.service import ClientRegistry
    from portal.config import settings
    from portal.identity.client_tokens import ClientTokenVerifier, IssuerRouter
    from portal.store.clients import ClientStore

    _, pool = cognito
    config = settings()
    router = IssuerRouter(
        {
            config.oidc_issuer: services.verifier,
            POOL_ISSUER: ClientTokenVerifier(POOL_ISSUER, config.oidc_jwks_url, "portal"),
        }
    )
    registry = ClientRegistry(
        ClientStore(), services.clock, cache_seconds=0, issuer=CognitoClientIssuer(pool, "portal", REGION)
    )
    services = replace(services, clients=registry, verifier=router)
    return Apps(create_local_app(issuer, services=services, static_dir=None), people), services


def pool_token(key: SigningKey, client_id: str, scope: str, **overrides) -> str:
    """An access token as Cognito's /oauth2/token gives for the client-credentials grant."""
    now = int(time.time())
    claims = {
        "sub": client_id,
        "client_id": client_id,
        "token_use": "access",
        "scope": scope,
        "auth_time": now,
        "iss": POOL_ISSUER,
        "exp": now + 3600,
        "iat": now,
        "version": 2,
        "jti": uuid.uuid4().hex,
        **overrides,
    }
    return key.sign(claims)


def app_client(cognito, client_id: str) -> dict:
    client, pool = cognito
    return client.describe_user_pool_client(UserPoolId=pool, ClientId=client_id)["UserPoolClient"]


def app_client_ids(cognito) -> set[str]:
    client, pool = cognito
    return {c["ClientId"] for c in client.list_user_pool_clients(UserPoolId=pool, MaxResults=60)["UserPoolClients"]}


def test_registering_makes_a_cognito_app_client_for_client_credentials_with_the_scopes(apps, cognito):
    portal, _ = apps
    app = portal.register()
    made = app_client(cognito, app.client_id)
    assert made["AllowedOAuthFlows"] == ["client_credentials"] and made["AllowedOAuthFlowsUserPoolClient"]
    assert made["AllowedOAuthScopes"] == ["portal/center:dossiers"]
    assert made["ClientSecret"] == app.secret  # shown once, by the portal, as Cognito made it
    assert made["ClientName"] == "Hệ thống một cửa mẫu (mẫu)"


def test_a_pool_token_reaches_what_the_registration_grants(apps, pool_key):
    portal, _ = apps
    app = portal.register(scopes=["public:read"], centerId=None)
    token = pool_token(pool_key, app.client_id, "portal/public:read portal/center:dossiers")
    viewer = portal.api.run("ViewerClient", token=token)
    assert viewer.errors == [], viewer.body
    assert viewer.data["viewerClient"]["clientId"] == app.client_id
    assert viewer.data["viewerClient"]["scopes"] == ["public:read"]  # center:dossiers was never granted


def test_a_pool_token_that_is_not_an_access_token_or_names_no_registered_client_is_refused(apps, pool_key):
    portal, _ = apps
    app = portal.register(scopes=["public:read"], centerId=None)
    id_token = pool_token(pool_key, app.client_id, "portal/public:read", token_use="id")
    assert portal.api.run("ViewerClient", token=id_token).error_codes == ["UNAUTHENTICATED"]
    stranger = pool_token(pool_key, "unregistered-client", "portal/public:read")
    assert portal.api.run("ViewerClient", token=stranger).error_codes == ["UNAUTHENTICATED"]
    other_issuer = pool_token(pool_key, app.client_id, "portal/public:read", iss=POOL_ISSUER + "x")
    assert portal.api.run("ViewerClient", token=other_issuer).error_codes == ["UNAUTHENTICATED"]


def test_rotation_makes_a_second_app_client_whose_predecessor_stops_after_the_overlap(apps, cognito, pool_key, people):
    portal, services = apps
    app = portal.register(scopes=["public:read"], centerId=None)
    r = portal.api.run(
        "RotateClientSecret", {"input": {"clientId": app.client_id, "overlapHours": 2}}, token=people.admin()
    )
    rotated = r.data["rotateClientSecret"]
    new_id = next(s["secretId"] for s in rotated["client"]["secrets"] if s["secretId"] != app.client_id)
    assert app_client(cognito, new_id)["ClientSecret"] == rotated["clientSecret"]
    assert app_client_ids(cognito) == {app.client_id, new_id}
    old_token = pool_token(pool_key, app.client_id, "portal/public:read")
    new_token = pool_token(pool_key, new_id, "portal/public:read")
    for token in (old_token, new_token):  # both, during the overlap; the new one is the same client
        assert portal.api.run("ViewerClient", token=token).data["viewerClient"]["clientId"] == app.client_id

    services.clock.advance(timedelta(hours=2, seconds=1))
    assert portal.api.run("ViewerClient", token=old_token).error_codes == ["UNAUTHENTICATED"]
    # at least this client's old secret (another test's client may also be past its overlap by now)
    assert services.clients.retire_secrets() >= 1
    assert app_client_ids(cognito) == {new_id}  # Cognito issues no more tokens for the old secret
    assert portal.api.run("ViewerClient", token=new_token).errors == []


def test_revocation_deletes_every_app_client_of_the_client(apps, cognito, pool_key, people):
    portal, _ = apps
    app = portal.register()
    other = portal.register(name="Ứng dụng khác (mẫu)", centerId=BEN_THANH)
    portal.api.run(
        "RotateClientSecret", {"input": {"clientId": app.client_id, "overlapHours": 1}}, token=people.admin()
    )
    r = portal.api.run("RevokeClient", {"input": {"clientId": app.client_id}}, token=people.admin())
    assert r.data["revokeClient"]["client"]["revokedAt"]
    assert app_client_ids(cognito) == {other.client_id}
    token = pool_token(pool_key, app.client_id, "portal/center:dossiers")
    assert portal.api.run("ViewerClient", token=token).error_codes == ["UNAUTHENTICATED"]
