"""What every capability's authorization rules are made of: the kinds of principal, the world the rules' variables
refer to, a rule, and the sets of principals several capabilities share."""

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
    document_id: str = ""  # a clean file of the applicant, attached to the dossier
    bundle_id: str = ""  # a birth bundle (2.000986) of the applicant, filed at BEN_THANH


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
INBOX_READERS = OWN_LIST | OFFICERS
INBOX_WRITERS = FILERS | OFFICERS
THREAD = frozenset({"the applicant", "an officer of the receiving center", "the lead of the receiving center"})
# Apps that follow the applicant's dossiers (webhooks, incremental sync); center systems are tested apart.
SUBSCRIBERS = frozenset({"an app reading for the applicant"})


# Refusals that answer for a person's identity or rights: an allowed principal never gets one of these.
AUTHORIZATION_CODES = frozenset({"UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"})
