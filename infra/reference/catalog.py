"""The procedure catalog's source file (procedures/catalog.json) read into domain objects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from portal.procedures.model import (
    Fee,
    FieldType,
    FormField,
    Level,
    OnlineLevel,
    Procedure,
    RequiredDocument,
)

CATALOG_FILE = Path(__file__).parent / "procedures" / "catalog.json"


def _amount(value: int | None) -> int | None:
    """null in the file: the amount is not fixed (it is not free)."""
    return None if value is None else int(value)


def _procedure(entry: dict[str, Any]) -> Procedure:
    return Procedure(
        code=entry["code"],
        name=entry["name"],
        name_en=entry["name_en"],
        field=entry["field"],
        field_en=entry["field_en"],
        levels=tuple(Level(v) for v in entry["levels"]),
        agency=entry["agency"],
        agency_en=entry["agency_en"],
        documents=tuple(
            RequiredDocument(d["name"], d["name_en"], int(d["originals"]), int(d["copies"]), d.get("note", ""))
            for d in entry["documents"]
        ),
        processing_days=int(entry["processing_days"]),
        processing_note=entry.get("processing_note", ""),
        fees=tuple(Fee(f["description"], f["description_en"], _amount(f["amount_vnd"])) for f in entry["fees"]),
        legal_basis=tuple(entry["legal_basis"]),
        online_level=OnlineLevel(entry["online_level"]),
        any_center=bool(entry["any_center"]),
        form_fields=tuple(
            FormField(
                f["name"],
                f["label"],
                f["label_en"],
                FieldType(f["type"]),
                bool(f["required"]),
                tuple(f.get("options", ())),
            )
            for f in entry["form_fields"]
        ),
        is_sample=entry["verification"] != "checked",
        source_ref=entry.get("source_ref", ""),
    )


def load_catalog(path: Path = CATALOG_FILE) -> tuple[dict[str, Any], list[Procedure]]:
    """(the file's header: dataset, version, source) and its procedures."""
    document = json.loads(path.read_text(encoding="utf-8"))
    header = {k: v for k, v in document.items() if k != "procedures"}
    return header, [_procedure(e) for e in document["procedures"]]
