"""The procedure catalog's source files read into domain objects.

procedures/catalog.json holds the hand-checked entries (their values and online forms win);
procedures/imported.jsonl holds every procedure of the public crawls (infra/reference/catalog_import.py),
which also adds to the hand-checked ones what they lacked (who may apply, results, conditions, ...).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from infra.reference.catalog_provenance import (
    checked_provenance,
    editorial_fee,
    imported_provenance,
    read_editorial,  # noqa: F401 - the audit and the tests read it from here too
)
from infra.reference.search_aids import with_search_aids
from portal.procedures.model import (
    DetailLevel,
    Fee,
    FeeExemption,
    FieldType,
    FilingChannel,
    FormField,
    Level,
    OnlineLevel,
    Procedure,
    ProcessingTime,
    RequiredDocument,
    TimeLimit,
    TimeUnit,
)

CATALOG_FILE = Path(__file__).parent / "procedures" / "catalog.json"
IMPORTED_FILE = Path(__file__).parent / "procedures" / "imported.jsonl"
# The exemptions the fee lines name, one structured entry per group the text lists (see its header).
EXEMPTIONS_FILE = Path(__file__).parent / "procedures" / "fee_exemptions.json"


def _amount(value: int | None) -> int | None:
    """null in the file: the amount is not fixed (it is not free)."""
    return None if value is None else int(value)


def _checked_time(entry: dict[str, Any]) -> TimeLimit | None:
    """The entry's processing_time (infra/reference/processing_times.py); None when no source gives it."""
    time = entry["processing_time"]
    if time["unit"] is None or time["amount"] is None:
        return None
    return TimeLimit(int(time["amount"]), TimeUnit(time["unit"]), time["source_text"])


def _procedure(entry: dict[str, Any]) -> Procedure:
    time = _checked_time(entry)
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
        processing_days=time.amount if time and time.unit is TimeUnit.WORKING_DAYS else None,
        processing_note=entry.get("processing_note", ""),
        fees=tuple(
            Fee(f["description"], f["description_en"], _amount(f["amount_vnd"]), editorial=editorial_fee(entry, f))
            for f in entry["fees"]
        ),
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
        processing_time=time,
    )


def _processing_times(entry: dict[str, Any]) -> tuple[ProcessingTime, ...]:
    return tuple(
        ProcessingTime(
            FilingChannel(t["channel"]), t["amount"], TimeUnit(t["unit"]) if t["unit"] else None, t.get("note", "")
        )
        for t in entry.get("processing") or ()
    )


def _one_time(times: tuple[ProcessingTime, ...]) -> TimeLimit | None:
    """The one time (amount and unit) every channel gives, else None (the times say more, or no unit)."""
    readings = {(t.amount, t.unit) for t in times}
    if len(readings) != 1:
        return None
    amount, unit = next(iter(readings))
    if unit is None or not float(amount).is_integer():
        return None
    return TimeLimit(int(amount), unit)


def _imported_procedure(entry: dict[str, Any], field_en: dict[str, str]) -> Procedure:
    detail = DetailLevel(entry["detail_level"])
    times = _processing_times(entry)
    time = _one_time(times)
    field = entry.get("field") or ""
    return Procedure(
        code=entry["code"],
        name=entry["name"],
        name_en="",
        field=field,
        field_en=field_en.get(field, ""),
        levels=tuple(Level(v) for v in entry.get("levels") or ()),
        agency=entry.get("competent_agency") or entry.get("implementing_agency") or "",
        agency_en="",
        documents=tuple(
            RequiredDocument(d["name"], "", int(d["originals"]), int(d["copies"]), d.get("note", ""))
            for d in entry.get("documents") or ()
        ),
        processing_days=time.amount if time and time.unit is TimeUnit.WORKING_DAYS else None,
        processing_note="",
        fees=tuple(
            Fee(
                f["description"],
                "",
                _amount(f["amount_vnd"]),
                FilingChannel(f["channel"]) if f.get("channel") else None,
                f.get("amount"),
                f.get("currency"),
            )
            for f in entry.get("fees") or ()
        ),
        legal_basis=tuple(entry.get("legal_basis") or ()),
        online_level=OnlineLevel.NONE if entry.get("online") == "none" else None,
        any_center=False,
        form_fields=(),
        is_sample=False,
        source_ref=entry["source_ref"],
        detail_level=detail,
        province_code=entry.get("province_code"),
        official_url=entry.get("official_url") or "",
        implementing_agency=entry.get("implementing_agency") or "",
        issuing_body=entry.get("issuing_body") or "",
        applicants=entry.get("applicants") or "",
        processing_times=times,
        conditions=entry.get("conditions"),
        results=tuple(entry.get("results") or ()),
        decision=entry.get("decision") or "",
        document_notes=tuple(entry.get("document_notes") or ()),
        notes=tuple(entry.get("stale_notes") or ()),
        provenance=imported_provenance(entry),
        processing_time=time,
    )


