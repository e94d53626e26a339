"""Administrative units: the 34 provinces, the communes of one, an address resolved to today's units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from portal.datasets import ReferenceDataset
from portal.errors import InvalidInput
from portal.identity.access import require_public_read
from portal.identity.principal import Principal
from portal.input_limits import LIMITS
from portal.pagination import Page, page_of_list
from portal.units.directory import UnitDirectory
from portal.units.model import Commune, Province
from portal.units.resolution import Resolution

PROVINCE_CODE = re.compile(r"^\d{2}$")
MAX_ADDRESS_LENGTH = LIMITS["addressText"]


def list_provinces(units: UnitDirectory) -> list[Province]:
    return sorted(units.gazetteer.provinces.values(), key=lambda p: p.code)


def list_communes(units: UnitDirectory, province_code: str, first: int | None, after: str | None) -> Page[Commune]:
    code = province_code.strip()
    if not PROVINCE_CODE.match(code):
        raise InvalidInput.for_field(
            "provinceCode", "Mã tỉnh gồm 2 chữ số (ví dụ 01).", "A province code is 2 digits (e.g. 01)."
        )
    if code not in units.gazetteer.provinces:
        raise InvalidInput.for_field(
            "provinceCode", f"Không có tỉnh, thành phố mã {code}.", f"There is no province with the code {code}."
        )
    communes = sorted((c for c in units.gazetteer.communes.values() if c.province_code == code), key=lambda c: c.code)
    return page_of_list(communes, first, after)


def resolve_address(units: UnitDirectory, text: str) -> Resolution:
    """Today's province and commune for an address in the old or the new form: every candidate."""
    if not text.strip():
        raise InvalidInput.for_field("text", "Hãy nhập địa chỉ.", "Enter an address.")
    if len(text) > MAX_ADDRESS_LENGTH:
        raise InvalidInput.for_field(
            "text",
            f"Địa chỉ dài quá {MAX_ADDRESS_LENGTH} ký tự.",
            f"The address is longer than {MAX_ADDRESS_LENGTH} characters.",
        )
    return units.resolver.resolve(text.strip())


def reference_datasets(units: UnitDirectory) -> list[ReferenceDataset]:
    return list(units.gazetteer.datasets)


@dataclass(frozen=True)
class PublicUnits:
    """The administrative units as the public reads them: each verb checks the reader may read public
    data (an app needs public:read), then the functions above."""

    units: UnitDirectory

    def provinces(self, principal: Principal) -> list[Province]:
        require_public_read(principal)
        return list_provinces(self.units)

    def communes(self, principal: Principal, province_code: str, first: int | None, after: str | None) -> Page[Commune]:
        require_public_read(principal)
        return list_communes(self.units, province_code, first, after)

    def resolve_address(self, principal: Principal, text: str) -> Resolution:
        require_public_read(principal)
        return resolve_address(self.units, text)

    def datasets(self, principal: Principal) -> list[ReferenceDataset]:
        require_public_read(principal)
        return reference_datasets(self.units)
