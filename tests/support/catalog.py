"""The procedure catalog as infra.reference.catalog.load_catalog reads it, read once per test session.

Reading it parses procedures/imported.jsonl (23 MB, about 1 s of CPU); tests used to read it again in every
helper that needed one procedure (each dossier filed through tests.support.journeys.submit did). Procedures
are frozen dataclasses, and the mapping is read-only, so sharing them lets no test change another's."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from infra.reference.catalog import load_catalog
from portal.procedures.model import Procedure


@cache
def catalog() -> tuple[Procedure, ...]:
    """Every procedure, sorted by code (load_catalog's order)."""
    return tuple(load_catalog()[1])


@cache
def procedures_by_code() -> Mapping[str, Procedure]:
    return MappingProxyType({p.code: p for p in catalog()})


def catalog_procedure(code: str) -> Procedure:
    return procedures_by_code()[code]
