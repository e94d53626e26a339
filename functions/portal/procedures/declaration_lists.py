"""Official lists a declaration's answers are checked against, instead of free text.

- ETHNIC_GROUPS: the 54 ethnic groups of Vietnam in the order of their codes 01-54 in Quyết định
  121-TCTK/PPCĐ of the General Statistics Office (2 March 1979): `ethnic_group_code(name)`. Verified against
  published copies, kept in infra/reference/ethnic_groups.tsv with their addresses: codes 01-09 spelled as
  the decision writes them (the Da Nang statistics office's copy: "HMông", "Khơ-me"), 10-54 as the GSO's
  2019 census tables write them ("Ta-ôi", "La Chi", "Ơ Đu", which an earlier version of this list had
  written from memory as "Tà-ôi", "La Chí", "Ơ-đu"); a contract test compares the two. Other spellings in
  use map to the official one through ETHNIC_ALIASES.
- ID_PROVINCE_CODES: the first three digits of a 12-digit personal identification number are the code of
  the province where the birth was registered (Thông tư 59/2021/TT-BCA, art. 7, which keeps the codes of
  Thông tư 07/2016/TT-BCA): the 63 pre-2025 provinces' statistical codes. The 34 provinces of 2025 kept
  codes among them, so a number stays valid after the merger. A contract test checks this list against
  the pre-2025 units of `vietnamadminunits` (functions/portal/units/data/legacy_units.json).
- CURRENT_PROVINCES: the 34 provinces of 2025 (Nghị quyết 202/2025/QH15); checked against
  `vietnam-provinces` by the same test. A place (hometown, place of birth) must name one of these or a
  former province.

Kept as plain data here because domain code reads no package data (see pyproject's import contracts).
"""

from __future__ import annotations

ETHNIC_GROUPS: tuple[str, ...] = (
    "Kinh", "Tày", "Thái", "Hoa", "Khơ-me", "Mường", "Nùng", "HMông", "Dao", "Gia-rai",
    "Ngái", "Ê-đê", "Ba-na", "Xơ-đăng", "Sán Chay", "Cơ-ho", "Chăm", "Sán Dìu", "Hrê", "Mnông",
    "Ra-glai", "Xtiêng", "Bru-Vân Kiều", "Thổ", "Giáy", "Cơ-tu", "Gié-Triêng", "Mạ", "Khơ-mú", "Co",
    "Ta-ôi", "Chơ-ro", "Kháng", "Xinh-mun", "Hà Nhì", "Chu-ru", "Lào", "La Chi", "La Ha", "Phù Lá",
    "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao", "Cống", "Bố Y", "Si La",
    "Pu Péo", "Brâu", "Ơ Đu", "Rơ-măm",
)  # fmt: skip

ETHNIC_ALIASES: dict[str, str] = {
    "Mông": "HMông",
    "H'Mông": "HMông",
    "Mèo": "HMông",
    "Khmer": "Khơ-me",
    "Việt": "Kinh",
    "Ê Đê": "Ê-đê",
    "Bana": "Ba-na",
    "Jrai": "Gia-rai",
    "Gia Lai": "Gia-rai",
    "Bru - Vân Kiều": "Bru-Vân Kiều",
    "Vân Kiều": "Bru-Vân Kiều",
    "Tà-ôi": "Ta-ôi",  # the spellings of this list before it was checked against the GSO's (see above)
    "Tà Ôi": "Ta-ôi",
    "La Chí": "La Chi",
    "Ơ-đu": "Ơ Đu",
}


def ethnic_group_code(name: str) -> str:
    """The two-digit code of an official group name (Quyết định 121-TCTK/PPCĐ, 1979)."""
    return f"{ETHNIC_GROUPS.index(name) + 1:02d}"


ID_PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh",
    "086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

CURRENT_PROVINCES: tuple[str, ...] = (
    "Hà Nội", "Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Thái Nguyên",
    "Lạng Sơn", "Quảng Ninh", "Bắc Ninh", "Phú Thọ", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa",
    "Đắk Lắk", "Lâm Đồng", "Đồng Nai", "Hồ Chí Minh", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp",
    "An Giang", "Cà Mau",
)  # fmt: skip
