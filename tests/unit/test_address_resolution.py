"""Old and new addresses resolved to today's units, on the real data shipped with the portal.

tests/contract/test_address_source_agreement.py checks the same reader against vietnamadminunits' own
`convert_address`.
"""

import pytest

from portal.text import fold
from portal.units.address import AddressForm, AddressResolver, Precision
from portal.units.sources import load_gazetteer

HONG_HA, TAY_HO = "00097", "00103"  # the two wards that share the former Yên Phụ ward (Tây Hồ district)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def resolver(gazetteer):
    return AddressResolver(gazetteer)


def communes(resolution):
    return [c.commune.code for c in resolution.candidates if c.commune]


def test_a_split_commune_gives_every_new_commune_and_says_so(resolver):
    r = resolver.resolve("197 Nghi Tàm, phường Yên Phụ, quận Tây Hồ, Hà Nội")
    assert r.form is AddressForm.LEGACY and r.precision is Precision.COMMUNE
    assert r.split and not r.ambiguous
    assert communes(r) == [HONG_HA, TAY_HO]
    assert [c.is_default for c in r.candidates] == [True, False]
    assert r.legacy.commune.name == "Phường Yên Phụ" and r.legacy.district.name == "Quận Tây Hồ"
    assert r.street == "197 Nghi Tàm"


@pytest.mark.parametrize(
    "text",
    [
        "197 nghi tam yen phu tay ho ha noi",  # no accents, no commas, no division words
        "197 Nghi Tam, P. Yen Phu, Q. Tay Ho, TP. Ha Noi",
        "P.Yên Phụ Q.Tây Hồ Tp Hà Nội",
        "Yên Phụ, Tây Hồ",  # no province
        "phuong yen phu, ha noi",  # no district
    ],
)
def test_the_same_old_address_written_many_ways(resolver, text):
    r = resolver.resolve(text)
    assert r.legacy.commune.code == "00106", text
    assert communes(r) == [HONG_HA, TAY_HO] and r.split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM", "26740"),  # Phường Sài Gòn
        ("P12 Q10 tphcm", "27163"),  # Phường Hòa Hưng
        ("Tt Trau Quy, H. Gia Lam, Ha Noi", "00565"),  # Xã Gia Lâm
        ("X. Tân Xã, H. Thạch Thất, TP. Hà Nội", "10009"),  # Xã Hạ Bằng
        ("Xã Hải Ninh, Huyện Quảng Ninh, Tỉnh Quảng Bình", "19225"),  # now Xã Ninh Châu, Quảng Trị
        ("Số 1 Đại Cồ Việt, P. Bách Khoa, Q. Hai Bà Trưng, Hà Nội", "00277"),  # Phường Bạch Mai
        ("xã Cổ Đông, Tx. Sơn Tây, Hà Nội", "09616"),  # split: Xã Đoài Phương first
    ],
)
def test_old_addresses_in_many_forms(resolver, text, expected):
    r = resolver.resolve(text)
    assert communes(r)[0] == expected and r.candidates[0].is_default


def test_an_island_district_without_communes_became_one_special_zone(resolver):
    r = resolver.resolve("Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu")
    assert communes(r) == ["26732"] and r.candidates[0].province.name == "Thành phố Hồ Chí Minh"
    assert r.precision is Precision.COMMUNE


def test_an_address_already_in_the_new_form_is_read_as_it_stands(resolver):
    for text in ("Phường Hồng Hà, Thành phố Hà Nội", "phuong hong ha ha noi", "Tây Hồ, Hà Nội"):
        r = resolver.resolve(text)
        assert r.form is AddressForm.CURRENT and r.legacy is None, text
    assert communes(resolver.resolve("Đặc khu Phú Quốc, An Giang")) == ["31078"]


def test_a_division_word_tells_an_old_district_from_a_new_ward_of_the_same_name(resolver):
    ward = resolver.resolve("Phường Hoàn Kiếm, Hà Nội")
    district = resolver.resolve("Quận Hoàn Kiếm, Hà Nội")
    assert ward.form is AddressForm.CURRENT and communes(ward) == ["00070"]
    assert district.form is AddressForm.LEGACY and district.precision is Precision.DISTRICT
    assert "00070" in communes(district) and len(communes(district)) > 1
    assert not any(c.is_default for c in district.candidates)


def test_typed_accents_tell_apart_names_that_differ_only_by_them(resolver):
    with_accents = resolver.resolve("thị trấn Sa Pa, thị xã Sa Pa, Lào Cai")
    assert with_accents.legacy.commune.name == "Phường Sa Pa"
    without = resolver.resolve("xa ba to quang ngai")  # Xã Ba Tô or Xã Ba Tơ
    assert without.ambiguous and len(communes(without)) == 2


def test_only_the_province_or_nothing_at_all(resolver):
    r = resolver.resolve("Tỉnh Nam Định")
    assert r.precision is Precision.PROVINCE and [c.province.name for c in r.candidates] == ["Ninh Bình"]
    assert r.candidates[0].commune is None
    nothing = resolver.resolve("xyz abc 123")
    assert nothing.form is AddressForm.UNRECOGNIZED and nothing.candidates == ()


def test_a_house_number_is_not_read_as_a_numbered_ward(resolver):
    r = resolver.resolve("12 Lý Tự Trọng, Phường 1, Quận 3, TP. Hồ Chí Minh")
    assert r.legacy.commune.name == "Phường 1" and r.street == "12 Lý Tự Trọng"


def test_one_old_commune_in_ten_is_found_again_when_abbreviated_and_without_accents(gazetteer, resolver):
    """Every tenth of the 10,035 old communes, as "X. ..., H. ..., Tỉnh ..." folded to plain letters. Names
    that differ only by their accents (Xã Minh Quân and Xã Minh Quán) may stay ambiguous, with both."""
    short = {"Phường": "P.", "Xã": "X.", "Thị trấn": "TT.", "Quận": "Q.", "Huyện": "H.", "Thị xã": "Tx."}
    sample = sorted(gazetteer.legacy_communes.values(), key=lambda c: c.code)[::10]
    unresolved = []
    for commune in sample:
        district = gazetteer.legacy_districts[commune.district_code]
        province = gazetteer.legacy_provinces[district.province_code]
        text = fold(" ".join(_abbreviate(n, short) for n in (commune.name, district.name, province.name)))
        r = resolver.resolve(text)
        found = r.legacy is not None and r.legacy.commune == commune
        if not found and not (r.ambiguous and commune.new_commune_codes[0] in communes(r)):
            unresolved.append(text)
    assert len(sample) == 1004 and unresolved == []


def _abbreviate(name: str, short: dict[str, str]) -> str:
    for word, abbreviation in short.items():
        if name.startswith(word + " "):
            return abbreviation + " " + name[len(word) + 1 :]
    return name
