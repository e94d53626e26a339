"""What a 12-digit personal identification number (số định danh cá nhân) says about its holder.

Thông tư 59/2021/TT-BCA, art. 7: digits 1-3 are the code of the province where the birth was
registered, digit 4 codes the century of birth and the sex (0/1: 1900s male/female, 2/3: 2000s,
4/5: 2100s, 6/7: 2200s, 8/9: 2300s), digits 5-6 the last two digits of the year of birth, and the last
six are a random sequence. So a number can be checked for form and for consistency (a mother's number
codes a woman; nobody is born in the future) without asking any database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from portal.procedures.declaration_lists import ID_PROVINCE_CODES


class Sex(Enum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True)
class IdFacts:
    province_code: str
    sex: Sex
    birth_year: int


def read_id(number: str) -> IdFacts | None:
    """The facts coded in a well-formed number, or None when it is not 12 digits."""
    if len(number) != 12 or not number.isdigit():
        return None
    century_sex = int(number[3])
    return IdFacts(
        province_code=number[:3],
        sex=Sex.FEMALE if century_sex % 2 else Sex.MALE,
        birth_year=1900 + 100 * (century_sex // 2) + int(number[4:6]),
    )


def id_problem(number: str, this_year: int) -> tuple[str, str] | None:
    """Why a 12-digit number cannot be a personal identification number (Vietnamese, English), or None."""
    facts = read_id(number)
    if facts is None:
        return "phải gồm đúng 12 chữ số.", "must be exactly 12 digits."
    if facts.province_code not in ID_PROVINCE_CODES:
        return (
            f"3 chữ số đầu ({facts.province_code}) không phải mã tỉnh nơi đăng ký khai sinh. "
            "Vui lòng xem lại số trên thẻ căn cước.",
            f"the first 3 digits ({facts.province_code}) are not the code of a province of birth registration. "
            "Please check the number on the ID card.",
        )
    if facts.birth_year > this_year:
        return (
            f"chữ số thứ 4–6 cho năm sinh {facts.birth_year}, chưa đến. Vui lòng xem lại số trên thẻ căn cước.",
            f"digits 4-6 give the birth year {facts.birth_year}, which has not come yet. "
            "Please check the number on the ID card.",
        )
    return None
