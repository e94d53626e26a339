"""Webhooks (portal.webhooks)."""

from __future__ import annotations

from tests.support.authorization.common import (
    SUBSCRIBERS,
    Rule,
    World,
    refused_all_but,
)


def applicant_subscription(world: World) -> str:
    """A webhook subscription of the sample app reading for the applicant (made once per session)."""
    global _SUBSCRIPTION_ID
    if _SUBSCRIPTION_ID is None:
        from infra.dev_issuer import SAMPLE_CITIZEN
        from portal.bootstrap import build_services
        from portal.identity.principal import App, Citizen, Scope

        citizen = Citizen(SAMPLE_CITIZEN["sub"], SAMPLE_CITIZEN["pid"], SAMPLE_CITIZEN["name"])
        app = App("sample-app", frozenset({Scope.DOSSIERS_READ}), citizen=citizen)
        webhooks = build_services().webhooks
        _SUBSCRIPTION_ID = webhooks.subscribe(app, HOOK, ["dossier.status_changed"])[0].subscription_id
    return _SUBSCRIPTION_ID


_SUBSCRIPTION_ID: str | None = None
HOOK = "http://127.0.0.1:9/hook"  # loopback: allowed in tests only (WEBHOOK_ALLOW_LOOPBACK); never called here
RULES = [
    # Webhooks: an app reading for the applicant follows that applicant's dossiers (center systems too,
    # tested in tests/integration/test_webhooks.py: no principal here is a registered center client).
    Rule(
        "Mutation.subscribeWebhook",
        "SubscribeWebhook",
        lambda w: {"input": {"url": HOOK, "events": ["dossier.status_changed"]}},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.webhookSubscriptions",
        "WebhookSubscriptions",
        lambda w: {},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.webhookDeliveries",
        "WebhookDeliveries",
        lambda w: {"subscriptionId": applicant_subscription(w), "first": 5},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.replayWebhookDeliveries",
        "ReplayWebhookDeliveries",
        lambda w: {"input": {"subscriptionId": applicant_subscription(w)}},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]
