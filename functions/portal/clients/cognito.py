"""Registered clients' credentials as Cognito app clients (portal.clients.issuer, boto3 cognito-idp).

The user pool's resource server (template.yaml's AppClientsResourceServer) declares the portal's
client scopes; an app client gets `<resource server>/<scope>` for each scope the registration grants,
the client-credentials grant only, and a secret Cognito generates (returned once, by CreateUserPoolClient).
"""

from __future__ import annotations

from functools import cached_property

from portal.clients.issuer import IssuedCredential
from portal.identity.principal import Scope

ACCESS_TOKEN_MINUTES = 60
MAX_CLIENT_NAME = 128  # Cognito's ClientName limit


class CognitoClientIssuer:
    def __init__(self, user_pool_id: str, resource_server: str, region: str) -> None:
        self._pool = user_pool_id
        self._resource_server = resource_server
        self._region = region

    @cached_property
    def _cognito(self):
        import boto3  # only registration, rotation and revocation load the Cognito client

        return boto3.client("cognito-idp", region_name=self._region)

    def oauth_scopes(self, scopes: frozenset[Scope]) -> list[str]:
        return sorted(f"{self._resource_server}/{s.value}" for s in scopes)

    def create(self, name: str, scopes: frozenset[Scope]) -> IssuedCredential:
        answer = self._cognito.create_user_pool_client(
            UserPoolId=self._pool,
            ClientName=name[:MAX_CLIENT_NAME],
            GenerateSecret=True,
            AllowedOAuthFlows=["client_credentials"],
            AllowedOAuthFlowsUserPoolClient=True,
            AllowedOAuthScopes=self.oauth_scopes(scopes),
            ExplicitAuthFlows=["ALLOW_REFRESH_TOKEN_AUTH"],  # no user sign-in through an app client
            AccessTokenValidity=ACCESS_TOKEN_MINUTES,
            TokenValidityUnits={"AccessToken": "minutes"},
            PreventUserExistenceErrors="ENABLED",
            EnableTokenRevocation=True,
        )["UserPoolClient"]
        return IssuedCredential(answer["ClientId"], answer["ClientSecret"])

    def delete(self, credential_id: str) -> None:
        try:
            self._cognito.delete_user_pool_client(UserPoolId=self._pool, ClientId=credential_id)
        except self._cognito.exceptions.ResourceNotFoundException:
            return
