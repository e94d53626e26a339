"""The authorization rules the API is held to: for every root field, which kinds of caller are answered
and which are refused, with which code (run by tests/integration/test_authorization.py).

One module per capability in tests/support/authorization/ holds its rules (common.py: the principals, the
world, Rule and the shared sets of principals); this module combines them, in one list, for the test."""

from __future__ import annotations

from tests.support.authorization import (
    bundles,
    clients,
    documents,
    dossiers,
    drafts,
    feedback,
    kpis,
    notifications,
    payments,
    reference,
    sync,
    webhooks,
)
from tests.support.authorization.bundles import bundle_filing
from tests.support.authorization.common import (
    AUTHORIZATION_CODES,
    BEN_THANH,
    ELSEWHERE,
    PRINCIPALS,
    Rule,
    World,
    desk_reception,
    refused_all_but,
    submission,
)

RULES: list[Rule] = [
    *reference.RULES,
    *dossiers.RULES,
    *kpis.RULES,
    *notifications.RULES,
    *payments.RULES,
    *documents.RULES,
    *clients.RULES,
    *webhooks.RULES,
    *sync.RULES,
    *drafts.RULES,
    *bundles.RULES,
    *feedback.RULES,
]

__all__ = [
    "AUTHORIZATION_CODES",
    "BEN_THANH",
    "ELSEWHERE",
    "PRINCIPALS",
    "RULES",
    "Rule",
    "World",
    "bundle_filing",
    "desk_reception",
    "refused_all_but",
    "submission",
]
