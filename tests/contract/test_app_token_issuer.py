"""The apps' token issuer in template.yaml: a Cognito user pool with a domain and a resource server whose
scopes are exactly the portal's client scopes, the API told where it is, and a switch to the national
identity provider instead."""

from __future__ import annotations

import pytest

from infra.template import load_template
from portal.identity.principal import Scope


@pytest.fixture(scope="module")
def template():
    return load_template()


def test_the_apps_pool_has_a_domain_and_a_resource_server_with_the_portals_scopes(template):
    resources = template["Resources"]
    assert resources["AppClientsUserPool"]["Type"] == "AWS::Cognito::UserPool"
    assert resources["AppClientsUserPool"]["Properties"]["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    assert resources["AppClientsUserPoolDomain"]["Properties"]["UserPoolId"] == {"Ref": "AppClientsUserPool"}
    server = resources["AppClientsResourceServer"]["Properties"]
    assert {s["ScopeName"] for s in server["Scopes"]} == {s.value for s in Scope}
    environment = template["Globals"]["Function"]["Environment"]["Variables"]
    assert environment["APP_SCOPE_PREFIX"] == server["Identifier"]


def test_the_national_identity_provider_can_issue_app_tokens_instead(template):
    assert template["Parameters"]["AppTokenIssuer"]["AllowedValues"] == ["cognito", "national"]
    condition = template["Conditions"]["AppTokensFromCognito"]
    assert condition == {"Fn::Equals": [{"Ref": "AppTokenIssuer"}, "cognito"]}
    for name in ("AppClientsUserPool", "AppClientsUserPoolDomain", "AppClientsResourceServer"):
        assert template["Resources"][name]["Condition"] == "AppTokensFromCognito"
    environment = template["Globals"]["Function"]["Environment"]["Variables"]
    assert environment["APP_USER_POOL_ID"]["Fn::If"][0] == "AppTokensFromCognito"
    assert environment["APP_TOKEN_ISSUER"]["Fn::If"][0] == "AppTokensFromCognito"


def test_only_the_api_and_the_jobs_act_on_app_clients(template):
    def actions(function: str) -> set[str]:
        found = set()
        for policy in template["Resources"][function]["Properties"]["Policies"]:
            for statement in policy.get("Statement", []) if isinstance(policy, dict) else []:
                listed = statement["Action"]
                found |= {a for a in ([listed] if isinstance(listed, str) else listed) if a.startswith("cognito-idp:")}
        return found

    assert actions("GraphQLFunction") == {"cognito-idp:CreateUserPoolClient", "cognito-idp:DeleteUserPoolClient"}
    assert actions("JobsFunction") == {"cognito-idp:DeleteUserPoolClient"}
    assert actions("WebhookWorkerFunction") == set()


def test_the_deployed_site_shows_apps_the_pools_token_endpoint(template):
    import json

    from infra.publish import site_config
    from infra.template import ROOT

    output = template["Outputs"]["AppTokenUrl"]
    assert (
        output["Condition"] == "AppTokensFromCognito" and "amazoncognito.com/oauth2/token" in output["Value"]["Fn::Sub"]
    )
    local = (ROOT / "frontend" / "config.json").read_bytes()
    deployed = json.loads(site_config(local, "https://portal-apps.auth.ap-southeast-1.amazoncognito.com/oauth2/token"))
    assert deployed["clientToken"] == "https://portal-apps.auth.ap-southeast-1.amazoncognito.com/oauth2/token"
    assert {k: v for k, v in deployed.items() if k != "clientToken"} == {
        k: v for k, v in json.loads(local).items() if k != "clientToken"
    }
    assert site_config(local, None) == local  # national provider: config.json as it is
