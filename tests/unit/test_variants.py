"""The variant line: procedures sharing a name told apart by the catalog's own words (procedures/variants.py),
on real families of the catalog."""

from dataclasses import replace
from functools import cache

from portal.procedures.model import Level
from portal.procedures.variants import VariantFamilies, VariantNote, family_name, variant_note
from tests.support.catalog import catalog, catalog_procedure


@cache
def families() -> VariantFamilies:
    return VariantFamilies(p.summary() for p in catalog())


def note(code: str) -> VariantNote | None:
    return families().note(catalog_procedure(code).summary())


def test_birth_registration_and_its_variants_share_one_family():
    names = [catalog_procedure(c).name for c in ("1.001193", "1.004884", "2.000522", "2.000528")]
    assert names == [
        "Đăng ký khai sinh",
        "Đăng ký lại khai sinh",
        "Đăng ký lại khai sinh có yếu tố nước ngoài",
        "Đăng ký khai sinh có yếu tố nước ngoài",
    ]
    assert {family_name(n) for n in names} == {"đăng ký khai sinh"}


def test_the_foreign_element_and_the_re_registration_are_said_in_both_languages():
    assert note("2.000528") == VariantNote("Có yếu tố nước ngoài", "With a foreign element")
    assert note("2.000522") == VariantNote(
        "Đăng ký lại · Có yếu tố nước ngoài", "Re-registration · With a foreign element"
    )
    assert note("1.004884") == VariantNote(
        "Đăng ký lại · Không có yếu tố nước ngoài", "Re-registration · No foreign element"
    )
    # the plain one says only what tells it from the others: its siblings are all at the same commune level
    assert note("1.001193") == VariantNote("Không có yếu tố nước ngoài", "No foreign element")


def test_one_name_published_for_a_commune_and_for_a_diplomatic_mission_says_where():
    commune, mission = catalog_procedure("1.004746"), catalog_procedure("2.000507")
    assert commune.name == mission.name == "Đăng ký lại kết hôn"
    assert note("1.004746").vi.endswith("· Ủy ban nhân dân cấp xã")
    assert note("2.000507").vi.endswith("· Cơ quan đại diện ngoại giao")
    assert note("1.004746").en.endswith("· Commune People's Committee")


def test_identity_card_re_issue_at_three_levels_says_the_level_where_the_agency_does_not_tell():
    # the central and the province variants name the same police department: the levels tell them apart
    assert note("1.000757") == VariantNote("Cấp lại · Cấp bộ, ngành", "Re-issue · Ministry level")
    assert note("2.001194") == VariantNote("Cấp lại · Cấp tỉnh", "Re-issue · Province level")
    assert note("2.001195").vi == "Cấp đổi · Cấp tỉnh"
    commune = note("1.014064")
    assert commune.vi == "Cấp lại · Công an cấp xã, không phụ thuộc nơi cư trú", "its parenthesis left out"


def test_a_procedure_whose_name_no_other_shares_has_no_line():
    assert families().siblings(catalog_procedure("1.001612").summary()) == []
    assert note("1.001612") is None  # Đăng ký thành lập hộ kinh doanh


def test_a_name_covering_both_the_first_issue_and_the_re_issue_claims_neither():
    assert catalog_procedure("1.014801").name.startswith("Cấp, cấp lại")
    assert "Cấp lại" not in (note("1.014801").vi if note("1.014801") else "")


def test_an_applicant_kind_is_said_only_when_a_sibling_names_another():
    base = catalog_procedure("1.001193").summary()
    business = replace(base, code="9.000001", name="Đăng ký X cho hộ kinh doanh")
    company = replace(base, code="9.000002", name="Đăng ký X cho doanh nghiệp")
    everyone = replace(base, code="9.000003", name="Đăng ký X của cá nhân")
    assert family_name(business.name) == family_name(company.name) == family_name(everyone.name) == "đăng ký x"
    assert variant_note(business, [company, everyone]) == VariantNote("Hộ kinh doanh", "Household business")
    assert variant_note(everyone, [business, company]) == VariantNote("Cá nhân", "Individual")
    twin = replace(business, code="9.000004")
    assert variant_note(business, [twin]) is None, (
        "both say hộ kinh doanh and are filed alike: nothing tells them apart"
    )


def test_levels_are_named_when_the_agencies_are_the_same():
    base = catalog_procedure("1.001193").summary()
    province = replace(base, code="9.000005", levels=(Level.PROVINCE,))
    assert variant_note(base, [province]) == VariantNote("Cấp xã", "Commune level")


def test_a_province_procedure_is_told_from_the_national_ones_and_its_own_provinces_only():
    procedures = [p.summary() for p in catalog()]
    own = next(
        p for p in procedures if p.province_code and any(s.province_code is None for s in families().siblings(p))
    )
    assert all(s.province_code in (None, own.province_code) for s in families().siblings(own))
    national = next(s for s in families().siblings(own) if s.province_code is None)
    assert own not in families().siblings(national), "a national procedure is listed without the provinces' own"
