"""The center directory as the public reads it, one service object: a province's, a commune's or the
nearest centers, those receiving a procedure, one center by id. Each verb checks the reader may read
public data (an app needs public:read), then the rules of portal.centers.service."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from portal.centers import service
from portal.centers.model import Center, GeoPoint
from portal.centers.service import CenterRepository
from portal.errors import InvalidInput
from portal.identity.access import require_public_read
from portal.identity.principal import Principal
from portal.procedures.catalog import Catalog


@dataclass(frozen=True)
class CenterSearch:
    """Exactly one of province, commune or position; or a procedure alone (where one can file it)."""

    province_code: str | None = None
    commune_code: str | None = None
    near: GeoPoint | None = None
    radius_km: float | None = None
    procedure_code: str | None = None
    first: int | None = None
    after: str | None = None


@dataclass(frozen=True)
class FoundCenter:
    center: Center
    distance_km: float | None  # only for a search near a point


@dataclass(frozen=True)
class CenterResults:
    found: list[FoundCenter]
    end_cursor: str | None


@dataclass(frozen=True)
class CenterDirectory:
    centers: CenterRepository
    catalog: Catalog
    province_codes: Callable[[], Sequence[str]]

    def get(self, principal: Principal, center_id: str) -> Center:
        require_public_read(principal)
        return service.get_center(self.centers, center_id)

    def find(self, principal: Principal, search: CenterSearch) -> CenterResults:
        require_public_read(principal)
        s = search
        if s.procedure_code is not None and s.near is None and s.commune_code is None:
            page = service.centers_receiving(
                self.centers,
                self.catalog,
                self.province_codes(),
                s.procedure_code,
                s.province_code,
                s.first,
                s.after,
            )
            return CenterResults([FoundCenter(c, None) for c in page.items], page.end_cursor)
        if sum(x is not None for x in (s.province_code, s.commune_code, s.near)) != 1:
            raise InvalidInput.for_field(
                "centers",
                "Hãy chọn đúng một: tỉnh, xã hoặc vị trí.",
                "Give exactly one of provinceCode, communeCode or near.",
            )
        if s.near is not None:
            if s.after is not None:
                raise InvalidInput.for_field(
                    "after", "Tìm theo vị trí không phân trang.", "A search near a point has one page only."
                )
            nearby = service.nearest_centers(self.centers, self.catalog, s.near, s.radius_km, s.procedure_code, s.first)
            return CenterResults([FoundCenter(n.center, n.distance_km) for n in nearby], None)
        page = (
            service.centers_in_province(self.centers, s.province_code, s.first, s.after)
            if s.province_code is not None
            else service.centers_in_commune(self.centers, s.commune_code or "", s.first, s.after)
        )
        return CenterResults([FoundCenter(c, None) for c in page.items], page.end_cursor)