def _with_imported_extras(checked: Procedure, imported: Procedure) -> Procedure:
    """A hand-checked entry keeps its values and its form; the crawl adds only what it did not have."""
    extras = {
        "official_url",
        "implementing_agency",
        "issuing_body",
        "applicants",
        "processing_times",
        "conditions",
        "results",
        "decision",
        "document_notes",
        "notes",
    }
    return replace(
        checked,
        document_notes=imported.document_notes,
        notes=imported.notes,
        provenance=tuple(
            sorted(
                checked_provenance(checked.code, imported) + tuple(p for p in imported.provenance if p.field in extras),
                key=lambda p: p.field,
            )
        ),
        official_url=imported.official_url,
        implementing_agency=imported.implementing_agency,
        issuing_body=imported.issuing_body,
        applicants=imported.applicants,
        processing_times=imported.processing_times,
        conditions=imported.conditions,
        results=imported.results,
        decision=imported.decision,
    )


def read_exemptions(path: Path = EXEMPTIONS_FILE) -> dict[str, tuple[FeeExemption, ...]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {
        code: tuple(
            FeeExemption(
                e["code"],
                e["description"],
                e["description_en"],
                int(e["amount_vnd"]),
                e["proof"],
                e["proof_en"],
                e["source"],
                e.get("legal_basis", ""),
                e.get("published", ""),
                e.get("published_file", ""),
            )
            for e in entries
        )
        for code, entries in document["procedures"].items()
    }


def _with_exemptions(procedure: Procedure, exemptions: dict[str, tuple[FeeExemption, ...]]) -> Procedure:
    """Only exemptions whose source is one of the procedure's fee lines, word for word, and that the published
    fee text names (an exemption read from no published sentence is not offered)."""
    lines = {f.description for f in procedure.fees}
    found = tuple(e for e in exemptions.get(procedure.code, ()) if e.source in lines and e.published)
    return replace(procedure, exemptions=found) if found else procedure


def read_imported(path: Path = IMPORTED_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_checked(path: Path = CATALOG_FILE) -> tuple[dict[str, Any], list[Procedure]]:
    """(the file's header: dataset, version, source) and its hand-checked procedures."""
    document = json.loads(path.read_text(encoding="utf-8"))
    header = {k: v for k, v in document.items() if k != "procedures"}
    return header, [_procedure(e) for e in document["procedures"]]


def load_catalog(path: Path = CATALOG_FILE, imported: Path = IMPORTED_FILE) -> tuple[dict[str, Any], list[Procedure]]:
    """(the hand-checked file's header) and the whole catalog: hand-checked entries and imported ones."""
    header, checked = load_checked(path)
    field_en = {p.field: p.field_en for p in checked}
    by_code = {p.code: p for p in checked}
    catalog = []
    for entry in read_imported(imported):
        if entry.get("superseded_by"):
            continue  # a district-level variant whose commune variant exists: not current since 1 July 2025
        procedure = _imported_procedure(entry, field_en)
        own = by_code.pop(procedure.code, None)
        catalog.append(_with_imported_extras(own, procedure) if own else procedure)
    catalog.extend(  # hand-checked entries no crawl holds
        replace(p, provenance=checked_provenance(p.code, None)) for p in by_code.values()
    )
    exemptions = read_exemptions()
    return header, sorted(with_search_aids(_with_exemptions(p, exemptions) for p in catalog), key=lambda p: p.code)
