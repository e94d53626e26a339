"""Figures: the public service index (anyone) and the national KPIs (admins)."""

from __future__ import annotations

from tests.support.authorization.common import (
    Rule,
    public,
    refused_all_but,
)

RULES = [
    public("Query.serviceIndex", "ServiceIndex", lambda w: {"month": "2026-03", "provinceCode": "79"}),
    # National figures: admins only (a center's lead sees their own center's, tested with the workflow).
    Rule(
        "Query.kpis",
        "Kpis",
        lambda w: {"fromMonth": "2026-01", "toMonth": "2026-12"},
        frozenset({"an admin"}),
        refused_all_but(frozenset({"an admin"}), "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]
