"""Write the online forms' definitions that ship with the function (portal/procedures/data/forms.json).

    python -m infra.reference.forms            write it (also run by `make schema`)
    python -m infra.reference.forms --check    exit 1 when the file is stale or breaks its schema

One definition per procedure that can be filed online: the hand-checked procedures' designed forms (their
fields from catalog.json, their required documents from portal/procedures/required_documents.py) and a
generic form for every other procedure whose catalog page lists its documents and an online channel.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from infra.reference.catalog import load_catalog
from infra.reference.form_groups import build_groups, composed, library
from portal.procedures.form_file import FORMS_FILE, GROUPS_FILE, GROUPS_SCHEMA_FILE, SCHEMA_FILE
from portal.procedures.model import Procedure
from portal.procedures.online_form import derive, encode

GROUPS_SOURCE = (
    "infra/reference/form_groups.py: each group's fields named there, defined as most hand-checked forms of "
    "infra/reference/procedures/catalog.json define them"
)
SOURCE = (
    "infra/reference/procedures/catalog.json (designed: hand-checked fields and required documents) and "
    "imported.jsonl (generic: each document row of the catalog page, read by portal/procedures/document_slots.py)"
)


def _dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def build(catalog: list[Procedure] | None = None) -> tuple[str, str]:
    """(forms.json, form_groups.json)"""
    procedures = sorted(catalog if catalog is not None else load_catalog()[1], key=lambda p: p.code)
    groups = build_groups(procedures)
    refs = library(groups)
    forms = {}
    for procedure in procedures:
        definition = derive(procedure)
        if definition is None:
            continue
        entry = encode(definition)
        if "fields" in entry:
            entry["fields"] = composed(entry["fields"], refs)
        forms[procedure.code] = entry
    group_file = {"version": 1, "source": GROUPS_SOURCE, "groups": groups}
    return _dumps({"version": 1, "source": SOURCE, "forms": forms}), _dumps(group_file)


def schema_problems(text: str, schema: Path = SCHEMA_FILE) -> list[str]:
    """What in the file breaks its JSON Schema (jsonschema_rs is a development tool, never shipped)."""
    import jsonschema_rs

    forms_schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    registry = jsonschema_rs.Registry([(forms_schema["$id"], forms_schema)])  # the groups' fields are the forms'
    validator = jsonschema_rs.validator_for(json.loads(schema.read_text(encoding="utf-8")), registry=registry)
    return [f"{e.instance_path}: {e.message}" for e in validator.iter_errors(json.loads(text))][:20]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    outputs = dict(zip((FORMS_FILE, GROUPS_FILE), build(), strict=True))
    schemas = {FORMS_FILE: SCHEMA_FILE, GROUPS_FILE: GROUPS_SCHEMA_FILE}
    problems = [f"{path.name}{p}" for path, text in outputs.items() for p in schema_problems(text, schemas[path])]
    for problem in problems:
        print(problem, file=sys.stderr)
    stale = [path for path, text in outputs.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path} is stale: run python -m infra.reference.forms", file=sys.stderr)
        return 1 if stale or problems else 0
    if problems:
        return 1
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {len(text.encode()) // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
