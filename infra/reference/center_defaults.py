"""What every center built here shares: ids, the national hotline, opening hours, the derived fields."""

from __future__ import annotations

NATIONAL_HOTLINE = "18001096"  # the National Public Service Portal's support line
WEEKDAY_HOURS = "Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00; sáng Thứ Bảy: 7:30–11:30"
# Fields (as the API names them) that are derived here rather than read from a source, for most centers.
DERIVED = frozenset({"address", "hotline", "openingHours", "location"})


def provincial_center_id(province_code: str) -> str:
    return f"hcc-{province_code}"


def commune_center_id(province_code: str, ward_code: str) -> str:
    return f"hcc-{province_code}-{ward_code}"
