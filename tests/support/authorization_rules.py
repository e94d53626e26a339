"""The authorization rules the API is held to: for every root field, which kinds of caller are answered
and which are refused, with which code (run by tests/integration/test_authorization.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.support.factories import form_for
from tests.support.journeys import electronic_documents
from tests.support.people import People

BEN_THANH = "hcc-79-26743"  # the receiving center of the dossier below
ELSEWHERE = "hcc-01"

PRINCIPALS: dict[str, Callable[[People], str | None]] = {
    "anonymous": lambda p: None,
    "the applicant": lambda p: p.citizen(),
    "another citizen": lambda p: p.other_citizen(),
    "an officer of the receiving center": lambda p: p.officer(BEN_THANH, role="reception"),
    "the lead of the receiving center": lambda p: p.officer(BEN_THANH, role="lead"),
    "an officer of another center": lambda p: p.officer(ELSEWHERE),
    "an admin": lambda p: p.admin(),
    "an app without scopes": lambda p: p.app(""),
    "an app with public:read": lambda p: p.app("public:read"),
    "an app with public:read for the applicant": lambda p: p.app("public:read", for_citizen=True),
    "an app reading for the applicant": lambda p: p.app("dossiers:read", for_citizen=True),
    "an app writing for the applicant": lambda p: p.app("dossiers:write", for_citizen=True),
    "an app with dossier scopes for no one": lambda p: p.app("dossiers:read dossiers:write"),
}


@dataclass(frozen=True)
class World:
    """What the rules' variables refer to: one dossier of the applicant, filed at BEN_THANH."""

    code: str
    tracking_secret: str
    procedure: Any


@dataclass(frozen=True)
class Rule:
    field: str  # "Query.dossier"
    operation: str  # graphql/operations/<operation>.graphql
    variables: Callable[[World], dict[str, Any]]
    allowed: frozenset[str]
    refused: dict[str, str]  # principal -> extensions.code


def desk_reception(world: World) -> dict[str, Any]:
    return {
        "input": {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": world.procedure.code,
            "centerId": BEN_THANH,
            "formData": form_for(world.procedure),
            "applicant": {"idNumber": "079090004321", "fullName": "Người nộp tại quầy (mẫu)"},
        }
    }


def submission(world: World) -> dict[str, Any]:
    return {
        "input": {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": world.procedure.code,
            "centerId": BEN_THANH,
            "formData": form_for(world.procedure),
            "electronicDocuments": electronic_documents(world.procedure),
        }
    }


PUBLIC = frozenset(
    {
        "anonymous",
        "the applicant",
        "another citizen",
        "an officer of the receiving center",
        "the lead of the receiving center",
        "an officer of another center",
        "an admin",
        "an app with public:read",
        "an app with public:read for the applicant",
    }
)


def refused_all_but(allowed: frozenset[str], code: str, **exceptions: str) -> dict[str, str]:
    """Every principal not in `allowed` is refused with `code` (a few with another code, by name)."""
    named = {name.replace("_", " "): c for name, c in exceptions.items()}
    unknown = set(named) - set(PRINCIPALS)
    assert not unknown, f"no such principals: {unknown}"
    return {p: named.get(p, code) for p in PRINCIPALS if p not in allowed}


def public(field: str, operation: str, variables: Callable[[World], dict[str, Any]]) -> Rule:
    """Public data: anyone, except an app whose token lacks public:read."""
    return Rule(field, operation, variables, PUBLIC, refused_all_but(PUBLIC, "FORBIDDEN"))


READERS = frozenset(
    {
        "the applicant",
        "an officer of the receiving center",
        "the lead of the receiving center",
        "an app reading for the applicant",
    }
)
OFFICERS = frozenset(
    {"an officer of the receiving center", "the lead of the receiving center", "an officer of another center"}
)
# Officers act on their own center's dossiers; for anyone else the dossier does not exist.
NOT_THEIRS = {"another_citizen": "NOT_FOUND", "an_officer_of_another_center": "NOT_FOUND", "an_admin": "NOT_FOUND"}
APPS_NOT_READING = {
    "an_app_without_scopes": "NOT_FOUND",
    "an_app_with_public:read": "NOT_FOUND",
    "an_app_with_public:read_for_the_applicant": "NOT_FOUND",
    "an_app_writing_for_the_applicant": "NOT_FOUND",
    "an_app_with_dossier_scopes_for_no_one": "NOT_FOUND",
}
OWN_LIST = frozenset({"the applicant", "another citizen", "an app reading for the applicant"})
FILERS = frozenset({"the applicant", "another citizen", "an app writing for the applicant"})

RULES = [
    public("Query.procedures", "SearchProcedures", lambda w: {"search": "khai sinh", "first": 1}),
    public("Query.procedure", "GetProcedure", lambda w: {"code": "1.001193"}),
    public("Query.procedureFields", "ProcedureFields", lambda w: {}),
    public("Query.centers", "Centers", lambda w: {"provinceCode": "01", "first": 1}),
    public("Query.center", "GetCenter", lambda w: {"id": ELSEWHERE}),
    public("Query.trackDossier", "TrackDossier", lambda w: {"code": w.code, "trackingSecret": w.tracking_secret}),
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
    public("Query.provinces", "Provinces", lambda w: {}),
    public("Query.communes", "Communes", lambda w: {"provinceCode": "01", "first": 1}),
    public("Query.resolveAddress", "ResolveAddress", lambda w: {"text": "P. Phúc Xá, Q. Ba Đình, TP. Hà Nội"}),
    public("Query.referenceDatasets", "ReferenceDatasets", lambda w: {}),
    # Each officer sees the queue of the center in their token, and nothing else.
    Rule(
        "Query.centerQueue",
        "CenterQueue",
        lambda w: {"first": 5},
        OFFICERS,
        refused_all_but(OFFICERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # National figures: admins only (a center's lead sees their own center's, tested with the workflow).
    Rule(
        "Query.kpis",
        "Kpis",
        lambda w: {"fromMonth": "2026-01", "toMonth": "2026-12"},
        frozenset({"an admin"}),
        refused_all_but(frozenset({"an admin"}), "FORBIDDEN", anonymous="UNAUTHENTICATED"),
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
    Rule(
        "Mutation.rateDossier",
        "RateDossier",
        lambda w: {"input": {"code": w.code, "score": 5}},
        frozenset({"the applicant"}),
        refused_all_but(
            frozenset({"the applicant"}), "FORBIDDEN", anonymous="UNAUTHENTICATED", **NOT_THEIRS, **APPS_NOT_READING
        ),
    ),
]

# Drafts: the citizen filing (or an app filing in their name) reads and writes their own, nobody else.
RULES += [
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

# Refusals that answer for a person's identity or rights: an allowed principal never gets one of these.
AUTHORIZATION_CODES = frozenset({"UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"})
