"""Steps of a dossier's life through the API, shared by tests and benchmarks."""

from __future__ import annotations

import uuid
from typing import Any

from tests.support.factories import form_for

BIRTH = "1.001193"


def birth_procedure():
    from tests.support.catalog import catalog_procedure

    return catalog_procedure(BIRTH)


def electronic_documents(procedure) -> list[str]:
    from portal.procedures.required_documents import required_documents

    return [name for name, rule in required_documents(procedure) if rule.electronic_ok]


def submit(api, token: str, center_id: str, procedure=None, **overrides: Any) -> dict:
    procedure = procedure or birth_procedure()
    payload = {
        "clientRequestId": uuid.uuid4().hex,
        "procedureCode": procedure.code,
        "centerId": center_id,
        "formData": form_for(procedure),
        "electronicDocuments": electronic_documents(procedure),  # the birth certificate is held electronically
        **overrides,
    }
    r = api.run("SubmitDossier", {"input": payload}, token=token)
    assert r.errors == [], r.errors
    result = r.data["submitDossier"]
    assert result["__typename"] == "DossierSubmitted", result
    return result["dossier"]


def act(api, token: str, code: str, action: str, **fields: Any) -> dict:
    r = api.run("ActOnDossier", {"input": {"code": code, "action": action, **fields}}, token=token)
    assert r.errors == [], r.errors
    return r.data["actOnDossier"]
