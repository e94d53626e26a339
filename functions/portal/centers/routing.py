"""Which ministry or central agency receives a central procedure ("Cấp bộ"): the routing rule.

Since the ministries' own portals closed (end of February 2026), a procedure decided by a ministry or a
central agency is filed on the national portal and goes to that agency's one-stop reception (Decree
61/2018/NĐ-CP: a ministry's Bộ phận Một cửa receives for the ministry and its departments). The catalog
names who decides in its agency text (`Procedure.agency`: the competent agency, else the implementing one)
and, in the national list, the body that published the procedure (`issuing_body`, "Cơ quan ban hành").

The rule, on the folded agency text:
1. It names central bodies: each ministry or central agency by its name (also the names it had before the
   2025 mergers) or by one of its departments the catalog names ("Cục Hàng hải và Đường thủy Việt Nam",
   "Ủy ban Chứng khoán Nhà nước", "Cục quản lý xuất nhập cảnh"): one agency receives it. Several: the
   publishing one if it is among them, else none (`SEVERAL`).
2. It names none: a court or a mission abroad keeps its own counter (`OWN_COUNTER`); a text naming only
   local bodies (a province, a commune, a provincial department: `LOCAL`) or "any ministry" (`ANY_MINISTRY`)
   names no ministry's reception; otherwise (the Prime Minister, the President, a unit the table does not
   name, or no text) the ministry that published the procedure receives it (`PUBLISHER`), when it is one
   of the agencies (`NO_AGENCY` when not: a state corporation, or no publisher).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from portal.centers.agencies import AGENCIES, ANY_MINISTRY, LOCAL_BODIES, OWN_COUNTERS, Agency
from portal.procedures.model import Level, ProcedureSummary
from portal.text import fold


class Routing(Enum):
    """How a central procedure found its receiver, or why it has none."""

    NAMED = "named"  # the agency text names one agency (or one of its departments)
    PUBLISHER_NAMED = "publisher_named"  # it names several; the publishing one is among them
    PUBLISHER = "publisher"  # it names no central body: the ministry that published the procedure
    SEVERAL = "several"  # several agencies named, the publisher not among them
    OWN_COUNTER = "own_counter"  # a court, a mission abroad, a state corporation: their own counter
    LOCAL = "local"  # only local bodies named (a province, a commune, a provincial department)
    ANY_MINISTRY = "any_ministry"  # "Bộ, cơ quan ngang Bộ": whichever ministry is concerned
    NO_AGENCY = "no_agency"  # nothing named and no publisher that is one of the agencies


@dataclass(frozen=True)
class Route:
    agency: Agency | None
    how: Routing


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


_NAMES = tuple((agency, _pattern(agency.names)) for agency in AGENCIES)
_OWN_COUNTERS, _LOCAL, _ANY = _pattern(OWN_COUNTERS), _pattern(LOCAL_BODIES), _pattern(ANY_MINISTRY)


def named_agencies(text: str) -> list[Agency]:
    """The agencies a text names, in the table's order."""
    folded = fold(text)
    return [agency for agency, pattern in _NAMES if pattern.search(folded)]


@lru_cache(maxsize=4096)
def route(agency_text: str, issuing_body: str = "") -> Route:
    """The receiver of a central procedure from the catalog's agency text and its publisher (module doc)."""
    named = named_agencies(agency_text)
    publisher = named_agencies(issuing_body)
    publisher_agency = publisher[0] if len(publisher) == 1 else None
    if len(named) == 1:
        return Route(named[0], Routing.NAMED)
    if named:
        if publisher_agency in named:
            return Route(publisher_agency, Routing.PUBLISHER_NAMED)
        return Route(None, Routing.SEVERAL)
    folded = fold(agency_text)
    if _OWN_COUNTERS.search(folded):
        return Route(None, Routing.OWN_COUNTER)
    if _LOCAL.search(folded):
        return Route(None, Routing.LOCAL)
    if _ANY.search(folded):
        return Route(None, Routing.ANY_MINISTRY)
    if publisher_agency is not None:
        return Route(publisher_agency, Routing.PUBLISHER)
    return Route(None, Routing.NO_AGENCY)


def receiving_agency(procedure: ProcedureSummary) -> Agency | None:
    """The agency receiving a procedure at central level; None when it has no central level or no receiver."""
    if Level.CENTRAL not in procedure.levels:
        return None
    return route(procedure.agency, procedure.issuing_body).agency
