"""What an address resolves to: its form, how precisely it was read, and every candidate new unit.

Apart from the matcher (portal.units.address) so that the API's types need not load it at cold start.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from portal.units.model import Commune, LegacyCommune, LegacyDistrict, LegacyProvince, Province


class AddressForm(Enum):
    LEGACY = "legacy"  # commune, district, province (before 1 July 2025)
    CURRENT = "current"  # commune, province (since 1 July 2025)
    UNRECOGNIZED = "unrecognized"


class Precision(Enum):
    COMMUNE = 3
    DISTRICT = 2
    PROVINCE = 1
    NONE = 0


@dataclass(frozen=True)
class Candidate:
    province: Province
    commune: Commune | None
    is_default: bool  # the one to propose when nothing more precise is known


@dataclass(frozen=True)
class LegacyMatch:
    province: LegacyProvince
    district: LegacyDistrict | None
    commune: LegacyCommune | None
    province_given: bool = True  # False when the province was inferred from the district


@dataclass(frozen=True)
class Resolution:
    text: str
    form: AddressForm
    precision: Precision
    street: str | None
    legacy: LegacyMatch | None
    split: bool  # the old commune was divided: every new commune that took part of it is a candidate
    ambiguous: bool  # several units fit the text equally well: all are candidates
    candidates: tuple[Candidate, ...]
