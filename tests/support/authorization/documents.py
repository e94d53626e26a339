"""Files of dossiers (portal.documents)."""

from __future__ import annotations

from tests.support.authorization.common import (
    FILERS,
    OWN_LIST,
    READERS,
    Rule,
    public,
    refused_all_but,
)

RULES = [
    # Files: the applicant (or an app writing for them) uploads for a filing; only the uploader completes;
    # a dossier's file is handed out to whoever may read the dossier; the store is one's own.
    Rule(
        "Mutation.requestDocumentUpload",
        "RequestDocumentUpload",
        lambda w: {
            "input": {
                "fileName": "a.pdf",
                "contentType": "application/pdf",
                "sizeBytes": 10,
                "procedureCode": w.procedure.code,
            }
        },
        FILERS,
        refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.completeDocumentUpload",
        "CompleteDocumentUpload",
        lambda w: {"documentId": w.document_id},
        frozenset({"the applicant", "an app writing for the applicant"}),
        refused_all_but(
            frozenset({"the applicant", "an app writing for the applicant"}), "NOT_FOUND", anonymous="UNAUTHENTICATED"
        ),
    ),
    Rule(
        "Query.documentDownload",
        "DocumentDownload",
        lambda w: {"documentId": w.document_id, "dossierCode": w.code},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.dossierSlip",
        "DossierSlip",
        lambda w: {"code": w.code, "slip": "RECEIPT"},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    public("Query.verifyDocument", "VerifyDocument", lambda w: {"code": "AAAAAAAAAAAA", "sha256": "0" * 64}),
    Rule(
        "Query.myDocuments",
        "MyDocuments",
        lambda w: {"first": 5},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]
