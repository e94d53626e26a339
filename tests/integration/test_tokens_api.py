"""Bearer tokens, really signed, through the API: what verifies and what is refused (UNAUTHENTICATED).

The keys are served by a real JWKS endpoint over HTTP (tests/conftest.py); the portal fetches it with
PyJWKClient exactly as it fetches the national identity provider's.
"""

import time
import uuid
from dataclasses import replace

import pytest

from infra.dev_issuer import SAMPLE_CITIZEN
from portal.identity.tokens import IssuerConfig, TokenVerifier
from tests.support.graphql_client import GraphQLClient
from tests.support.signing import SigningKey, claims, hmac_signed, public_pem, unsigned


def ask(api, token):
    """A signed-in citizen's query: it only answers when the token verifies."""
    return api.run("MyDossiers", {"first": 1}, token=token)


def assert_accepted(api, token):
    r = ask(api, token)
    assert r.errors == [], r.errors
    assert r.data["myDossiers"]["edges"] is not None


def assert_refused(api, token):
    r = ask(api, token)
    assert r.data is None and r.error_codes == ["UNAUTHENTICATED"], r.body
    return r.errors[0]


@pytest.fixture
def citizen_claims(issuer):
    def make(**overrides):
        return claims(issuer.issuer, **{**SAMPLE_CITIZEN, **overrides})

    return make


@pytest.fixture
def published(jwks_server):
    """Publish keys on the provider's JWKS for one test."""
    added = []

    def publish(key: SigningKey) -> SigningKey:
        jwks_server.publish(key.public_jwk())
        added.append(key.kid)
        return key

    yield publish
    for kid in added:
        jwks_server.withdraw(kid)


def client_with_verifier(services, **verifier_options) -> GraphQLClient:
    """A fresh app whose verifier starts with an empty JWKS cache."""
    from portal.api.http.app import create_app
    from portal.config import settings

    config = settings()
    verifier = TokenVerifier(
        IssuerConfig(config.oidc_issuer, config.oidc_audience, config.oidc_jwks_url), **verifier_options
    )
    return GraphQLClient(create_app(services=replace(services, verifier=verifier)))


def test_a_token_signed_by_the_provider_is_accepted(api, issuer, citizen_claims):
    assert_accepted(api, issuer.sign(citizen_claims()))


def test_an_expired_token_is_refused_and_says_so(api, issuer, citizen_claims):
    now = int(time.time())
    error = assert_refused(api, issuer.sign(citizen_claims(iat=now - 3600, nbf=now - 3600, exp=now - 120)))
    assert error["extensions"]["messageEn"] == "Your session has expired. Please sign in again."


def test_a_token_expired_within_the_clock_skew_is_still_accepted(api, issuer, citizen_claims):
    now = int(time.time())
    assert_accepted(api, issuer.sign(citizen_claims(iat=now - 3600, nbf=now - 3600, exp=now - 10)))


def test_a_token_not_yet_valid_is_refused(api, issuer, citizen_claims):
    now = int(time.time())
    assert_refused(api, issuer.sign(citizen_claims(nbf=now + 120)))


def test_a_token_valid_from_a_few_seconds_ahead_is_accepted_within_the_skew(api, issuer, citizen_claims):
    assert_accepted(api, issuer.sign(citizen_claims(nbf=int(time.time()) + 10)))


def test_a_token_issued_in_the_future_is_refused(api, issuer, citizen_claims):
    now = int(time.time())
    assert_refused(api, issuer.sign(citizen_claims(iat=now + 600, nbf=now, exp=now + 3600)))


def test_a_token_for_another_audience_is_refused(api, issuer, citizen_claims):
    assert_refused(api, issuer.sign(citizen_claims(aud="another-service")))


def test_a_token_from_another_issuer_is_refused(api, issuer, citizen_claims):
    assert_refused(api, issuer.sign(citizen_claims(iss="https://evil.example/")))


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
def test_an_unsigned_token_alg_none_is_refused(api, issuer, citizen_claims, alg):
    assert_refused(api, unsigned(citizen_claims(), kid=issuer.kid, alg=alg))


