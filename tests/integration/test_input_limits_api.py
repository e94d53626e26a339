"""Every input has a limit, refused with its code before any work, and no error echoes a huge input."""

import json
import uuid

import pytest

from portal.input_limits import LIMITS
from portal.procedures.search_limits import MAX_SEARCH_LENGTH
from tests.support.factories import form_for
from tests.support.journeys import electronic_documents

BIRTH = "1.001193"
BEN_THANH = "hcc-79-26743"
HUGE = "9" * 100_000  # under the body limit (256 KB), over the longest any input takes
LONG = "9" * 4_500  # over each field's own limit, under the longest any input takes (a textarea's 5,000)
LONGEST = "9" * (LIMITS["documentName"] + 1)  # a document's name: the catalog's longest row (4,944) fits


@pytest.fixture(scope="module")
def birth():
    from tests.support.catalog import catalog_procedure

    return catalog_procedure(BIRTH)


def submission(procedure, **overrides) -> dict:
    return {
        "clientRequestId": uuid.uuid4().hex,
        "procedureCode": procedure.code,
        "centerId": BEN_THANH,
        "formData": form_for(procedure),
        "electronicDocuments": electronic_documents(procedure),
        **overrides,
    }


def answer_size(response) -> int:
    return len(json.dumps(response.body, ensure_ascii=False))


def test_a_long_search_word_is_bad_user_input_naming_the_limit_and_touches_no_table(api, dynamodb_calls):
    for word in ("a" * 200_000, "a" * (MAX_SEARCH_LENGTH + 1)):  # past every input's limit, past search's
        r = api.run("SearchProcedures", {"search": word})
        assert r.error_codes == ["BAD_USER_INPUT"] and answer_size(r) < 1000
    assert str(MAX_SEARCH_LENGTH) in r.errors[0]["extensions"]["messageEn"]
    assert dynamodb_calls.counts().get("Query", 0) == 0


def test_the_longest_catalog_name_pasted_is_still_a_valid_search_and_finds_its_procedure(api):
    from tests.support.catalog import catalog

    national = [p for p in catalog() if p.province_code is None]  # local ones need their province
    longest = max(national, key=lambda p: len(p.name))
    r = api.run("SearchProcedures", {"search": longest.name, "first": 5})
    # The national catalog has near-identical long names (a procedure per agency): among the first few.
    assert r.errors == [] and longest.code in [e["node"]["code"] for e in r.data["procedures"]["edges"]]


@pytest.mark.parametrize(
    ("operation", "variables"),
    [
        ("GetProcedure", {"code": HUGE}),
        ("GetCenter", {"id": " " * 100_000 + "hcc-01"}),
        ("GetDossier", {"code": HUGE}),
        ("TrackDossier", {"code": HUGE, "trackingSecret": HUGE}),
        ("TrackDossier", {"code": "H01.000.00-260302-010001", "trackingSecret": HUGE}),
        ("SearchProcedures", {"filter": {"agency": HUGE}}),
        ("SearchProcedures", {"after": HUGE}),
        ("ResolveAddress", {"text": HUGE}),
        ("Communes", {"provinceCode": HUGE}),
    ],
)
def test_a_huge_argument_to_a_query_is_refused_with_a_short_answer(api, people, operation, variables):
    r = api.run(operation, variables, token=people.citizen())
    assert r.error_codes in (["BAD_USER_INPUT"], ["NOT_FOUND"]), r.body
    assert answer_size(r) < 2000, answer_size(r)


@pytest.mark.parametrize(
    ("field", "overrides", "limit"),
    [
        ("phone", {"phone": "0" * (LIMITS["phone"] + 1)}, LIMITS["phone"]),
        ("email", {"email": "a" * LIMITS["email"] + "@x.vn"}, LIMITS["email"]),
        (
            "attachments.0.name",
            {"attachments": [{"name": LONG, "contentType": "application/pdf", "sizeBytes": 10}]},
            LIMITS["attachmentName"],
        ),
        (
            "attachments.0.document",
            {
                "attachments": [
                    {"name": "a.pdf", "contentType": "application/pdf", "sizeBytes": 10, "document": LONGEST}
                ]
            },
            LIMITS["documentName"],
        ),
    ],
)
def test_a_submit_with_a_text_past_its_limit_is_invalid_input_naming_field_and_limit(
    api, people, birth, field, overrides, limit
):
    r = api.run("SubmitDossier", {"input": submission(birth, **overrides)}, token=people.citizen())
    result = r.data["submitDossier"]
    assert result["__typename"] == "InvalidInputError" and result["code"] == "BAD_USER_INPUT"
    assert [p["field"] for p in result["problems"]] == [field]
    assert str(limit) in result["problems"][0]["messageEn"]
    assert answer_size(r) < 2000


