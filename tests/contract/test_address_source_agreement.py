"""The portal's address reader agrees with the dataset it was built from: vietnamadminunits'
`convert_address` (a dev dependency). Its geocoder, which it calls only to choose among the parts of a
split commune when a street is given, is switched off: the test never goes to the network, and the
package then names its default part, which the portal lists first.
"""

import pytest

from portal.units.address import AddressResolver
from portal.units.sources import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def resolver(gazetteer):
    return AddressResolver(gazetteer)


@pytest.fixture
def their_converter(monkeypatch):
    import vietnamadminunits.converter.converter_2025 as converter

    from infra.reference.admin_units import official_ward_codes

    monkeypatch.setattr(converter, "get_geo_location", lambda _address: None)
    official = official_ward_codes()

    def convert(text: str) -> str | None:
        unit = converter.convert_address_2025(text)
        return official.get(unit.ward_code) if unit.ward_code else None

    return convert


def first_commune(resolution):
    return next(c.commune.code for c in resolution.candidates if c.commune)


@pytest.mark.parametrize(
    "text",
    [
        "Phường Yên Phụ, Quận Tây Hồ, Thành phố Hà Nội",  # split: Hồng Hà first, Tây Hồ second
        "12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM",
        "Phường 12, Quận 10, Thành phố Hồ Chí Minh",
        "Tt Trau Quy, H. Gia Lam, Ha Noi",
        "X. Tân Xã, H. Thạch Thất, TP. Hà Nội",
        "Xã Hải Ninh, Huyện Quảng Ninh, Tỉnh Quảng Bình",
        "Số 1 Đại Cồ Việt, P. Bách Khoa, Q. Hai Bà Trưng, Hà Nội",
        "xã Cổ Đông, Tx. Sơn Tây, Hà Nội",
    ],
)
def test_real_addresses_resolve_as_vietnamadminunits_resolves_them(resolver, their_converter, text):
    assert first_commune(resolver.resolve(text)) == their_converter(text)


def test_one_old_commune_in_ten_resolves_as_vietnamadminunits_does(gazetteer, resolver, their_converter):
    """Every tenth of the 10,035 old communes, written in full: same old commune, same new commune first,
    and every part of a split commune listed."""
    sample = sorted(gazetteer.legacy_communes.values(), key=lambda c: c.code)[::10]
    for commune in sample:
        district = gazetteer.legacy_districts[commune.district_code]
        province = gazetteer.legacy_provinces[district.province_code]
        text = f"{commune.name}, {district.name}, {province.name}"
        r = resolver.resolve(text)
        assert r.legacy.commune == commune, text
        assert first_commune(r) == their_converter(text), text
        assert [c.commune.code for c in r.candidates] == list(commune.new_commune_codes), text
    assert len(sample) == 1004
