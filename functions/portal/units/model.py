"""Vietnam's administrative units: the two levels in force since 1 July 2025, and the three before.

Since 1 July 2025 (Resolution 202/2025/QH15 and the National Assembly Standing Committee's resolutions)
there are 34 provinces and 3,321 communes, wards and special zones, and no districts. Citizens still
write addresses in the old form (commune, district, one of 63 provinces).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from portal.datasets import ReferenceDataset


class DivisionType(Enum):
    """What a unit is called; the Vietnamese word is the value."""

    PROVINCE = "Tỉnh"
    CITY = "Thành phố"  # a centrally-run city (province level) or, before 2025, a provincial city (district level)
    URBAN_DISTRICT = "Quận"
    RURAL_DISTRICT = "Huyện"
    TOWN = "Thị xã"
    WARD = "Phường"
    COMMUNE = "Xã"
    TOWNSHIP = "Thị trấn"
    SPECIAL_ZONE = "Đặc khu"

    @classmethod
    def of_name(cls, name: str) -> tuple[DivisionType | None, str]:
        """('Phường', 'Yên Phụ') from 'Phường Yên Phụ'; (None, name) when the name carries no type."""
        for kind in _LONGEST_FIRST:  # "Thị xã" before "Xã"
            if name.startswith(kind.value) and name[len(kind.value) : len(kind.value) + 1] == " ":
                return kind, name[len(kind.value) + 1 :].strip()
        return None, name


_LONGEST_FIRST = sorted(DivisionType, key=lambda k: -len(k.value))


def in_sentence(name: str) -> str:
    """'phường Yên Phụ' from 'Phường Yên Phụ': the division word in lower case, as inside a sentence."""
    kind, short = DivisionType.of_name(name)
    return f"{kind.value.lower()} {short}" if kind else name


@dataclass(frozen=True)
class Province:
    code: str  # 2 digits, e.g. "01"
    name: str  # "Thành phố Hà Nội", "Cao Bằng"
    division_type: DivisionType

    @property
    def short_name(self) -> str:
        return DivisionType.of_name(self.name)[1]


@dataclass(frozen=True)
class Commune:
    """A commune (xã), ward (phường) or special zone (đặc khu): the level below the province."""

    code: str  # 5 digits, e.g. "00097"
    name: str  # "Phường Hồng Hà"
    division_type: DivisionType
    province_code: str

    @property
    def short_name(self) -> str:
        return DivisionType.of_name(self.name)[1]


@dataclass(frozen=True)
class LegacyProvince:
    code: str
    name: str
    new_province_code: str
    keys: tuple[str, ...] = ()  # other spellings and abbreviations, folded without spaces


@dataclass(frozen=True)
class LegacyDistrict:
    code: str  # 3 digits
    name: str
    province_code: str
    keys: tuple[str, ...] = ()
    # Island districts had no communes: they became special zones directly.
    new_commune_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LegacyCommune:
    code: str
    name: str
    district_code: str
    # Every new commune that took part of it; more than one when it was split. The first is the one
    # the source dataset names when nothing more precise (the street) is known.
    new_commune_codes: tuple[str, ...]
    keys: tuple[str, ...] = ()

    @property
    def was_split(self) -> bool:
        return len(self.new_commune_codes) > 1


@dataclass(frozen=True)
class Gazetteer:
    """Every unit, old and new, and how the old ones map onto the new ones."""

    provinces: dict[str, Province]
    communes: dict[str, Commune]
    legacy_provinces: dict[str, LegacyProvince]
    legacy_districts: dict[str, LegacyDistrict]
    legacy_communes: dict[str, LegacyCommune]
    current_keys: dict[str, tuple[str, ...]]  # other spellings of new provinces and communes, by code
    datasets: tuple[ReferenceDataset, ...]