def test_ten_thousand_unknown_form_keys_get_one_short_problem(api, people, birth):
    form = {**form_for(birth), **{f"k{i}": "x" for i in range(10_000)}}
    r = api.run("SubmitDossier", {"input": submission(birth, formData=form)}, token=people.citizen())
    result = r.data["submitDossier"]
    assert result["__typename"] == "InvalidInputError" and len(result["problems"]) == 1
    assert str(LIMITS["formKeys"]) in result["problems"][0]["messageEn"]
    assert answer_size(r) < 2000


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400", "1e308000", 10**400])
def test_a_number_field_refuses_what_json_cannot_carry(api, people, birth, value):
    form = {**form_for(birth), "birth_copies": value}
    r = api.run("SubmitDossier", {"input": submission(birth, formData=form)}, token=people.citizen())
    result = r.data["submitDossier"]
    assert result["__typename"] == "InvalidInputError"
    assert [p["field"] for p in result["problems"]] == ["formData.birth_copies"]


def test_officers_notes_and_reasons_and_ratings_comments_are_bounded(api, people):
    code = "H01.000.00-260302-019999"
    lead = people.officer("hcc-01")
    for name, variables, limit in (
        ("ActOnDossier", {"code": code, "action": "REQUEST_SUPPLEMENT", "note": LONG}, "note"),
        ("ExtendDossierDeadline", {"code": code, "newDueDate": "2026-04-01", "reason": LONG}, "reason"),
        ("RateDossier", {"code": code, "score": 5, "comment": LONG}, "comment"),
    ):
        r = api.run(name, {"input": variables}, token=lead if name != "RateDossier" else people.citizen())
        result = next(iter(r.data.values()))
        assert result["__typename"] == "InvalidInputError", (name, result)
        assert str(LIMITS[limit]) in result["message"] + json.dumps(result.get("problems"), ensure_ascii=False)
        assert answer_size(r) < 2000


@pytest.mark.scans_on_purpose
def test_every_stored_dossier_serialises_as_valid_json(api, people, birth):
    """Whatever the tests stored so far, and dossiers with numbers at their limits: each one, read back
    through the store, is valid JSON (no NaN, no Infinity) and answers its applicant."""
    import boto3

    from portal.config import settings
    from portal.store.dossier_items import DOSSIER_SK
    from portal.store.dossiers import DossierStore

    token = people.citizen()
    for value in (1, "2", 3, 50):  # whole numbers of copies (form_rules); the finite bounds are tested above
        form = {**form_for(birth), "birth_copies": value}
        r = api.run("SubmitDossier", {"input": submission(birth, formData=form)}, token=token)
        assert r.data["submitDossier"]["__typename"] == "DossierSubmitted", r.data
    config = settings()
    table = boto3.resource("dynamodb", endpoint_url=config.dynamodb_endpoint, region_name=config.region).Table(
        config.tables.dossiers
    )
    codes, start = [], {}
    while True:
        page = table.scan(ProjectionExpression="pk, sk", **start)
        codes += [i["pk"] for i in page["Items"] if i["sk"] == DOSSIER_SK]
        if "LastEvaluatedKey" not in page:
            break
        start = {"ExclusiveStartKey": page["LastEvaluatedKey"]}
    assert len(codes) >= 4
    store = DossierStore()
    for code in codes:
        dossier = store.get(code)
        json.dumps(dossier.form_data, allow_nan=False)


def test_a_megabyte_in_any_field_is_refused_at_the_http_layer_before_graphql(api):
    r = api.run("GetProcedure", {"code": "9" * 1_000_000})
    assert r.status == 413 and r.error_codes == ["PAYLOAD_TOO_LARGE"]
    assert r.errors[0]["extensions"]["maxBytes"] == 256 * 1024 and answer_size(r) < 500


def test_no_text_anywhere_may_pass_the_longest_input_even_in_a_field_without_a_limit(api, people, dynamodb_calls):
    from portal.api.graphql.text_limit import MAX_TEXT_LENGTH

    too_long = "x" * (MAX_TEXT_LENGTH + 1)
    for document, variables in (
        ("query($m: String!) { kpis(fromMonth: $m, toMonth: $m) { received } }", {"m": too_long}),
        ('{ kpis(fromMonth: "' + too_long + '", toMonth: "2026-03") { received } }', {}),
        ("query($c: String!) { center(id: $c) { id } }", {"c": too_long, "unused": {"deep": [too_long]}}),
    ):
        r = api.query(document, variables, token=people.admin())
        assert r.error_codes == ["BAD_USER_INPUT"] and r.errors[0]["extensions"]["maxLength"] == MAX_TEXT_LENGTH
    assert len(dynamodb_calls) == 0, "refused before any resolver"
    ok = api.query("query($c: String!) { center(id: $c) { id } }", {"c": "x" * MAX_TEXT_LENGTH})
    assert ok.error_codes == ["BAD_USER_INPUT"] and "maxLength" not in ok.errors[0]["extensions"]  # its own limit
