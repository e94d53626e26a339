"""No empty dossier, for every kind of procedure: procedures drawn at random (a fixed seed) among those
with a generic online form are filed through the API on DynamoDB Local with real files in local storage.
A submission without every unconditional document of the catalog's list, or with no document at all, is
refused naming what is missing; with them it is received."""

from __future__ import annotations

import random
import uuid
from functools import cache

import pytest

from infra.reference.centers import build_centers
from portal.procedures.document_slots import Requirement
from portal.procedures.online_form import REQUESTED_RESULT, FormKind, derive
from tests.support.catalog import catalog
from tests.support.uploads import minimal_pdf, upload

SEED = 28
TESTED_PROVINCES = ("01", "79")  # Hà Nội, Thành phố Hồ Chí Minh
DRAWN = 8


@cache
def _drawn() -> list[tuple[object, object, str]]:
    """(procedure, its form, a center receiving it) for DRAWN procedures with 1 to 3 required rows."""
    # Centers of a province no other test files in (their KPIs are counted by other tests).
    centers = [c for c in build_centers() if c.province_code not in TESTED_PROVINCES]
    found = []
    for procedure in catalog():
        form = derive(procedure)
        if form is None or form.kind is not FormKind.GENERIC or not 1 <= len(form.required_slots()) <= 3:
            continue
        center = next((c for c in centers if c.receives(procedure.summary())), None)
        if center is not None:
            found.append((procedure, form, center.id))
    return random.Random(SEED).sample(found, DRAWN)


def _answers(procedure, form) -> dict:
    return {f.name: f.options[0] for f in form.fields if f.name == REQUESTED_RESULT}


def _submit(api, token: str, procedure, center: str, form_data: dict, documents: list[dict]) -> dict:
    payload = {
        "clientRequestId": uuid.uuid4().hex,
        "procedureCode": procedure.code,
        "centerId": center,
        "formData": form_data,
        "documents": documents,
    }
    r = api.run("SubmitDossier", {"input": payload}, token=token)
    assert r.errors == [], r.errors
    return r.data["submitDossier"]


@pytest.mark.parametrize("draw", range(DRAWN))
def test_a_generic_form_is_received_only_with_its_unconditional_documents(api, people, draw):
    procedure, form, center = _drawn()[draw]
    citizen = people.citizen()
    answers = _answers(procedure, form)

    empty = _submit(api, citizen, procedure, center, answers, [])
    assert empty["__typename"] == "InvalidInputError", empty
    required = [procedure.documents[s.index].name for s in form.required_slots()]
    files = []
    for i, name in enumerate(required):
        body = minimal_pdf(f"{procedure.code} {i}".encode())  # one file per row (the same file twice is refused)
        document = upload(api, citizen, body, procedureCode=procedure.code, slot=name[:300])
        assert document.get("state") == "CLEAN", document
        files.append({"documentId": document["id"], "slot": name[:300]})

    short = _submit(api, citizen, procedure, center, answers, files[:-1])
    assert short["__typename"] == "InvalidInputError", short
    missing = form.required_slots()[-1].index
    assert f"slots.{missing}" in [p["field"] for p in short["problems"]]

    received = _submit(api, citizen, procedure, center, answers, files)
    assert received["__typename"] == "DossierSubmitted", received
    assert sorted(a["document"] for a in received["dossier"]["attachments"]) == sorted(n[:300] for n in required)


def test_the_draw_covers_several_fields_and_levels():
    drawn = _drawn()
    assert len({p.field for p, _, _ in drawn}) >= 4
    assert all(s.requirement is Requirement.REQUIRED for _, f, _ in drawn for s in f.required_slots())
