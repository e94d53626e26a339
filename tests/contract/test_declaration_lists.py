"""The lists answers are checked against agree with the packages the administrative units come from."""

import json
from pathlib import Path

from portal.procedures.declaration_lists import CURRENT_PROVINCES, ID_PROVINCE_CODES
from portal.procedures.form_rules import fold

LEGACY = Path(__file__).resolve().parents[2] / "functions" / "portal" / "units" / "data" / "legacy_units.json"


def short(name: str) -> str:
    return fold(name.removeprefix("Thành phố ").removeprefix("Tỉnh "))


def test_identity_number_province_codes_are_the_63_former_provinces_codes():
    former = {f"0{code}": short(name) for code, name, *_ in json.loads(LEGACY.read_text("utf-8"))["provinces"]}
    assert {code: fold(name) for code, name in ID_PROVINCE_CODES.items()} == former


def test_current_provinces_are_the_34_of_2025():
    from vietnam_provinces import Province

    assert sorted(fold(n) for n in CURRENT_PROVINCES) == sorted(short(p.name) for p in Province.iter_all())


def test_the_sites_copy_of_the_lists_is_fresh():
    from infra.export_form_lists import TARGET, form_lists_module

    assert TARGET.read_text(encoding="utf-8") == form_lists_module(), "run `make schema` and commit form-lists.js"
