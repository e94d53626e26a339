"""Public Administration Service Centers (Trung tâm Phục vụ hành chính công) and their reception points, and
the ministries' and central agencies' receptions of dossiers, which receive like a center."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from portal.centers.routing import receiving_agency
from portal.datasets import ReferenceDataset
from portal.errors import InvalidInput
from portal.input_limits import check_length, shown
from portal.procedures.model import Level, ProcedureSummary

CENTER_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
# The province code of the agencies' receptions: they serve the whole country from no province of it (their
# dossiers count in the "province:00" KPIs, apart from the provinces' own).
CENTRAL_SCOPE = "00"


class CenterKind(Enum):
    PROVINCIAL = "provincial"  # the province's center
    COMMUNE = "commune"  # a commune/ward/special zone's center
    BRANCH = "branch"  # a branch of the provincial center
    RECEPTION_POINT = "reception_point"  # a point that only receives and returns
    AGENCY = "agency"  # a ministry's or central agency's reception of dossiers (its id: centers/agencies.py)


@dataclass(frozen=True)
class GeoPoint:
    lat: float
    lon: float


@dataclass(frozen=True)
class Center:
    id: str
    kind: CenterKind
    name: str
    agency_code: str  # MX1X2.Y1Y2Y3.Z1Z2, the first part of every dossier code it receives
    province_code: str
    commune_code: str | None
    address: str
    hotline: str
    opening_hours: str
    location: GeoPoint | None
    is_sample: bool  # data derived or made up here rather than read from an official source
    email: str = ""
    parent_id: str | None = None
    sample_fields: frozenset[str] = frozenset()  # which fields are derived or made up (when is_sample)
    datasets: tuple[ReferenceDataset, ...] = ()  # what the entry was built from, with versions
    address_note: str = ""  # why the address is empty: its source has no address yet ("đang cập nhật")
    name_en: str = ""

    def receives(self, procedure: ProcedureSummary) -> bool:
        """Decree 118/2025: a center receives every procedure of its level, from anyone, whatever their
        residence; a province's own procedures only within that province. An agency receives the central
        procedures the routing rule gives it (portal.centers.routing), whatever their other levels."""
        if self.kind is CenterKind.AGENCY:
            agency = receiving_agency(procedure)
            return agency is not None and agency.id == self.id
        return RECEIVED_LEVEL[self.kind] in procedure.levels and procedure.province_code in (None, self.province_code)


# A branch works for the provincial center, a reception point for its commune's center.
RECEIVED_LEVEL = {
    CenterKind.PROVINCIAL: Level.PROVINCE,
    CenterKind.BRANCH: Level.PROVINCE,
    CenterKind.COMMUNE: Level.COMMUNE,
    CenterKind.RECEPTION_POINT: Level.COMMUNE,
}


def check_center_id(center_id: str, field: str = "centerId") -> str:
    center_id = check_length(field, center_id, "code").strip()
    if not CENTER_ID_PATTERN.match(center_id):
        raise InvalidInput.for_field(
            field,
            f"Mã trung tâm «{shown(center_id)}» không hợp lệ.",
            f"Center id '{shown(center_id)}' is not valid.",
        )
    return center_id
