"""Procedure lookup: search with filters, one procedure by code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from portal.errors import InvalidInput, NotFound
from portal.identity.access import require_public_read
from portal.identity.principal import Principal
from portal.input_limits import check_length
from portal.pagination import Page, page_of_list
from portal.procedures.browsing import CatalogGroup, agencies_with_counts, fields_with_counts, popular_first
from portal.procedures.catalog import Catalog
from portal.procedures.life_events import LIFE_EVENTS, LifeEvent
from portal.procedures.model import Level, OnlineLevel, Procedure, ProcedureSummary, check_procedure_code
from portal.procedures.online_form import FormDefinition
from portal.procedures.ranking import Hit
from portal.procedures.search import SearchIndex
from portal.procedures.search_limits import check_search_text
from portal.procedures.variants import VariantFamilies, VariantNote
from portal.text import fold

PROVINCE_CODE = re.compile(r"^\d{2}$")


@dataclass(frozen=True)
class ProcedureFilter:
    field: str | None = None
    level: Level | None = None
    online_level: OnlineLevel | None = None
    agency: str | None = None
    province_code: str | None = None  # adds that province's own procedures to the national ones

    def accepts(self, procedure: ProcedureSummary) -> bool:
        return (
            (procedure.province_code is None or procedure.province_code == self.province_code)
            and (self.field is None or fold(procedure.field) == fold(self.field))
            and (self.level is None or self.level in procedure.levels)
            and (self.online_level is None or procedure.online_level is self.online_level)
            and (self.agency is None or fold(self.agency) in fold(procedure.agency))
        )


def search_procedures(
    catalog: Catalog, query: str | None, filters: ProcedureFilter, first: int | None, after: str | None
) -> Page[Hit]:
    query = check_search_text(query)  # before the index is touched
    check_length("filter.field", filters.field, "filterText")
    check_length("filter.agency", filters.agency, "filterText")
    if filters.province_code is not None and not PROVINCE_CODE.match(filters.province_code):
        raise InvalidInput.for_field(
            "filter.provinceCode", "Mã tỉnh gồm 2 chữ số (ví dụ 01).", "A province code is 2 digits (e.g. 01)."
        )
    # Nothing asked: the home page's list, the most filed first (the index itself lists by code).
    hits = catalog.index().search(query) if query and fold(query) else catalog.view(_popular_hits)
    return page_of_list([h for h in hits if filters.accepts(h.procedure)], first, after)


def _popular_hits(index: SearchIndex) -> list[Hit]:
    return [Hit(p, 0.0) for p in popular_first(index.procedures)]


def _fields(index: SearchIndex) -> list[CatalogGroup]:
    return fields_with_counts(index.procedures)


def _agencies(index: SearchIndex) -> list[CatalogGroup]:
    return agencies_with_counts(index.procedures)


def _families(index: SearchIndex) -> VariantFamilies:
    return VariantFamilies(index.procedures)


def variant_note(catalog: Catalog, summary: ProcedureSummary) -> VariantNote | None:
    """Which of the procedures sharing its name this one is (procedures/variants.py)."""
    return catalog.view(_families).note(summary)


def get_summary(catalog: Catalog, code: str) -> ProcedureSummary:
    code = check_procedure_code(code)
    summary = catalog.index().get(code)
    if summary is None:
        raise NotFound(f"Không tìm thấy thủ tục có mã {code}.", f"No procedure has the code {code}.")
    return summary


def get_procedure(catalog: Catalog, code: str) -> Procedure:
    """The procedure with its details (one read by key, kept per container)."""
    summary = get_summary(catalog, code)
    procedure = catalog.details(summary.code)
    if procedure is None:
        raise NotFound(f"Không tìm thấy thủ tục có mã {code}.", f"No procedure has the code {code}.")
    return procedure


def list_fields(catalog: Catalog) -> list[str]:
    return sorted({p.field for p in catalog.index().procedures if p.field})


class Receiver(Protocol):
    def receives(self, procedure: ProcedureSummary) -> bool: ...


def received_by(catalog: Catalog, center: Receiver) -> list[ProcedureSummary]:
    """What a center receives (its level, its province), the most used first, then by code."""
    found = [p for p in catalog.index().procedures if center.receives(p)]
    return sorted(found, key=lambda p: (-p.popularity, p.code))


def page_received_by(
    catalog: Catalog, center: Receiver, first: int | None, after: str | None
) -> Page[ProcedureSummary]:
    return page_of_list(received_by(catalog, center), first, after)


def life_events() -> tuple[LifeEvent, ...]:
    return LIFE_EVENTS


def life_event_procedures(catalog: Catalog, event: LifeEvent) -> list[ProcedureSummary]:
    index = catalog.index()
    return [p for p in (index.get(code) for code in event.procedure_codes) if p is not None]


@dataclass(frozen=True)
class PublicCatalog:
    """The national catalog as the public reads it: each verb checks the reader may read public data (an
    app needs public:read), then the functions above."""

    catalog: Catalog

    def search(
        self, principal: Principal, text: str | None, filter: ProcedureFilter, first: int | None, after: str | None
    ) -> Page[Hit]:
        require_public_read(principal)
        return search_procedures(self.catalog, text, filter, first, after)

    def get(self, principal: Principal, code: str) -> Procedure:
        require_public_read(principal)
        return get_procedure(self.catalog, code)

    def fields(self, principal: Principal) -> list[str]:
        require_public_read(principal)
        return list_fields(self.catalog)

    def fields_with_counts(self, principal: Principal) -> list[CatalogGroup]:
        require_public_read(principal)
        return self.catalog.view(_fields)

    def agencies_with_counts(self, principal: Principal) -> list[CatalogGroup]:
        require_public_read(principal)
        return self.catalog.view(_agencies)

    def variant_note(self, summary: ProcedureSummary) -> VariantNote | None:
        """No check: it describes a procedure the reader already holds (a search result, a dossier's)."""
        return variant_note(self.catalog, summary)

    def online_form(self, procedure: Procedure) -> FormDefinition | None:
        """No check: it describes a procedure the reader already holds (public, like its documents)."""
        return self.catalog.online_form(procedure)

    def life_events(self, principal: Principal) -> list[tuple[LifeEvent, list[ProcedureSummary]]]:
        require_public_read(principal)
        return [(event, life_event_procedures(self.catalog, event)) for event in life_events()]
