"""The deployed path: API Gateway HTTP API v2 event -> Lambda handler -> Mangum -> the same ASGI app."""

import json

import pytest

from tests.support.factories import form_for
from tests.support.graphql_client import operation
from tests.support.journeys import electronic_documents
from tests.support.lambda_events import LambdaContext, http_api_event


@pytest.fixture(scope="module")
def handler(seeded, jwks_server):
    from portal.entrypoints.api import handler

    return handler


def invoke(handler, name, variables=None, token=None, **event_options):
    headers = {"authorization": f"Bearer {token}"} if token else {}
    event = http_api_event({"query": operation(name), "variables": variables or {}}, headers=headers, **event_options)
    response = handler(event, LambdaContext())
    return event, response, json.loads(response["body"])


def test_a_procedure_search_answers_through_the_lambda_handler(handler):
    event, response, body = invoke(handler, "SearchProcedures", {"search": "dang ky khai sinh", "first": 3})
    assert response["statusCode"] == 200
    assert body["data"]["procedures"]["edges"][0]["node"]["code"] == "1.001193"
    assert response["headers"]["x-request-id"] == event["requestContext"]["requestId"]


def test_a_base64_encoded_body_is_accepted(handler):
    _, response, body = invoke(handler, "GetCenter", {"id": "hcc-01"}, base64_body=True)
    assert response["statusCode"] == 200 and body["data"]["center"]["id"] == "hcc-01"


def test_a_citizen_files_and_follows_a_dossier_through_the_lambda_handler(handler, people):
    from tests.support.catalog import catalog_procedure

    birth = catalog_procedure("1.001193")
    token = people.citizen(pid="001090000444", sub="lambda")
    submitted = {
        "clientRequestId": "lambda-test-0001",
        "procedureCode": birth.code,
        "centerId": "hcc-01-00070",
        "formData": form_for(birth),
        "electronicDocuments": electronic_documents(birth),
    }
    _, _, body = invoke(handler, "SubmitDossier", {"input": submitted}, token=token)
    result = body["data"]["submitDossier"]
    assert result["__typename"] == "DossierSubmitted", result
    _, _, tracked = invoke(handler, "GetDossier", {"code": result["dossier"]["code"]}, token=token)
    assert tracked["data"]["dossier"]["status"] == "RECEIVED"
    assert tracked["data"]["dossier"]["center"]["id"] == "hcc-01-00070"


def test_bad_input_through_the_handler_is_a_typed_error_not_a_stack_trace(handler):
    _, response, body = invoke(handler, "GetProcedure", {"code": "x"})
    assert response["statusCode"] == 200
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Traceback" not in response["body"]


def test_an_old_address_resolves_through_the_lambda_handler(handler):
    """The unit data ship inside the function's package (functions/portal/units/data)."""
    _, response, body = invoke(handler, "ResolveAddress", {"text": "P. Yên Phụ, Q. Tây Hồ, Hà Nội"})
    assert response["statusCode"] == 200
    assert [c["commune"]["code"] for c in body["data"]["resolveAddress"]["candidates"]] == ["00097", "00103"]
