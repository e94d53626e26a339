"""How many procedures can be filed online, by kind of form, and why the others cannot.

    python -m infra.reference.fileable          (make fileable): the table the README carries

A procedure is fileable online when it has an online form (portal/procedures/data/forms.json: designed
or generic) and at least one receiver of the reference data receives it: a center of its level (in its
province for a province's own procedure), or the ministry or central agency that
decides it. Every procedure falls in exactly one row.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from infra.reference.agency_receivers import agency_receivers
from infra.reference.catalog import load_catalog
from infra.reference.centers import build_centers
from portal.centers.model import Center
from portal.procedures.form_file import definition_of
from portal.procedures.model import Procedure
from portal.procedures.online_form import FormKind, NotOnline, not_online

PROCEDURES = Path(__file__).parent / "procedures"
ESSENTIAL = PROCEDURES / "essential_services.json"
USAGE = PROCEDURES / "usage_evidence.json"
ROWS = (
    ("designed", "Fileable online: designed form (the procedure's own declaration fields)"),
    ("generic", "Fileable online: generic form (what is requested + a slot per catalog document)"),
    (NotOnline.NO_DETAILS.value, "Not online: no details (national list only, or its page lists no document)"),
    (NotOnline.NOT_ONLINE.value, "Not online: the catalog lists no online channel (in person or by post only)"),
    (
        "no_receiver",
        "Not online: no receiver on the portal (its own counter: a school, an inspection station, a mission abroad…)",
    ),
)


def row_of(procedure: Procedure, centers: Iterable[Center]) -> str:
    reason = not_online(procedure)
    if reason is not None:
        return reason.value
    definition = definition_of(procedure)
    if definition is None:  # forms.json is stale: the contract test says so too
        return NotOnline.NO_DETAILS.value
    summary = procedure.summary()
    if not any(c.receives(summary) for c in centers):
        return "no_receiver"
    return "designed" if definition.kind is FormKind.DESIGNED else "generic"


def rows() -> dict[str, str]:
    """Each current procedure's row, by code."""
    centers = [*build_centers(), *agency_receivers()]
    return {p.code: row_of(p, centers) for p in load_catalog()[1]}


def _codes(path: Path) -> set[str]:
    return {code for entry in json.loads(path.read_text(encoding="utf-8")) for code in entry["codes"]}


def table(found: Counter[str], everything: str = "All current procedures") -> str:
    """Every procedure counted in exactly one row."""
    total = sum(found.values())
    lines = ["| | Procedures | Share |", "|---|---:|---:|"]
    for key, label in ROWS:
        lines.append(f"| {label} | {found[key]:,} | {found[key] / total:.1%} |")
    online = found["designed"] + found["generic"]
    lines.append(f"| **Fileable online** | **{online:,}** | **{online / total:.1%}** |")
    lines.append(f"| {everything} | {total:,} | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args(argv)
    found = rows()
    print(table(Counter(found.values())))
    for title, path in (
        ("Essential online public services (06/QĐ-TTg, 422/QĐ-TTg, 206/QĐ-TTg)", ESSENTIAL),
        ("Procedures with published dossier counts (usage_evidence.json)", USAGE),
    ):
        codes = _codes(path)
        print(f"\n{title}: {len(codes)} catalog codes")
        print(table(Counter(found.get(code, NotOnline.NO_DETAILS.value) for code in codes), "All of them"))


if __name__ == "__main__":
    main()
