"""Which variant a question asks for: the words that decide between procedures sharing a name.

The catalog publishes «Đăng ký khai sinh» beside «Đăng ký khai sinh có yếu tố nước ngoài» and «Đăng ký lại
khai sinh»; «Cấp thẻ căn cước» beside «Cấp lại thẻ căn cước». Most people ask for the plain one, so a
variant is nudged down unless the question says what makes it one (a foreigner, a nationality, abroad; a
lost, torn or burnt paper, "làm lại"), and then nudged up. The words are read folded (no marks), as the
search reads them; procedures/variants.py tells the reader which is which.
"""

from __future__ import annotations

import re

FOREIGN_IN_NAME = (" yeu to nuoc ngoai", " nguoi nuoc ngoai", " nuoc ngoai ")
# Words of a question that speak of a foreign element: a foreigner, a nationality, a country, abroad.
FOREIGN_ASKED = re.compile(
    r"\b(nuoc ngoai|viet kieu|ngoai kieu|quoc tich|han quoc|trung quoc|nhat ban|dai loan|"
    r"nguoi (my|phap|uc|anh|duc|nhat|han|trung|thai|nga|lao|campuchia|singapore|an do)|"
    r"foreign\w*|expat\w*|abroad|overseas|non-vietnamese|american|british|korean|japanese|chinese|french|"
    r"german|australian|canadian|indian|taiwanese|singaporean|thai|filipino|russian|italian|dutch)\b"
)
REISSUE_IN_NAME = re.compile(r"(^| )(cap lai|dang ky lai|cap doi)( |$)")
BOTH_IN_NAME = re.compile(r"(^| )(cap|dang ky),? (cap lai|dang ky lai)( |$)")  # «Cấp, cấp lại ...»: either
# Words of a question that ask for a paper again: lost, torn, burnt, damaged, "làm lại".
REISSUE_ASKED = re.compile(
    r"\b(bi mat|lam mat|danh mat|danh roi|mat (the|so|giay|bang|cccd|can cuoc|ho chieu|dang ky)|"
    r"bi (hong|rach|chay|uot|mo)|lam lai|cap lai|xin lai|dang ky lai|cap doi|doi lai|"
    r"lost|stolen|damaged|torn|burnt|replace\w*|re-?issu\w*|renew\w*)\b"
)


CENTRAL_IN_NAME = re.compile(r"\bthuc hien tai (cap )?(trung uong|bo)\b")
CENTRAL_ASKED = re.compile(r"\b(trung uong|bo cong an|cuc|ministry|central)\b")


def asks_central(folded_query: str) -> bool:
    return bool(CENTRAL_ASKED.search(folded_query))


def asks_foreign(folded_query: str) -> bool:
    return bool(FOREIGN_ASKED.search(folded_query))


def asks_reissue(folded_query: str) -> bool:
    return bool(REISSUE_ASKED.search(folded_query))


def nudge(
    folded_name: str, foreign_asked: bool, reissue_asked: bool, step: float, central_asked: bool = False
) -> float:
    """+step for each variant word of the name the question asks for, -step for each it does not. A name
    that says it is the ministry's own filing («(thực hiện tại cấp trung ương)») of a procedure also filed
    at the commune or province is nudged down unless the question names the ministry."""
    name = f" {folded_name} "
    score = 0.0
    if CENTRAL_IN_NAME.search(folded_name) and not central_asked:
        score -= step
    # «... cho công dân Việt Nam, người nước ngoài ...» serves both: not a variant
    if any(words in name for words in FOREIGN_IN_NAME) and " cong dan viet nam" not in name:
        score += step if foreign_asked else -step
    if REISSUE_IN_NAME.search(folded_name) and not BOTH_IN_NAME.search(folded_name):
        score += step if reissue_asked else -step
    return score
