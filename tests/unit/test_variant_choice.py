"""The words of a question pick the variant (procedures/variant_choice.py)."""

import pytest

from portal.procedures.variant_choice import asks_central, asks_foreign, asks_reissue, nudge
from portal.text import fold


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        ("Chồng tôi là người Hàn Quốc, đăng ký kết hôn ở đâu", True),
        ("I am American and my wife is Vietnamese", True),
        ("đăng ký kết hôn với người nước ngoài", True),
        ("đăng ký kết hôn", False),
        ("how do I register a marriage", False),
    ],
)
def test_a_foreign_element_is_read_from_the_question(question, foreign):
    assert asks_foreign(fold(question)) is foreign


@pytest.mark.parametrize(
    ("question", "reissue"),
    [
        ("tôi bị mất thẻ căn cước", True),
        ("sổ đỏ bị cháy", True),
        ("I lost my passport", True),
        ("bố tôi vừa mất, làm giấy chứng tử", False),  # "mất" alone is a death, not a lost paper
        ("làm căn cước lần đầu", False),
    ],
)
def test_a_paper_asked_again_is_read_from_the_question(question, reissue):
    assert asks_reissue(fold(question)) is reissue


def test_the_plain_procedure_wins_unless_the_question_asks_for_a_variant():
    plain, foreign = fold("Đăng ký khai sinh"), fold("Đăng ký khai sinh có yếu tố nước ngoài")
    assert nudge(plain, False, False, 0.2) > nudge(foreign, False, False, 0.2)
    assert nudge(foreign, True, False, 0.2) > nudge(plain, True, False, 0.2)
    again = fold("Cấp lại thẻ căn cước")
    assert nudge(again, False, True, 0.2) > 0 > nudge(again, False, False, 0.2)
    assert nudge(fold("Cấp, cấp lại giấy phép"), False, False, 0.2) == 0  # either: no nudge


def test_the_ministrys_own_filing_comes_after_the_communes_unless_asked():
    central = fold("Cấp lại thẻ căn cước (thực hiện tại cấp trung ương)")
    commune = fold("Cấp lại thẻ căn cước")
    assert nudge(central, False, True, 0.2) < nudge(commune, False, True, 0.2)
    assert asks_central(fold("nộp ở Bộ Công an trung ương"))
    assert nudge(central, False, True, 0.2, central_asked=True) == nudge(commune, False, True, 0.2)
