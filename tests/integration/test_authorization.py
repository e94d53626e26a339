"""Who may ask what: every root field of the schema, asked by every kind of principal.

Each field has one rule (tests/support/authorization/<capability>.py, combined by
tests/support/authorization_rules.py) listing, for every kind of principal,
whether it is answered or refused and with which code. A field of the schema without a rule fails
`test_every_root_field_has_an_authorization_rule`: a new resolver cannot ship without deciding, and
testing, who may call it. A principal kind added there must likewise be decided for every field.
"""

from __future__ import annotations

import pytest

from portal.clock import FixedClock
from tests.support.authorization_rules import (
    AUTHORIZATION_CODES,
    PRINCIPALS,
    RULES,
    Rule,
    World,
    bundle_filing,
    submission,
)
from tests.support.graphql_client import GraphQLClient
from tests.support.uploads import PDF, upload


def root_fields() -> set[str]:
    from portal.api.graphql.schema import build_schema

    schema = build_schema()._schema
    roots = [t for t in (schema.query_type, schema.mutation_type, schema.subscription_type) if t is not None]
    return {f"{root.name}.{name}" for root in roots for name in root.fields}


@pytest.fixture(scope="module")
def api(seeded, jwks_server) -> GraphQLClient:
    """One app for the whole matrix: the cases only read, or write under fresh request ids, and none moves the
    clock, so building the services and the app again for each of its ~870 cases (the session's `api`)
    would test nothing more; it cost most of the module's time (a token verifier, empty caches, a schema)."""
    from portal.api.http.app import create_app
    from portal.bootstrap import build_services

    return GraphQLClient(create_app(services=build_services(clock=FixedClock())))


@pytest.fixture(scope="module")
def world(api, people) -> World:
    from tests.support.catalog import catalog_procedure

    procedure = catalog_procedure("1.001193")
    placeholder = World("", "", procedure)
    document = upload(api, people.citizen(), PDF + b"authorization", procedureCode=procedure.code)
    variables = submission(placeholder)
    variables["input"]["documents"] = [{"documentId": document["id"]}]
    r = api.run("SubmitDossier", variables, token=people.citizen())
    dossier = r.data["submitDossier"]["dossier"]
    filed = api.run("SubmitBundle", bundle_filing(placeholder), token=people.citizen()).data["submitBundle"]
    return World(dossier["code"], dossier["trackingSecret"], procedure, document["id"], filed["bundle"]["id"])


def test_every_root_field_has_an_authorization_rule():
    ruled = {rule.field for rule in RULES}
    missing = root_fields() - ruled
    assert not missing, (
        f"no authorization rule for {sorted(missing)}: add a rule to tests/support/authorization/<capability>.py"
    )
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
