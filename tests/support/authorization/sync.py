"""Incremental sync (portal.dossiers.sync): apps only."""

from __future__ import annotations

from tests.support.authorization.common import (
    SUBSCRIBERS,
    Rule,
    refused_all_but,
)

RULES = [
    # Incremental sync: apps only (center systems: tests/integration/test_sync.py).
    Rule(
        "Query.dossierChanges",
        "DossierChanges",
        lambda w: {"updatedSince": "2026-01-01T00:00:00+07:00", "first": 5},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.dossierRemovals",
        "DossierRemovals",
        lambda w: {"removedSince": "2026-01-01T00:00:00+07:00", "first": 5},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]
