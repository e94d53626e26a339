from datetime import date

import pytest

from portal.dossiers.codes import check_dossier_code, make_dossier_code
from portal.errors import InvalidInput


def test_a_dossier_code_joins_agency_receipt_date_host_and_daily_sequence():
    assert make_dossier_code("H01.000.00", date(2026, 3, 2), 1) == "H01.000.00-260302-010001"
    assert make_dossier_code("X79.042.00", date(2026, 12, 31), 12345) == "X79.042.00-261231-0112345"


def test_a_well_formed_code_is_accepted_whatever_its_case_and_spaces():
    assert check_dossier_code("  h01.000.00-260302-010001 ") == "H01.000.00-260302-010001"


@pytest.mark.parametrize(
    "bad", ["", "H01-260302-010001", "H01.000.00-2603-010001", "1.001193", "H01.000.00-260302-01001"]
)
def test_a_malformed_code_is_refused_with_the_field_named(bad):
    with pytest.raises(InvalidInput) as refused:
        check_dossier_code(bad)
    assert refused.value.problems[0].field == "code"


def test_the_agency_code_must_have_its_official_shape():
    with pytest.raises(ValueError):
        make_dossier_code("000.00.01.H01", date(2026, 3, 2), 1)
