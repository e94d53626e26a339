"""Where each served detail of the catalog comes from: the crawl text it was read from (imported entries),
or, for the hand-checked entries' values no source gives, who decided them and why (procedures/editorial.json).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from portal.procedures.model import Procedure, Provenance

# The values of the hand-checked entries no source gives: who decided each and why (never charged, routed
# or dated by).
EDITORIAL_FILE = Path(__file__).parent / "procedures" / "editorial.json"
# The imported keys and the served detail each is read into.
SERVED_FIELDS = {
    "name": "name",
    "field": "field",
    "levels": "levels",
    "competent_agency": "agency",
    "implementing_agency": "implementing_agency",
    "applicants": "applicants",
    "decision": "decision",
    "processing": "processing_times",
    "fees": "fees",
    "documents": "documents",
    "document_notes": "document_notes",
    "legal_basis": "legal_basis",
    "conditions": "conditions",
    "results": "results",
    "official_url": "official_url",
    "online": "online_level",
    "issuing_body": "issuing_body",
}
# Of a hand-checked entry, the details its own crawl files give (the audit compares them); the others are
# editorial (EDITORIAL_FILE) or from the crawl as imported.
CHECKED_SOURCED = {
    "name": "name",
    "levels": "levels",
    "fees": "fees",
    "legal_basis": "legal_basis",
    "processing": "processing_days",
}


def imported_provenance(entry: dict[str, Any]) -> tuple[Provenance, ...]:
    """Per served detail of an imported entry: the file, the part and the exact text it was read from."""
    files, texts = entry.get("source_files") or [], entry.get("source_texts") or {}
    found = []
    for key, (index, part) in (entry.get("sources") or {}).items():
        if key not in SERVED_FIELDS:
            continue
        if key == "implementing_agency" and not entry.get("competent_agency"):
            found.append(Provenance("agency", files[index], part, texts[part]))
        if key == "issuing_body" and entry.get("province_code"):  # a province's own: its People's Committee
            found.append(Provenance("province_code", files[index], part, texts[part]))
        found.append(Provenance(SERVED_FIELDS[key], files[index], part, texts[part]))
    return tuple(sorted(found, key=lambda p: p.field))


def read_editorial(path: Path = EDITORIAL_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


_EDITORIAL = None


def editorial() -> dict[str, Any]:
    global _EDITORIAL
    if _EDITORIAL is None:
        _EDITORIAL = read_editorial()
    return _EDITORIAL


def _label(decision: dict[str, str]) -> str:
    return f"{decision['who']}: {decision['why']}"


def editorial_fee(entry: dict[str, Any], fee: dict[str, Any]) -> str:
    for value in editorial()["values"]:
        if value["code"] == entry["code"] and value["field"] == "fees" and value["value"] == fee["description"]:
            return _label(value)
    return ""


def checked_provenance(code: str, imported: Procedure | None) -> tuple[Provenance, ...]:
    """A hand-checked entry's details: those its crawl files give cite them (the audit compares the values);
    the others are editorial, with who decided them and why."""
    document = editorial()
    found = [Provenance(field, editorial=_label(d)) for field, d in document["fields"].items()]
    for value in document["values"]:
        if value["code"] == code:
            found.append(Provenance(f"{value['field']}[{value['value']}]", editorial=_label(value)))
    if imported is not None:
        for key, field in CHECKED_SOURCED.items():
            source = imported.source_of(SERVED_FIELDS[key])
            if source is not None:
                found.append(replace(source, field=field))
    return tuple(sorted(found, key=lambda p: p.field))
