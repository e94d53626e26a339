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


def generic_filing(api, token: str, procedure) -> dict[str, Any]:
    """What a generic form needs besides the applicant: its answers (the first result when the catalog lists
    several, what is asked when no row takes a file) and a real stored file for each required row (or the
    first row a file may be given for): nothing is filed empty. Empty for a designed form."""
    from portal.procedures.document_slots import slot_key
    from portal.procedures.online_form import REQUEST_DETAILS, REQUESTED_RESULT, FormKind, derive
    from tests.support.uploads import minimal_pdf, upload

    form = derive(procedure)
    if form is None or form.kind is not FormKind.GENERIC:
        return {}
    answers = {f.name: f.options[0] for f in form.fields if f.name == REQUESTED_RESULT}
    answers |= {
        f.name: "Đề nghị giải quyết theo hồ sơ." for f in form.fields if f.name == REQUEST_DETAILS and f.required
    }
    documents = []
    for i, slot in enumerate(form.required_slots() or form.offered_slots()[:1]):
        key = slot_key(procedure.documents[slot.index].name)
        body = minimal_pdf(f"{procedure.code} {i} {uuid.uuid4().hex}".encode())
        stored = upload(api, token, body, procedureCode=procedure.code, slot=key)
        documents.append({"documentId": stored["id"], "slot": key})
    return {"formData": answers, "documents": documents}


def submit(api, token: str, center_id: str, procedure=None, **overrides: Any) -> dict:
    procedure = procedure or birth_procedure()
    payload = {
        "clientRequestId": uuid.uuid4().hex,
        "procedureCode": procedure.code,
        "centerId": center_id,
        "formData": form_for(procedure),
        "electronicDocuments": electronic_documents(procedure),  # the birth certificate is held electronically
        **(generic_filing(api, token, procedure) if not procedure.form_fields and "documents" not in overrides else {}),
        **overrides,
    }
    r = api.run("SubmitDossier", {"input": payload}, token=token)
    assert r.errors == [], r.errors
    result = r.data["submitDossier"]
    assert result["__typename"] == "DossierSubmitted", result
    return result["dossier"]


def asking_for(*rows: str, procedure=None, others: tuple[tuple[str, str], ...] = ()) -> dict:
    """A supplement request's items: the procedure's rows that start with `rows` (by their slot), and other
    items as (what, legal basis)."""
    from portal.procedures.document_slots import slot_key

    documents = (procedure or birth_procedure()).documents
    slots = [slot_key(next(d.name for d in documents if d.name.startswith(row))) for row in rows]
    return {"documents": slots, "others": [{"what": what, "legalBasis": basis} for what, basis in others]}


def act(api, token: str, code: str, action: str, **fields: Any) -> dict:
    r = api.run("ActOnDossier", {"input": {"code": code, "action": action, **fields}}, token=token)
    assert r.errors == [], r.errors
    return r.data["actOnDossier"]
