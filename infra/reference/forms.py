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

from infra.reference.catalog import load_catalog
from portal.procedures.form_file import FORMS_FILE, SCHEMA_FILE
from portal.procedures.model import Procedure
from portal.procedures.online_form import derive, encode

SOURCE = (
    "infra/reference/procedures/catalog.json (designed: hand-checked fields and required documents) and "
    "imported.jsonl (generic: each document row of the catalog page, read by portal/procedures/document_slots.py)"
)


def build(catalog: list[Procedure] | None = None) -> str:
    procedures = sorted(catalog if catalog is not None else load_catalog()[1], key=lambda p: p.code)
    forms = {p.code: encode(d) for p in procedures if (d := derive(p)) is not None}
    document = {"version": 1, "source": SOURCE, "forms": forms}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def schema_problems(text: str) -> list[str]:
    """What in the file breaks form.schema.json (jsonschema_rs is a development tool, never shipped)."""
    import jsonschema_rs

    validator = jsonschema_rs.validator_for(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    return [f"{e.instance_path}: {e.message}" for e in validator.iter_errors(json.loads(text))][:20]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = build()
    problems = schema_problems(text)
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.check:
        stale = FORMS_FILE.read_text(encoding="utf-8") != text
        if stale:
            print(f"{FORMS_FILE} is stale: run python -m infra.reference.forms", file=sys.stderr)
        return 1 if stale or problems else 0
    if problems:
        return 1
    FORMS_FILE.write_text(text, encoding="utf-8")
    print(f"{FORMS_FILE}: {len(json.loads(text)['forms'])} forms, {len(text.encode()) // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
