"""The online forms as data: forms.json and form_groups.json are what the catalog makes of them, hold their
JSON Schemas, and the server reads from them exactly the forms the catalog defines (the 118 designed ones
unchanged)."""

from __future__ import annotations

import json

import pytest

from infra.reference import forms
from portal.procedures.form_file import FORMS_FILE, GROUPS_FILE, SCHEMA_FILE, definition_of
from portal.procedures.online_form import FormKind, derive
from tests.support.catalog import catalog


@pytest.fixture(scope="module")
def built() -> tuple[str, str]:
    return forms.build(list(catalog()))


def test_the_shipped_files_are_what_the_catalog_makes_and_hold_their_schemas(built):
    forms_text, groups_text = built
    assert FORMS_FILE.read_text(encoding="utf-8") == forms_text, "run python -m infra.reference.forms"
    assert GROUPS_FILE.read_text(encoding="utf-8") == groups_text, "run python -m infra.reference.forms"
    assert forms.schema_problems(forms_text) == []
    assert forms.schema_problems(groups_text, forms.GROUPS_SCHEMA_FILE) == []


@pytest.mark.parametrize(
    "broken",
    [
        {"kind": "designed", "documents": []},  # a designed form without fields
        {"kind": "generic", "fields": [], "documents": []},  # a generic form's fields come from the catalog
        {"kind": "generic", "documents": [{"index": 0, "requirement": "conditional"}]},  # a condition unsaid
        {"kind": "generic", "documents": [{"index": 0, "requirement": "maybe"}]},
        {
            "kind": "designed",
            "fields": [{"name": "x", "label": "X", "label_en": "X", "type": "select", "required": True}],
            "documents": [],
        },  # a choice without options
        {"kind": "designed", "fields": [{"ref": "Child"}], "documents": []},
    ],
)
def test_the_schema_refuses_a_form_that_could_not_be_rendered_or_checked(broken):
    document = {"version": 1, "source": "test", "forms": {"1.000001": broken}}
    assert forms.schema_problems(json.dumps(document)) != []
    assert SCHEMA_FILE.exists()


def test_the_server_reads_every_procedures_form_as_the_catalog_defines_it():
    fileable = 0
    for procedure in catalog():
        assert definition_of(procedure) == derive(procedure), procedure.code
        fileable += derive(procedure) is not None
    assert fileable > 3000


def test_the_designed_forms_keep_their_fields_and_some_are_composed_from_groups():
    shipped = json.loads(FORMS_FILE.read_text(encoding="utf-8"))["forms"]
    designed = [p for p in catalog() if p.form_fields]
    assert len(designed) == 118
    for procedure in designed:
        form = definition_of(procedure)
        assert form is not None and form.kind is FormKind.DESIGNED and form.fields == procedure.form_fields
    refs = [f["ref"] for entry in shipped.values() for f in entry.get("fields", ()) if "ref" in f]
    assert len(refs) > 100 and {r.split(".")[0] for r in refs} >= {"child", "deceased", "land_parcel", "vehicle"}
