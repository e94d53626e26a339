"""What helps search find a procedure, added to the catalog when it is read: how much it is used, and the
everyday names people give it.

- Popularity (orders results, never charges, routes or dates anything), from sources:
  3: an essential online public service (06/QĐ-TTg, 422/QĐ-TTg) or a linked procedure of Decree
     63/2024/NĐ-CP (procedures/essential_services.json), or one with a published dossier count
     (procedures/usage_evidence.json): each entry keeps its source's address and quote;
  2: a procedure of a life event (portal/procedures/life_events.py) or of the hand-checked launch set;
  1: a procedure with crawled details; 0: one known only from the national list.
- Everyday names (procedures/everyday_names.jsonl, editorial, labelled as such): "sổ đỏ", "làm giấy
  khai sinh cho con", "work permit"; written from the catalog and citizens' public questions by someone
  who saw neither the search code nor its evaluation sets. Indexed for search only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from portal.procedures.life_events import LIFE_EVENTS
from portal.procedures.model import DetailLevel, Procedure

HERE = Path(__file__).parent / "procedures"
ESSENTIAL_FILE = HERE / "essential_services.json"
USAGE_FILE = HERE / "usage_evidence.json"
EVERYDAY_NAMES_FILE = HERE / "everyday_names.jsonl"

ESSENTIAL, EVERYDAY, DETAILED, LISTED = 3, 2, 1, 0
NAME_SEPARATOR = " ; "  # between names: a phrase never runs into the next one


def essential_codes() -> set[str]:
    codes: set[str] = set()
    for path in (ESSENTIAL_FILE, USAGE_FILE):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            codes.update(entry.get("codes") or ())
    return codes


def everyday_names(path: Path = EVERYDAY_NAMES_FILE) -> dict[str, tuple[list[str], list[str]]]:
    """code -> (Vietnamese names, English names)."""
    names: dict[str, tuple[list[str], list[str]]] = {}
    if not path.exists():
        return names
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            vi, en = names.setdefault(entry["code"], ([], []))
            vi.extend(n for n in entry.get("vi", ()) if n not in vi)
            en.extend(n for n in entry.get("en", ()) if n not in en)
    return names


def popularity(procedure: Procedure, essential: set[str], everyday: set[str]) -> int:
    if procedure.code in essential:
        return ESSENTIAL
    if procedure.code in everyday or procedure.detail_level is DetailLevel.CHECKED:
        return EVERYDAY
    return DETAILED if procedure.detail_level is DetailLevel.DETAILED else LISTED


def with_search_aids(procedures: Iterable[Procedure]) -> list[Procedure]:
    essential = essential_codes()
    life_events = {code for event in LIFE_EVENTS for code in event.procedure_codes}
    names = everyday_names()
    aided = []
    for p in procedures:
        vi, en = names.get(p.code, ([], []))
        aided.append(
            replace(
                p,
                popularity=popularity(p, essential, life_events),
                everyday_names=NAME_SEPARATOR.join(vi),
                everyday_names_en=NAME_SEPARATOR.join(en),
            )
        )
    return aided