def test_hs256_signed_with_the_providers_public_key_is_refused(api, issuer, citizen_claims):
    """The algorithm-confusion attack: the public key (from the JWKS) used as an HMAC secret."""
    jwk = issuer.jwks()["keys"][0]
    assert_refused(api, hmac_signed(citizen_claims(), public_pem(jwk), kid=issuer.kid))
    assert_refused(api, hmac_signed(citizen_claims(), jwk["n"].encode(), kid=issuer.kid))


def test_a_token_with_an_unknown_kid_is_refused(api, citizen_claims):
    stranger = SigningKey.generate()
    assert_refused(api, stranger.sign(citizen_claims()))


def test_a_token_without_a_kid_is_refused(api, issuer, citizen_claims):
    import jwt

    token = issuer.sign(citizen_claims())
    header, payload, signature = token.split(".")
    bare = jwt.api_jws.base64url_encode(b'{"alg":"RS256","typ":"JWT"}').decode()
    assert_refused(api, f"{bare}.{payload}.{signature}")


def test_a_token_signed_by_an_unknown_key_under_a_known_kid_is_refused(api, issuer, citizen_claims):
    impostor = SigningKey.generate(kid=issuer.kid)
    assert_refused(api, impostor.sign(citizen_claims()))


def test_a_key_embedded_in_the_token_header_is_ignored(api, issuer, citizen_claims):
    impostor = SigningKey.generate(kid=issuer.kid)
    assert_refused(api, impostor.sign(citizen_claims(), headers={"jwk": impostor.public_jwk()}))


def test_a_tampered_payload_is_refused(api, issuer, citizen_claims):
    import jwt

    header, _, signature = issuer.sign(citizen_claims()).split(".")
    forged = jwt.api_jws.base64url_encode(
        jwt.utils.force_bytes(__import__("json").dumps(citizen_claims(pid="079095001122")))
    ).decode()
    assert_refused(api, f"{header}.{forged}.{signature}")


@pytest.mark.parametrize("missing", ["sub", "exp", "iat", "iss", "aud"])
def test_a_token_missing_a_required_claim_is_refused(api, issuer, citizen_claims, missing):
    assert_refused(api, issuer.sign(citizen_claims(**{missing: None})))


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Bearer", "Bearer    ", "token abc"])
def test_a_malformed_authorization_header_is_refused(api, header):
    r = api._http.post(
        "/graphql", json={"query": "{ myDossiers { edges { node { code } } } }"}, headers={"authorization": header}
    )
    assert r.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_an_es256_key_of_the_provider_verifies(api, published, citizen_claims):
    key = published(SigningKey.generate("ES256"))
    assert_accepted(api, key.sign(citizen_claims()))


def test_an_rs256_header_on_a_token_under_an_ec_keys_kid_is_refused(api, published, citizen_claims):
    ec_key = published(SigningKey.generate("ES256"))
    rsa_impostor = SigningKey(algorithm="RS256", private_key=SigningKey.generate().private_key, kid=ec_key.kid)
    assert_refused(api, rsa_impostor.sign(citizen_claims()))


def test_a_rotated_key_verifies_without_a_restart(services, jwks_server, issuer, citizen_claims):
    api = client_with_verifier(services, refresh_cooldown_seconds=0)
    assert_accepted(api, issuer.sign(citizen_claims()))  # the JWKS is now cached with the current key only
    new_key = SigningKey.generate(kid=f"rotated-{uuid.uuid4().hex[:8]}")
    token = new_key.sign(citizen_claims())
    assert_refused(api, token)  # not published yet
    jwks_server.publish(new_key.public_jwk())
    try:
        assert_accepted(api, token)  # same verifier, same process: refetched on the unknown kid
        assert_accepted(api, issuer.sign(citizen_claims()))  # the old key still works during the overlap
    finally:
        jwks_server.withdraw(new_key.kid)


def test_tokens_with_made_up_kids_do_not_make_the_portal_hammer_the_provider(
    services, jwks_server, issuer, citizen_claims
):
    api = client_with_verifier(services)  # the production cooldown
    before = jwks_server.fetches
    assert_accepted(api, issuer.sign(citizen_claims()))
    for _ in range(20):
        assert_refused(api, SigningKey.generate(kid=uuid.uuid4().hex).sign(citizen_claims()))
    assert jwks_server.fetches - before == 1, "one fetch for the cache, none for the 20 unknown kids"
