"""Who may ask what: every root field of the schema, asked by every kind of principal.

Each field has one rule listing, for every principal below, whether it is answered or refused and with
which code. A field of the schema without a rule fails `test_every_root_field_has_an_authorization_rule`:
a new resolver cannot ship without deciding, and testing, who may call it. A principal kind added below
must likewise be decided for every field.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from portal.clock import FixedClock
from tests.support.factories import form_for
from tests.support.graphql_client import GraphQLClient
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
            "applicant": {"idNumber": "079190004321", "fullName": "Người nộp tại quầy (mẫu)"},
        }
    }


def submission(world: World) -> dict[str, Any]:
    return {
        "input": {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": world.procedure.code,
            "centerId": BEN_THANH,
            "formData": form_for(world.procedure),
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

# Refusals that answer for a person's identity or rights: an allowed principal never gets one of these.
AUTHORIZATION_CODES = frozenset({"UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"})


def root_fields() -> set[str]:
    from portal.api.schema import build_schema

    schema = build_schema()._schema
    roots = [t for t in (schema.query_type, schema.mutation_type, schema.subscription_type) if t is not None]
    return {f"{root.name}.{name}" for root in roots for name in root.fields}


@pytest.fixture(scope="module")
def world(seeded, jwks_server, people) -> World:
    from infra.reference.catalog import load_catalog
    from portal.api.app import create_app
    from portal.api.dependencies import build_services

    procedure = next(p for p in load_catalog()[1] if p.code == "1.001193")
    api = GraphQLClient(create_app(services=build_services(clock=FixedClock())))
    placeholder = World("", "", procedure)
    r = api.run("SubmitDossier", submission(placeholder), token=people.citizen())
    dossier = r.data["submitDossier"]["dossier"]
    return World(dossier["code"], dossier["trackingSecret"], procedure)


def test_every_root_field_has_an_authorization_rule():
    ruled = {rule.field for rule in RULES}
    missing = root_fields() - ruled
    assert not missing, f"no authorization rule for {sorted(missing)}: add one to RULES in {__file__}"
    assert not ruled - root_fields(), f"rules for fields the schema no longer has: {sorted(ruled - root_fields())}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.field)
def test_every_rule_decides_every_principal_and_refuses_someone(rule: Rule):
    assert rule.allowed | set(rule.refused) == set(PRINCIPALS)
    assert not rule.allowed & set(rule.refused)
    assert rule.refused, f"{rule.field} refuses no one: is it really open to every kind of caller?"


def _field(rule: Rule) -> str:
    return rule.field.split(".", 1)[1]


REFUSALS = [(rule, who, code) for rule in RULES for who, code in rule.refused.items()]
ALLOWANCES = [(rule, who) for rule in RULES for who in sorted(rule.allowed)]


@pytest.mark.parametrize(("rule", "who", "code"), REFUSALS, ids=[f"{r.field}-{who}" for r, who, _ in REFUSALS])
def test_a_principal_the_rule_refuses_is_refused(api, people, world, rule: Rule, who: str, code: str):
    r = api.run(rule.operation, rule.variables(world), token=PRINCIPALS[who](people))
    assert r.outcome(_field(rule)) == code, r.body  # a top-level error, or a mutation's union error


@pytest.mark.parametrize(("rule", "who"), ALLOWANCES, ids=[f"{r.field}-{who}" for r, who in ALLOWANCES])
def test_a_principal_the_rule_allows_is_answered(api, people, world, rule: Rule, who: str):
    r = api.run(rule.operation, rule.variables(world), token=PRINCIPALS[who](people))
    assert r.errors == [], r.body
    answer = r.data[_field(rule)]
    assert answer is not None
    assert r.outcome(_field(rule)) not in AUTHORIZATION_CODES, answer  # past the guard (a CONFLICT may follow)
    if rule.field in {"Mutation.submitDossier", "Mutation.receiveDossier"}:
        assert answer["__typename"] == "DossierSubmitted", answer


def test_a_refused_submission_is_refused_before_any_dynamodb_call(api, people, world, dynamodb_calls):
    for who in ("an officer of the receiving center", "an app reading for the applicant", "anonymous"):
        assert api.run("SubmitDossier", submission(world), token=PRINCIPALS[who](people)).errors
    assert len(dynamodb_calls) == 0


def test_guessing_codes_tells_another_citizen_nothing(api, people, world):
    """Someone else's dossier and a dossier that does not exist get the same answer."""
    agency, day, sequence = world.code.rsplit("-", 2)
    outsider = people.citizen(sub="guesser", pid="048099000321")  # has filed nothing: no neighbour is theirs
    seen = api.run("GetDossier", {"code": world.code}, token=outsider)
    for n in range(max(1, int(sequence) - 3), int(sequence) + 4):
        guess = f"{agency}-{day}-{n:0{len(sequence)}d}"
        r = api.run("GetDossier", {"code": guess}, token=outsider)
        assert r.error_codes == ["NOT_FOUND"]
        assert r.errors[0]["message"].replace(guess, "<code>") == seen.errors[0]["message"].replace(
            world.code, "<code>"
        )


def test_a_citizen_lists_only_their_own_dossiers(api, people, world):
    theirs = api.run("SubmitDossier", submission(world), token=people.other_citizen())
    other_code = theirs.data["submitDossier"]["dossier"]["code"]
    mine = api.run("MyDossiers", {"first": 100}, token=people.citizen()).data["myDossiers"]["edges"]
    codes = {e["node"]["code"] for e in mine}
    assert world.code in codes and other_code not in codes
    via_app = api.run("MyDossiers", {"first": 100}, token=people.app("dossiers:read", for_citizen=True))
    assert {e["node"]["code"] for e in via_app.data["myDossiers"]["edges"]} == codes


def test_an_app_files_in_the_name_of_the_citizen_who_delegated(api, people, world):
    from infra.dev_issuer import SAMPLE_CITIZEN

    r = api.run("SubmitDossier", submission(world), token=people.app("dossiers:write", for_citizen=True))
    applicant = r.data["submitDossier"]["dossier"]["applicant"]
    assert applicant == {"idNumber": SAMPLE_CITIZEN["pid"], "fullName": SAMPLE_CITIZEN["name"]}
