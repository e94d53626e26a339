"""Registered clients: the registry, and the apps' token issuer beside the national identity provider.

In AWS with AppTokenIssuer=cognito the template sets APP_USER_POOL_ID and APP_TOKEN_ISSUER: registering a
client makes a Cognito app client, and the API verifies that pool's access tokens as well as the
national provider's. Locally neither is set: the dev issuer mints both kinds with one key."""

from __future__ import annotations

from portal.clients.service import ClientRegistry
from portal.clock import Clock
from portal.config import Settings
from portal.identity.tokens import IssuerConfig, TokenVerifier


def client_registry(config: Settings, clock: Clock) -> ClientRegistry:
    from portal.store.clients import ClientStore

    issuer = None
    if config.app_user_pool_id:
        from portal.clients.cognito import CognitoClientIssuer

        issuer = CognitoClientIssuer(config.app_user_pool_id, config.app_scope_prefix, config.region)
    return ClientRegistry(ClientStore(), clock, issuer=issuer)


def token_verifier(config: Settings):
    """None when no issuer is configured (every request is anonymous)."""
    verifier = None
    if config.oidc_issuer and config.oidc_jwks_url:
        verifier = TokenVerifier(IssuerConfig(config.oidc_issuer, config.oidc_audience, config.oidc_jwks_url))
    if not config.app_token_issuer:
        return verifier
    from portal.identity.client_tokens import ClientTokenVerifier, IssuerRouter

    apps = ClientTokenVerifier(
        config.app_token_issuer, f"{config.app_token_issuer}/.well-known/jwks.json", config.app_scope_prefix
    )
    return IssuerRouter({config.app_token_issuer: apps, **({config.oidc_issuer: verifier} if verifier else {})})
