"""Procedure lookup: search with filters, one procedure by code."""

from __future__ import annotations

from dataclasses import dataclass

from portal.errors import NotFound
from portal.input_limits import check_length
from portal.pagination import Page, page_of_list
from portal.procedures.catalog import Catalog
from portal.procedures.model import Level, OnlineLevel, Procedure, check_procedure_code
from portal.procedures.search import Hit
from portal.procedures.search_limits import check_search_text
from portal.text import fold


@dataclass(frozen=True)
class ProcedureFilter:
    field: str | None = None
    level: Level | None = None
    online_level: OnlineLevel | None = None
    agency: str | None = None

    def accepts(self, procedure: Procedure) -> bool:
        return (
            (self.field is None or fold(procedure.field) == fold(self.field))
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
    hits = catalog.index().search(query)
    return page_of_list([h for h in hits if filters.accepts(h.procedure)], first, after)


def get_procedure(catalog: Catalog, code: str) -> Procedure:
    code = check_procedure_code(code)
    procedure = catalog.index().get(code)
    if procedure is None:
        raise NotFound(f"Không tìm thấy thủ tục có mã {code}.", f"No procedure has the code {code}.")
    return procedure


def list_fields(catalog: Catalog) -> list[str]:
    return sorted({p.field for p in catalog.index().procedures})
