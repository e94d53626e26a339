"""Dossier codes (Circular 03/2025/TT-VPCP as amended by Circular 04/2025/TT-VPCP).

MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX
receiving agency - receipt date - host (2 digits) + daily sequence (at least 4 digits)
"""

from __future__ import annotations

import re
from datetime import date

from portal.errors import InvalidInput
from portal.input_limits import check_length, shown

AGENCY_CODE = r"[A-Z]\d{2}\.\d{3}\.\d{2}"
AGENCY_CODE_PATTERN = re.compile(rf"^{AGENCY_CODE}$")
DOSSIER_CODE_PATTERN = re.compile(rf"^({AGENCY_CODE})-(\d{{6}})-(\d{{2}})(\d{{4,}})$")

# The host digits of this portal: 01 for the national portal (sample assignment).
PORTAL_HOST = "01"


def make_dossier_code(agency_code: str, received_on: date, sequence: int, host: str = PORTAL_HOST) -> str:
    if not AGENCY_CODE_PATTERN.match(agency_code):
        raise ValueError(f"agency code {agency_code!r} is not MX1X2.Y1Y2Y3.Z1Z2")
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    return f"{agency_code}-{received_on:%y%m%d}-{host}{sequence:04d}"


def check_dossier_code(code: str, field: str = "code") -> str:
    code = check_length(field, code, "code").strip().upper()
    if not DOSSIER_CODE_PATTERN.match(code):
        raise InvalidInput.for_field(
            field,
            f"Mã hồ sơ «{shown(code)}» không đúng định dạng (ví dụ H01.000.00-260302-010001).",
            f"Dossier code '{shown(code)}' is not well formed (e.g. H01.000.00-260302-010001).",
        )
    return code


def sequence_key(agency_code: str, received_on: date) -> str:
    """The counter that numbers one agency's dossiers of one day."""
    return f"{agency_code}#{received_on:%y%m%d}"
