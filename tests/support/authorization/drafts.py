"""Drafts (portal.drafts)."""

from __future__ import annotations

import uuid

from tests.support.authorization.common import (
    FILERS,
    Rule,
    refused_all_but,
)

# Drafts: the citizen filing (or an app filing in their name) reads and writes their own, nobody else.
RULES = [
    Rule(field, operation, variables, FILERS, refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"))
    for field, operation, variables in (
        ("Query.myDrafts", "MyDrafts", lambda w: {}),
        ("Query.draft", "GetDraft", lambda w: {"procedureCode": w.procedure.code}),
        (
            "Mutation.saveDraft",
            "SaveDraft",
            lambda w: {
                "input": {"clientRequestId": uuid.uuid4().hex, "procedureCode": w.procedure.code, "formData": {}}
            },
        ),
        ("Mutation.discardDraft", "DiscardDraft", lambda w: {"procedureCode": w.procedure.code}),
    )
]
