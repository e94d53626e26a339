"""Dossiers: reading, filing, the officers' queue and acts, rating, the message thread."""

from __future__ import annotations

from tests.support.authorization.common import (
    APPS_NOT_READING,
    FILERS,
    NOT_THEIRS,
    OFFICERS,
    OWN_LIST,
    READERS,
    THREAD,
    Rule,
    desk_reception,
    refused_all_but,
    submission,
)

RULES = [
    # Someone else's dossier is NOT_FOUND, never FORBIDDEN: guessing codes reveals nothing.
    Rule(
        "Query.dossier",
        "GetDossier",
        lambda w: {"code": w.code},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.myDossiers",
        "MyDossiers",
        lambda w: {"first": 5},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.submitDossier",
        "SubmitDossier",
        submission,
        FILERS,
        refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # Each officer sees the queue of the center in their token, and nothing else.
    Rule(
        "Query.centerQueue",
        "CenterQueue",
        lambda w: {"first": 5},
        OFFICERS,
        refused_all_but(OFFICERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # At the desk: reception (or the lead) of the center named in the input, which must be their own.
    Rule(
        "Mutation.receiveDossier",
        "ReceiveDossier",
        desk_reception,
        frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
        refused_all_but(
            frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
            "FORBIDDEN",
            anonymous="UNAUTHENTICATED",
        ),
    ),
    # Returning a result: reception of the receiving center (the dossier is not ready: CONFLICT, past the guard).
    Rule(
        "Mutation.actOnDossier",
        "ActOnDossier",
        lambda w: {"input": {"code": w.code, "action": "RETURN_RESULT"}},
        frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
        refused_all_but(
            frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
            "FORBIDDEN",
            anonymous="UNAUTHENTICATED",
            **NOT_THEIRS,
            **APPS_NOT_READING,
        ),
    ),
    Rule(
        "Mutation.extendDossierDeadline",
        "ExtendDossierDeadline",
        lambda w: {"input": {"code": w.code, "newDueDate": "2026-12-31", "reason": "Chờ xác minh (mẫu)"}},
        frozenset({"the lead of the receiving center"}),
        refused_all_but(
            frozenset({"the lead of the receiving center"}),
            "FORBIDDEN",
            anonymous="UNAUTHENTICATED",
            **NOT_THEIRS,
            **APPS_NOT_READING,
        ),
    ),
    # Setting the appointment of a dossier received without one: the receiving center's reception and lead (this
    # dossier's procedure has a time of its own: CONFLICT, past the guard).
    Rule(
        "Mutation.setDossierAppointment",
        "SetDossierAppointment",
        lambda w: {"input": {"code": w.code, "dueDate": "2026-12-31", "basis": "Thời hạn theo quy định (mẫu)"}},
        frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
        refused_all_but(
            frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
            "FORBIDDEN",
            anonymous="UNAUTHENTICATED",
            **NOT_THEIRS,
            **APPS_NOT_READING,
        ),
    ),
    Rule(
        "Mutation.rateDossier",
        "RateDossier",
        lambda w: {"input": {"code": w.code, "score": 5}},
        frozenset({"the applicant"}),
        refused_all_but(
            frozenset({"the applicant"}), "FORBIDDEN", anonymous="UNAUTHENTICATED", **NOT_THEIRS, **APPS_NOT_READING
        ),
    ),
    # The thread: the applicant and the receiving center's officers; for anyone else the dossier does not exist.
    Rule(
        "Mutation.postDossierMessage",
        "PostDossierMessage",
        lambda w: {"input": {"code": w.code, "text": "Xin hỏi khi nào có kết quả? (mẫu)"}},
        THREAD,
        refused_all_but(THREAD, "FORBIDDEN", anonymous="UNAUTHENTICATED", **NOT_THEIRS, **APPS_NOT_READING),
    ),
    # Filing on someone's behalf (issue 18): the dossiers a citizen filed for others are theirs to list, as
    # their own are (the access to each dossier - applicant and filer, nobody else - is in
    # tests/integration/test_on_behalf_api.py).
    Rule(
        "Query.dossiersFiledOnBehalf",
        "DossiersFiledOnBehalf",
        lambda w: {"first": 5},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]
