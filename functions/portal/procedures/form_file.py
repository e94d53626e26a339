"""The online forms' definitions as they ship with the function (data/forms.json), read on first use.

`python -m infra.reference.forms` writes the file from the reference catalog and checks it against
data/form.schema.json; a contract test fails when it is stale. The file is read once per container, with
the first filing or form view, never at cold start.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from portal.procedures.model import Procedure
from portal.procedures.online_form import FormDefinition, decode, group_field_table, not_online

FORMS_FILE = Path(__file__).parent / "data" / "forms.json"
GROUPS_FILE = Path(__file__).parent / "data" / "form_groups.json"
SCHEMA_FILE = Path(__file__).parent / "data" / "form.schema.json"
GROUPS_SCHEMA_FILE = Path(__file__).parent / "data" / "form_groups.schema.json"


@lru_cache(maxsize=1)
def _forms() -> dict[str, Any]:
    return json.loads(FORMS_FILE.read_text(encoding="utf-8"))["forms"]


@lru_cache(maxsize=1)
def _group_fields() -> dict[str, Any]:
    return group_field_table(json.loads(GROUPS_FILE.read_text(encoding="utf-8"))["groups"])


def definition_of(procedure: Procedure) -> FormDefinition | None:
    """The procedure's online form, or None when it cannot be filed online (see online_form.not_online)."""
    if not_online(procedure) is not None:
        return None
    raw = _forms().get(procedure.code)
    return decode(raw, procedure, _group_fields()) if raw is not None else None
